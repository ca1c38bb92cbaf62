## Subscriptions of groups and channels, and sending the digest of good people, good deeds

subscription-scope-all = The whole organisation
subscription-fields-all = All fields
subscription-button-all-units = 🌐 Whole organisation
subscription-button-choose = ✅ Choose: { $unit }
subscription-button-up = ⬆️ Up one level
subscription-button-type = 🔎 Type a unit code or name
subscription-button-fields = ➡️ Choose fields
subscription-button-scope = ⬅️ Scope
subscription-button-confirm = ✔️ Confirm subscription
subscription-button-cancel = ✖️ Cancel
subscription-scope-screen =
    📬 <b>Subscribe to the digest of good people, good deeds</b> for { $chat }
    Scope chosen: <b>{ $scope }</b>
    Browsing: { $browsing }

    Choose a unit to receive only its stories (and those of the units under it), or keep "The whole organisation".
subscription-fields-screen =
    📬 <b>Subscribe to the digest</b> for { $chat }
    Scope: <b>{ $scope }</b>
    Fields: <b>{ $fields }</b>

    Tap fields to receive only their stories; choosing none means all fields.
subscription-unsupported = This channel cannot subscribe to the digest yet.
subscription-not-admin = Sorry, only this group's admins can subscribe it to the digest or unsubscribe it.
subscription-channel-usage =
    To subscribe a channel, write to the bot in private: <code>/subscribe @channelname</code>
    (In a group, an admin just types /subscribe in the group.)
subscription-channel-not-found = The bot cannot see the channel { $channel }. Add the bot to the channel as an admin, then try again.
subscription-channel-not-channel = { $channel } is not a channel. For a group, type /subscribe in the group itself.
subscription-channel-bot-not-admin = The bot is not an admin of { $channel }, so it cannot post there. Make the bot an admin (with posting rights), then try again.
subscription-channel-not-admin = You are not an admin of { $channel }, so you cannot change its subscription.
subscription-unsubscribe-usage = To unsubscribe a channel, type <code>/unsubscribe @channelname</code>. In a group, type /unsubscribe in the group.
subscription-ended = Unsubscribed. The group will no longer receive the weekly digest; type /subscribe to subscribe again.
subscription-none = This group is not subscribed to the digest.
subscription-not-yours = Only the admin who started this subscription can choose here.
subscription-invalid = That choice is not valid.
subscription-type-unit = Type a unit code (e.g. PT-LT) or part of a unit's name.
subscription-cancelled = Subscription cancelled. Nothing was changed.
subscription-unit-not-found = No unit matches "{ $text }". Type a unit code or name again.
subscription-unit-pick = Several units match "{ $text }". Choose one:
subscription-saved =
    ✅ { $chat } is subscribed to the digest of good people, good deeds.
    Scope: <b>{ $scope }</b>
    Fields: <b>{ $fields }</b>
    The digest comes weekly; an admin types /unsubscribe to stop it.
subscription-admins-only = This command is for the bot's admins only.
subscription-list-empty = No group or channel is subscribed to the digest yet.
subscription-list-header = <b>Groups and channels subscribed to the digest ({ $count }):</b>
subscription-list-item-active = ✅ { $chat } ({ $kind }) — scope: { $scope }; fields: { $fields }
subscription-list-item-inactive = ⛔ { $chat } ({ $kind }) — scope: { $scope }; fields: { $fields } — stopped since { $since }: { $reason }
subscription-kind-PRIVATE = private chat
subscription-kind-GROUP = group
subscription-kind-SUPERGROUP = supergroup
subscription-kind-CHANNEL = channel
subscription-reason-unknown = reason unknown
subscription-reason-unsubscribed = { $name } unsubscribed
subscription-reason-removed = { $name } removed or blocked the bot

broadcast-council-only = Sorry, this is only for officers of the Emulation and Commendation Council and admins.
broadcast-invalid = This button is not valid.
broadcast-started = 📤 Sending digest #{ $id }: { $parts } messages to { $chats } groups…
broadcast-no-subscribers = No group has subscribed to the digest yet, so nothing was sent (and no digest was created). Add the bot to a community group and type /subscribe there; /subscriptions lists the subscribed groups.
broadcast-nothing = No new stories to send (digest #{ $id }): every group has had every approved story.
broadcast-progress = 📤 Digest #{ $id }: sent to { $chatsDone }/{ $chats } groups… ({ $sent } messages sent, { $pending } waiting, { $failed } failed)
broadcast-progress-done = ✅ Digest #{ $id } sent to { $chats } groups: { $sent } messages sent, { $failed } failed.
broadcast-preview-header =
    📋 <b>Preview of weekly digest #{ $id }</b>
    Planned for { $time } to { $chats } groups, { $count } stories:
broadcast-preview-item = { $n }. { $name } — { $unit } ({ $code })
broadcast-preview-item-dropped = { $n }. <s>{ $name } — { $unit }</s> (dropped from the digest)
broadcast-preview-empty = (no stories)
broadcast-preview-state-planned = Without changes, the digest goes out as planned.
broadcast-preview-state-held = ⏸ The digest is <b>on hold</b>: the schedule will not send it. Tap "Send now" or type /broadcast_now to send it.
broadcast-preview-state-sent = 📤 The digest has been sent.
broadcast-preview-drop = 🚫 Drop { $n }. { $name }
broadcast-preview-keep = ↩️ Keep { $n }. { $name }
broadcast-preview-hold = ⏸ Hold the whole digest
broadcast-preview-release = ▶️ Send now
broadcast-preview-stale = This digest has been sent or changed; the button no longer applies.
broadcast-list-empty = No digest has been sent yet.
broadcast-list-header = <b>Recent digest runs:</b>
broadcast-list-item = #{ $id } · { $kind } · { $time } · { $status } — { $chats } groups; sent { $sent }, failed { $failed }, waiting { $pending }
broadcast-kind-WEEKLY_DIGEST = weekly digest
broadcast-kind-MANUAL = sent on request
broadcast-status-PLANNED = planned
broadcast-status-HELD = on hold
broadcast-status-SENDING = sending
broadcast-status-DONE = done
broadcast-status-CANCELLED = cancelled
broadcast-outside-window = ⏳ Outside Zalo's 7-day window: { $count } people (they have not written to the OA lately, so Zalo refused; not retried, they get later stories once they write again).
subscription-list-personal = 👤 Residents subscribed personally: { $count }.

## Residents' own subscription in their private chat (/getdigest, /stopdigest)

personal-digest-private-only = This command is for your private chat with the bot, to get the digest yourself. For a group, a group admin types /subscribe in the group.
personal-digest-on =
    ✅ You will get the weekly digest of good people and good deeds.
    Scope: <b>{ $scope }</b>
    To hear only of one unit, type /getdigest with the unit's code or name (e.g. /getdigest PT-LT). Type /stopdigest to stop.
personal-digest-window = ℹ️ Zalo lets an Official Account write to you only within { $days } days of your last message. Write to the OA at least once a week (for instance type /stories) so you do not miss the digest.
personal-digest-off = The weekly digest will no longer be sent to you. Type /getdigest to get it again.
personal-digest-none = You are not subscribed to the digest. Type /getdigest to subscribe.
personal-digest-unit-not-found = No unit matches "{ $text }". Type /getdigest alone for the stories of the whole organisation, or type a unit code again (e.g. /getdigest PT-LT).
personal-digest-unit-pick =
    Several units match "{ $text }". Type /getdigest followed by the code of the one you want:
    { $units }
