## The emulation calendar: deadline reminders, draft nudges, review summaries

period-MONTHLY = { $index }/{ $year }
period-QUARTERLY = Q{ $index } { $year }
period-HALF_YEARLY = { $index ->
        [1] first half of { $year }
       *[other] second half of { $year }
    }
period-YEARLY = { $year }
calendar-days-left = { $days ->
        [0] due today
        [1] 1 day left
       *[other] { $days } days left
    }
reminder-message =
    ⏰ <b>Reminder: { $title }</b>
    Due: { $date } — { $left }.
reminder-quota-line = • { $unit }: { $approved }/{ $quota } exemplars in { $period } — { $left }{ $met ->
        [yes] {" "}✅
       *[no] {""}
    }
reminder-group-footer = Send /decu to the bot to nominate someone who sets a good example.
nudge-message = You have an unfinished nomination{ $name ->
        [none] {""}
       *[other] {" "}for <b>{ $name }</b>
    }. Press “Continue” to finish it; it only takes a few minutes.
nudge-continue = ▶️ Continue
review-summary-header = ⏳ <b>{ $count } nominations waiting more than { $days } days</b> (oldest first):
review-summary-item = • { $code } — { $name } ({ $unit }): waiting { $waited } days, { $status }
review-summary-footer = Send /pending to open each one.
review-summary-unreachable = 📵 { $count } officers get no private messages on the Zalo OA: they have not written to it for more than { $days } days (Zalo lets the OA write only after they do). Cards still come to this group; ask them to send the OA any message:
review-summary-unreachable-item = • { $name }{ $elsewhere ->
        [yes] {" "}(still reached on a linked channel)
       *[no] {""}
    }
deadlines-header = 📅 <b>Upcoming deadlines</b>
deadlines-item = • { $date } — { $title } ({ $left }) · <code>{ $code }</code>
deadlines-outside-window = ⏳ Outside Zalo's 7-day window: { $count } reminders could not go out on the Zalo OA (the recipients have not written to it lately){ $elsewhere ->
        [0] {""}
       *[other] ; { $elsewhere } reached them on a linked channel
    }.
deadlines-empty = No upcoming deadlines.
deadlines-officers-only = This command is for emulation officers and admins.
deadline-add-usage =
    Usage: /deadline_add <date> | <title> | <audience>
    • Date: dd/mm (every year) or dd/mm/yyyy (once).
    • Audience: groups (subscribed groups), officers (unit officers), council, nominators.
    Example: /deadline_add 20/12 | Yearly results report | officers
deadline-add-bad-date = “{ $text }” is not a valid date. Write dd/mm or dd/mm/yyyy, e.g. 20/12 or 20/12/2026.
deadline-add-bad-audience = “{ $text }” is not an audience: use groups, officers, council or nominators.
deadline-added = Added “{ $title }” (code <code>{ $code }</code>), next due { $date } — { $left }. Reminders go out 7, 3 and 1 days before and on the day.
deadline-remove-usage = Usage: /deadline_remove <code> (codes are in /deadlines)
deadline-removed = Removed <code>{ $code }</code>.
deadline-not-found = No deadline with code <code>{ $code }</code>.
tick-disabled = /tick is for trials only (ALLOW_TIME_TRAVEL=1).
tick-usage = Usage: /tick dd/mm/yyyy hh:mm (local time)
tick-done = Ran the periodic jobs as if it were { $time }:
tick-reminders = { $count ->
        [0] Reminders: no deadline has reached a reminder day.
       *[other] Reminders: { $count } sent.
    }
tick-draft-nudges = { $count ->
        [0] Unfinished nominations: nobody to nudge.
       *[other] Unfinished nominations: { $count } people nudged to finish.
    }
tick-review-summaries = { $count ->
        [0] Waiting reviews: nothing has waited too long.
       *[other] Waiting reviews: { $count } summaries sent to officers.
    }
tick-digest-preview = The weekly digest's preview went to the council group ({ $count } stories).
tick-weekly-digest-sent = Weekly digest: { $stories } stories, sent to { $chats } community groups.
tick-weekly-digest-empty = Weekly digest: no newly approved story, so nothing was sent.
tick-weekly-digest-held = Weekly digest: held by the council, so not sent yet.
tick-digest-settle = { $count ->
        [0] { "" }
       *[other] { $count } stories marked as published.
    }
tick-retention = Data past its keeping time: { $phones } contact phone numbers and { $photos } unpublished photos deleted.
tick-weekly-stats = Weekly statistics: the quarter's chart went to { $count } council groups.
tick-other = Job { $name }: done.
tick-failed = Job “{ $name }” failed: { $error }
