## Reviewing nominations (emulation officers, the Emulation and Commendation Council)

review-level-UNIT = Unit level
review-level-COUNCIL = Emulation and Commendation Council
review-card =
    📋 <b>Nomination { $code }</b> · { $level }
    <b>Nominee:</b> { $name } ({ $kind })
    <b>Unit:</b> { $unit }
    <b>Field:</b> { $field }
    <b>Movement:</b> { $movement }
    <b>Criteria:</b> { $criteria }
    <b>Consent to publish:</b> { $consent }
    <b>Nominated by:</b> { $nominator }
    <b>Photos:</b> { $photos }

    <b>Achievements:</b>
    { $achievements }

    <b>Proposed public story:</b>
    { $story }
review-movement-none = None
review-consent-GIVEN = Given
review-consent-NOT_ASKED = Not asked yet
review-consent-minor = {" "}(under 16: a parent or guardian must agree, /consent … guardian)
review-consent-WITHDRAWN = Withdrawn
review-truncated = … (press 📄 Full text)
review-full =
    📄 <b>Nomination { $code }</b> — full text
    <b>Nominee's phone (never published):</b> { $contact }

    <b>Achievements:</b>
    { $achievements }
review-contact-none = none
review-contact-private-only = shown only when 📄 is pressed in a private chat with the bot
review-btn-approve = ✅ Approve
review-btn-request-info = 📝 Ask for more
review-btn-reject = ❌ Reject
review-btn-edit-story = ✏️ Edit story
review-btn-view-full = 📄 Full text
review-btn-dossier = 📝 Achievement report
review-decision-FORWARD = ✅ { $actor } approved at unit level and forwarded to the council at { $time }.
review-decision-APPROVE = ✅ { $actor } approved at { $time }. It will be introduced in the next weekly digest.
review-decision-REQUEST_INFO = 📝 { $actor } asked for more information at { $time }: { $reason }
review-decision-ANSWER_INFO = 💬 <b>The nominator answered</b> at { $time }: { $reason }
review-decision-REJECT = ❌ { $actor } rejected at { $time }. Reason: { $reason }
review-decision-EDIT_STORY = ✏️ { $actor } edited the public story at { $time }.
review-decision-WITHDRAW = ↩️ The nominator withdrew this nomination at { $time }.
review-decisions-earlier = 🗂 { $count } earlier steps are folded to keep this card short; see them all with /history { $code }.
review-not-allowed = You may not review this nomination.
review-own-nomination = You cannot review a nomination you made yourself; another officer will look at it.
review-forged = This button is not valid.
review-stale = This nomination was already handled ({ $status }).
review-stale-by = { $actor } handled this nomination first ({ $status }).
review-not-found = Nomination not found.
review-ask-reject = ✍️ { $officer }, reply to this message with the <b>reason for rejecting</b> { $code } (at least { $min } characters). Send /cancel to stop.
review-ask-request-info = ✍️ { $officer }, reply to this message with <b>what the nominator should add</b> to { $code }. Send /cancel to stop.
review-ask-edit-story = ✍️ { $officer }, reply to this message with the <b>edited public story</b> of { $code }. The current text follows; keep it objective and truthful, without exaggeration. Send /cancel to stop.
review-current-story = { $story }
review-reason-too-short = A reason needs at least { $min } characters so the nominator understands why. You sent { $length } — please write a little more.
review-prompt-cancelled = Stopped; the nomination is unchanged.
review-prompt-text-only = Please answer in text.
review-done-FORWARD = { $code } forwarded to the council.
review-done-APPROVE = { $code } approved.
review-done-REQUEST_INFO = The nominator of { $code } has been asked for more information.
review-done-REJECT = { $code } rejected; the nominator has been told why.
review-done-EDIT_STORY = The new public story of { $code } is saved.
review-pending-header = ⏳ <b>Nominations waiting for you</b> (oldest first):
review-pending-item = • { $code } — { $name } ({ $unit }), submitted { $date }
review-pending-empty = Nothing is waiting for your review. 👍
review-pending-more = … and { $count } more ({ $total } waiting in all). Deal with the ones above first and the list moves on.
review-pending-open = Open { $code }
review-history-usage = Usage: /history GS-2026-0042
review-history-not-found = No nomination { $code }.
review-history-header = 🗂 <b>Timeline of { $code }</b> — { $name }
review-history-item = • { $time } — { $action } ({ $actor }){ $reason }
review-history-system = system
review-action-SUBMIT = submitted
review-action-FORWARD = approved at unit level, forwarded to the council
review-action-APPROVE = approved
review-action-REQUEST_INFO = asked for more information
review-action-ANSWER_INFO = nominator answered
review-action-REJECT = rejected
review-action-EDIT_STORY = edited the public story
review-action-WITHDRAW = withdrawn
review-action-CANCEL = cancelled
review-action-PUBLISH = published in the digest
review-officers-only = This command is for emulation officers.
review-admin-only = This command is for admins.
review-group-only = Send this command in the group that should become a review group.
review-officer-add-usage = Usage: /officer_add <user id or @username> <unit code | council>
review-officer-remove-usage = Usage: /officer_remove <user id or @username> <unit code | council>
review-unknown-unit = There is no unit with code { $code }. Unit codes look like: { $examples }.
review-unknown-person = Unknown user { $who }. Ask them to send /start to the bot first, or use their numeric user id.
review-officer-added = { $name } is now { $role }.
review-officer-removed = { $name } is no longer { $role }.
review-officer-not-held = { $name } does not hold the role { $role }.
review-role-UNIT_OFFICER = emulation officer of { $unit }
review-role-COUNCIL_OFFICER = member of the Emulation and Commendation Council{ $unit }
review-officers-header = 👥 <b>Reviewers</b>
review-officers-empty = No reviewers yet. Use /officer_add to appoint one.
review-officers-item = • { $name } — { $role }
review-group-bound = This group is now the review group of { $scope }. New nominations will be posted here.
review-scope-council = the Emulation and Commendation Council
review-notice-FORWARD = 📬 { $code } ({ $name }) was approved at unit level and forwarded to the Emulation and Commendation Council.
review-notice-APPROVE = 🎉 { $code } ({ $name }) has been approved! The story will be introduced in the good people, good deeds digest. Thank you for finding this example.
review-notice-REJECT = { $code } ({ $name }) was not approved. Reason: { $reason }
review-notice-REQUEST_INFO =
    📝 An officer needs more information on { $code } ({ $name }):
    { $reason }

    Send it here (text and/or photos), then press “Send additions”.
review-notice-PUBLISH = 📣 The story of { $name } ({ $code }) has been published in the digest. Thank you!
review-notice-PUBLISH-link = 📖 The story on the public site, to share: { $link }
review-answer-received = Received. Send more if needed, then press “Send additions”.
review-answer-send = ✅ Send additions
review-answer-empty = You have not sent anything yet. Send text or photos first.
review-answer-done = Your additions to { $code } have been sent. An officer will look again soon.
review-answer-photos = { $count } photos
