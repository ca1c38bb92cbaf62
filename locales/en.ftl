# Gương Sáng — English.
# String arguments are HTML-escaped automatically; use only <b>, <i>, <code> in messages.

app-name = Gương Sáng
app-tagline = Discover, nurture, sum up and spread the stories of good people and good deeds.

## Start-up (shown on the operator's screen)

setup-no-token =
    Gương Sáng's data is ready, but there is no Telegram bot token yet, so it cannot chat.
    { $fields } fields, { $criteria } criteria, { $movements } movements and { $units } units are in the database { $database }.
    To run the bot:
      1. Open @BotFather on Telegram, send /newbot and follow the steps to get a bot token.
      2. Copy .env.example to .env and set TELEGRAM_BOT_TOKEN=<the token>.
      3. Run again: npm start
    To try it on this machine without Telegram: run npm run emulator in another window and follow what it prints.
setup-database-error =
    Could not open the database { $database }.
    Reason: { $reason }
    Check DATABASE_URL in .env (SQLite: file:./data/guong-sang.db; PostgreSQL: postgresql://user@host:5432/dbname).
setup-migrated = Database structure updated: { $names }.
setup-seeded = Reference data loaded: { $fields } fields, { $criteria } criteria, { $movements } movements, { $units } units.
setup-starting = Gương Sáng is connecting to Telegram at { $apiRoot }…
setup-stopping = Stopping Gương Sáng…
setup-playground =
    Gương Sáng is running as a local trial on this machine (no Telegram token yet), with a sample organisation: the town of Lâm Thao, its officer, the council, two community groups and two approved stories.
    👉 Open { $url } to chat with the bot. Pick who you are (resident, unit officer, council officer, admin) at the top; the clock panel moves time so reminders and the weekly digest arrive; "Start over" wipes the trial data.
    The trial data lives apart in { $dir } (your real database is not touched). Emulated Bot API server: { $apiRoot } (bot token { $token }).
    Once you have a real token from @BotFather: set TELEGRAM_BOT_TOKEN in .env and run npm start again. Ctrl+C stops.

## Nomination status

status-DRAFT = Draft
status-CANCELLED = Cancelled
status-SUBMITTED = Submitted, waiting for review
status-IN_REVIEW = In review
status-NEEDS_INFO = More information needed
status-APPROVED = Approved
status-PUBLISHED = Published
status-REJECTED = Not approved
status-WITHDRAWN = Withdrawn

## Who is nominated

nominee-kind-INDIVIDUAL = Individual
nominee-kind-COLLECTIVE = Collective
nominee-kind-HOUSEHOLD = Household
nominee-kind-ENTERPRISE = Enterprise

## Consent to publish

consent-GIVEN = Agreed
consent-NOT_ASKED = Not asked yet
consent-MINOR_GIVEN = Under 16, a parent or guardian agreed
consent-MINOR_NOT_ASKED = Under 16, parent or guardian not asked yet
consent-WITHDRAWN = Withdrawn

## Commands (descriptions in Telegram's command list)

cmd-start = Start and see what you can do
cmd-nominate = Nominate a good person or good deed
cmd-mine = See the nominations I made
cmd-cancel = Cancel the nomination in progress
cmd-help = How to use the bot
cmd-stories = See the latest exemplars on the public site
cmd-mydata = Get everything the bot holds about me
cmd-deletemydata = Delete my personal data
cmd-language = Change language (Tiếng Việt / English)
cmd-getdigest = Get the weekly digest of good examples in your private chat
cmd-stopdigest = Stop getting the weekly digest
cmd-group-choduyet = Nominations waiting for my review
cmd-group-lichsu = Review history of a nomination: /lichsu GS-2026-0042
cmd-group-dangky = Subscribe this group to the good-deeds digest
cmd-group-huydangky = Stop the digest in this group
cmd-group-deadlines = Upcoming deadlines (emulation officers)
cmd-role-choduyet = Nominations waiting for my review
cmd-role-lichsu = Review history of a nomination: /lichsu GS-2026-0042
cmd-role-baocao = The period's Excel report (quarter, year…) for my units
cmd-role-thongke = The period's statistics chart
cmd-role-hoso = A Word draft of a nomination's achievement report
cmd-role-khenthuong = Record commendations already received (section III of the dossier)
cmd-role-hanchot = Upcoming deadlines
cmd-role-dongy = Record the nominee's (or guardian's) consent to publish
cmd-role-rutdongy = Record a withdrawn consent and take the story out of the digest
cmd-role-officers = The reviewers
cmd-role-officer_add = Appoint a reviewer: /officer_add @name UNIT-CODE (or council)
cmd-role-officer_remove = Remove a reviewer's rights
cmd-role-nhomduyet = Bind this group as a unit's review group
cmd-role-guibantin = Send the digest now, without waiting for the week
cmd-role-bantin = The digests sent and their progress
cmd-role-gobai = Take a published story down: /gobai GS-2026-0042 reason
cmd-role-themhan = Add a deadline to the emulation calendar
cmd-role-xoahan = Remove a deadline
cmd-role-nhatky = Who opened a nomination's private details

