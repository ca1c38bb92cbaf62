## Reports, statistics and achievement dossiers for officers

reports-officers-only = Only emulation officers can get reports. If you are one, ask an admin to add you with /officer_add.
reports-pick-period = Pick the period{ $what ->
        [csv] {" "}(CSV list of nominations)
        [stats] {" "}(statistics chart)
       *[xlsx] {" "}(Excel workbook)
    }, or type <code>/report 2026-Q4</code>, <code>/report 2026-H2</code>, <code>/report 2026</code>, <code>/report 01/10/2026-15/11/2026</code>; add a unit code for one unit only.
reports-period-choice = { $label }
reports-period-unknown = “{ $text }” is not a period I know. Type a quarter (<code>2026-Q4</code>), a half-year (<code>2026-H1</code>), a year (<code>2026</code>), a month (<code>11/2026</code>) or a date range (<code>01/10/2026-15/11/2026</code>).
reports-period-range-order = The start date must come before the end date: “{ $text }”.
reports-period-range-long = The range “{ $text }” is longer than 3 years; pick a shorter one.
reports-unknown-unit = There is no unit with code <code>{ $code }</code>.
reports-outside-scope = Unit <code>{ $code }</code> is outside the units you look after.
reports-working = ⏳ Preparing the { $what ->
        [csv] CSV file
        [stats] chart
        [docx] dossier
       *[xlsx] report
    } for { $period }…
reports-xlsx-caption = 📊 Report { $period } — { $scope }: { $received } nominations received, { $approved } exemplars approved.
reports-csv-caption = 📄 Nominations { $period } — { $scope }: { $count } nominations.
reports-stats-caption = 📈 Statistics { $period } — { $scope }: { $received } nominations, { $approved } exemplars approved.
weekly-stats-caption = 📊 Start-of-week statistics, { $period }, all units: { $received } nominations received, { $approved } exemplars approved. Send /report for the workbook, /stats for one unit.
reports-empty = No nominations in this period yet; the file still has every table, ready to attach to your report.
reports-no-documents = This channel cannot send files yet. Get the report on Telegram, or ask an admin to run <code>npm run report</code>.
reports-failed = The report could not be made just now. Please try again in a few minutes.
reports-scope-all = all units
reports-dossier-usage = Type <code>/dossier GS-2026-0042</code> for a draft achievement report (Word) of a nomination.
reports-dossier-not-found = No nomination <code>{ $code }</code> in the units you look after.
reports-dossier-caption = 📝 Draft achievement report for <b>{ $name }</b> ({ $code }). Complete the blanks in Word before it is signed.

## /khenthuong (/commend)

commend-usage = Record the commendations a nominee already received, for section III of the achievement report (/dossier):
    • <code>/commend GS-2026-0042</code>: the list recorded so far
    • <code>/commend GS-2026-0042 2025 | Certificate of merit | Decision 12/QĐ-UBND of 15/01/2025 | Sơn Vi commune People's Committee</code>: add a row (year | form | decision number and date | issuer)
    • <code>/commend GS-2026-0042 remove 2</code>: remove row 2
commend-error-parts = Four parts are needed, separated by |: year | form of commendation | decision number and date | issuer. For example: <code>2025 | Certificate of merit | Decision 12/QĐ-UBND of 15/01/2025 | Sơn Vi commune People's Committee</code>
commend-error-year = The year must have four digits, from 1948 to this year, e.g. <code>2025</code>.
commend-error-too-long = Each part is at most 200 characters; write it as short as the decision does.
commend-added = ✅ Recorded: { $form } ({ $year }).
commend-removed = 🗑 Removed: { $form } ({ $year }).
commend-no-such = Nomination { $code } has no commendation row { $number }.
commend-list-empty = Nomination { $code } has no commendation recorded yet. Add one with <code>/commend { $code } year | form | decision number and date | issuer</code>.
commend-list-header = <b>Commendations recorded for { $code }</b> ({ $count }):
commend-list-item = { $number }. { $year } — { $form }; { $decision }; { $issuer }
commend-list-footer = These rows fill section III when you send <code>/dossier { $code }</code>.
