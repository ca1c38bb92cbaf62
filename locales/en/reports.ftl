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