## Greeting, menu, help

start-greeting =
    Hello <b>{ $name }</b>! 👋
    This is Gương Sáng: tell us about good people and good deeds around you so they are recognised and their example spreads.
    What would you like to do?
start-draft-open = 📝 You have an unfinished nomination{ $name ->
        [none] .
       *[other] {" "}for <b>{ $name }</b>.
    }
menu-continue-draft = ✍️ Continue my nomination
menu-nominate = ✍️ Nominate someone
menu-mine = 📋 My nominations
menu-help = ❓ Help
menu-language = 🌐 Language
help =
    <b>Gương Sáng</b> lets you nominate a good person or good deed in a few minutes.
    <b>How it works</b>
    1. Type /nominate and answer 10 short questions: whom you nominate, their unit, the field, the emulation movement, what they did, the criteria they meet, photos, a contact number and consent to publish. Before sending, you can review and edit every item.
    2. The unit's emulation officer reviews the nomination and may ask you for more details; the Emulation and Commendation Council (Hội đồng Thi đua – Khen thưởng) decides.
    3. An approved story is edited to be objective and truthful, then published so the good example spreads. You get a message whenever your nomination is decided.
    <b>Privacy</b>
    The contact number is seen only by the reviewing officers, to check the facts, and is never published. A story is published only if the nominee has agreed.
    <b>Commands</b>
    /nominate — nominate an individual, a collective, a household or an enterprise
    /mine — see the nominations you sent, where each stands, and withdraw one before it is decided
    /cancel — cancel the nomination in progress
    /language — change language
    /getdigest — get the weekly digest of good people and good deeds (/stopdigest to stop)
    /mydata — get everything the bot holds about you (a summary and a JSON file)
    /deletemydata — delete your personal data (the bot asks you to confirm first)
    <b>Consent to publish</b>
    When you nominate, you say whether the nominee has agreed; a child under 16 needs a parent's or guardian's consent. The nominee may withdraw consent at any time through an emulation officer, and the story is then no longer published.
    Emulation officers: /consent GS-… records the nominee's own confirmation (add “guardian” for a parent or guardian), /withdrawconsent GS-… records a withdrawal. Admins: /auditlog GS-… shows who opened a nomination's private details.
    At each step you can press a button or type your answer.
no-draft-hint = You have no nomination in progress. Type /nominate to nominate someone, or /help for help.
slow-down = You are sending messages very fast. Please wait a moment, then carry on.
language-ask = Chọn ngôn ngữ / Choose your language:
language-set = Switched to English.
choice-old-toast = This button is out of date.
choice-no-longer-valid = That button or code is no longer valid. Type /start to see the current choices.

## Nomination in progress

draft-open = { $hasName ->
        [yes] You have an unsent nomination for <b>{ $name }</b>.
       *[no] You have an unsent nomination.
    } Continue it or start again?
draft-continue = ▶️ Continue
draft-restart = 🔄 Start again
cancel-nothing = You have no nomination in progress.
nomination-cancelled = The nomination in progress was cancelled. Type /nominate whenever you want to start again.
nomination-not-draft = This nomination was already sent or cancelled.

## Nomination steps

nominate-intro = Thank you! Just a few short steps. Type /cancel at any time to stop.
ask-kind = <b>Step 1/10.</b> Who are you nominating?
ask-name = <b>Step 2/10.</b> What is the name of the person (or collective, household, enterprise) you nominate? ({ $min } to { $max } characters)
name-too-short = The name is too short: at least { $min } characters.
name-no-letters = A name needs letters: emoji, digits or punctuation alone are not a name. Please type the name, for example: Nguyễn Văn An.
name-too-long = The name is { $length } characters long; the limit is { $max }. Please shorten it.
ask-unit =
    <b>Step 3/10.</b> Which unit (commune, ward, neighbourhood, agency) does the nominee belong to?
    { $browsing ->
        [search] Search results for: <i>{ $query }</i> (press “◀ Back” to go level by level)
        [yes] Now showing: <i>{ $current }</i>
       *[no] Go down from the province level.
    }
    Press a unit, or type part of its name to search.
unit-back = ◀ Back
unit-previous-page = ‹ Previous
unit-next-page = Next ›
unit-pick-this = ✅ Choose this unit
unit-not-found = No unit has a name like “{ $query }”.
unit-search-results = Units matching “{ $query }”:
unit-search-many = { $count } units match “{ $query }”. Type more of the name to narrow it down, or turn the page:
unit-chosen = Unit: <b>{ $unit }</b>
ask-duplicate =
    ⚠️ This person may already have been nominated in the last 12 months:
    { $list }
    Do you still want to go on?
duplicate-item = • <b>{ $name }</b> — { $unit } — { $code } ({ $status })
duplicate-continue = Go on anyway
duplicate-cancel = Cancel this nomination
ask-field = <b>Step 4/10.</b> Which field are the achievements in? (press, or type the number or name)
field-chosen = Field: <b>{ $name }</b>
field-chosen-help =
    Field: <b>{ $name }</b>
    <i>{ $help }</i>
ask-movement = <b>Step 5/10.</b> Which emulation movement do the achievements belong to? If unsure, press “Skip”.
choice-skip = Skip
choice-done = Done
ask-achievements =
    <b>Step 6/10.</b> Tell us about the good deeds and achievements: what, when, and with what result.
    Be objective and truthful ({ $min } to { $max } characters). You may send several messages; press “Done” when finished.{ $replacing ->
        [yes] {""}
            What you send will replace the achievements written before. To keep them, press “Done” now.
       *[no] {""}
    }
achievements-message-too-long = This message is { $over } characters too long (the achievements may be { $max } characters in all). Please shorten it.
achievements-total-too-long = Adding this message would exceed { $max } characters. You can add { $left } more characters.
achievements-need-more = Please write at least { $missing } more characters.
achievements-received = Received { $count } characters ({ $left } more allowed). Send more or press “Done”.
ask-criteria =
    <b>Step 7/10.</b> Which general criteria does the nominee meet? Press to select (at least one) or type the numbers, e.g. “1, 3”, then press “Done”.
    { $list }
criteria-none = Please select at least one criterion.
criteria-typed = Selected criteria { $numbers } (✅ means selected; a button turns one on or off). Press “Done” when you have chosen them all.
criteria-unknown-numbers = There is no criterion number { $numbers }. Please type numbers from 1 to { $max } or press the buttons below; your choice has not changed.
ask-photos = <b>Step 8/10.</b> Send photos (optional, up to { $max }). Press “Done” when finished, or “Skip” if you have none.
photos-clear = 🗑 Remove the photos sent
photos-cleared = The photos were removed.
photos-too-many = You already sent { $max } photos, so no more can be added. Press “Done” to go on.
photos-too-many-album = You already sent { $max } photos, so the { $refused } photo(s) just sent were not added. Press “Done” to go on.
photos-received-album-full = Received { $count } photo(s) of the album, reaching the limit of { $max }; the other { $refused } were not added. Press “Done” to go on.
photo-refused-too-large = This photo is larger than { $max } MB, so it cannot be accepted. Please send a smaller one.
photo-refused-not-image = This file is not an image, so it cannot be accepted. Please send a photo (JPG, PNG); for a certificate or another paper, take a photo of it and send that.
photos-received = Received { $count } photo(s) (up to { $max }).
photos-received-album = Received { $count } photo(s) of the album, { $total } in all (up to { $max }).
ask-contact = <b>Step 9/10.</b> The nominee's phone number (optional; seen only by reviewing officers, never published).
phone-invalid = That is not a valid Vietnamese phone number. Example: 0912 345 678 or +84 912 345 678.
ask-consent = <b>Step 10/10.</b> Has the nominee agreed to their story being published?{ $person ->
        [yes] {""}
            If they are a child under 16, a parent or guardian must agree: pick one of the last two lines.
       *[no] {""}
    }

## Review and submit

preview =
    <b>Review your nomination</b>
    Nominee: { $kind }
    Name: <b>{ $name }</b>
    Unit: { $unit }
    Field: { $field }
    Movement: { $movement }
    Achievements: { $achievements }
    Criteria:
    { $criteria }
    Photos: { $photos }
    Contact (private, never published): { $contact }
    Consent to publish: { $consent }
    Press a button to edit an item, or submit.
preview-none = none
preview-edit-kind = ✏️ Nominee
preview-edit-name = ✏️ Name
preview-edit-unit = ✏️ Unit
preview-edit-field = ✏️ Field
preview-edit-movement = ✏️ Movement
preview-edit-achievements = ✏️ Achievements
preview-edit-criteria = ✏️ Criteria
preview-edit-photos = ✏️ Photos
preview-edit-contact = ✏️ Contact
preview-edit-consent = ✏️ Consent
preview-submit = 📨 Submit
preview-cancel = ✖️ Cancel
preview-use-buttons = Please press a button below to edit, submit or cancel.
submit-daily-limit = You can submit at most { $max } nominations a day. This one is kept as it is; you can submit it tomorrow.
submit-incomplete = Something is still missing; please answer this question.
submit-receipt =
    ✅ Nomination sent. Its code: <code>{ $code }</code>
    The unit's emulation officer will review it; you will get a message when it is decided or if more information is needed.
    Type /mine to see your nominations. Thank you for spreading good examples!

## Unexpected answers

wrong-unsupported = I can't use { $what ->
        [sticker] a sticker
        [voice] a voice message
        [audio] an audio file
        [video] a video
        [document] a file
        [location] a location
        [contact] a contact
       *[other] this kind of message
    } at this step.
wrong-document = The bot cannot take documents (PDF, Word…). If it is a certificate or another paper, take a photo of it and send it at the photos step; type its content as a message. At this step, please answer the question below.
wrong-photo = No photo is needed at this step; photos come later.
wrong-text-photos = This step takes photos. Send a photo, or press “Done” / “Skip”.
wrong-pick-choice = I didn't understand that answer. Please press a button below (or type its number).
wrong-text-expected = Please type your answer as text at this step.
wrong-old-button = That button belongs to an older message. Here is the current question:
wrong-unknown-command = The command { $command } can't be used now. Your nomination is kept as it is.

## My nominations

mine-empty = You have not sent any nomination yet. Type /nominate to start.
mine-header = <b>Your nominations</b>
mine-item = • <code>{ $code }</code> <b>{ $name }</b> — { $status }
mine-withdraw = Withdraw { $code }
mine-withdraw-confirm = Withdraw <code>{ $code }</code> ({ $name })?
    The officers stop reviewing it and this cannot be undone; to nominate again you would send a new nomination.
mine-withdraw-yes = ✅ Withdraw
mine-withdraw-no = ↩️ Keep it
withdrawn-toast = Nomination { $code } withdrawn.
withdraw-not-allowed = This nomination can no longer be withdrawn.
status-changed = Nomination <code>{ $code }</code> (<b>{ $name }</b>) is now: { $status }.
