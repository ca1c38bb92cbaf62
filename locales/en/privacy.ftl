## Personal data: /mydata, /deletemydata, consent to publish, the access log

privacy-private-only = This command works only in a private chat with the bot, so your data does not show in a group.
privacy-summary =
    <b>Your data held by the bot</b>
    Display name: { $name }
    Accounts:
    { $accounts }
    Nominations you sent ({ $count }):
    { $nominations }
    Photos you sent: { $photos }. Groups you subscribed to the digest: { $subscriptions }. Consent records you gave: { $consents }.
    Every detail is in the attached file. To erase your data, type /deletemydata.
privacy-summary-account = • { $channel }: { $id }
privacy-summary-nomination = • { $code } — { $name }: { $status }
privacy-summary-none = (none)
privacy-file-caption = Your personal data file (JSON).
privacy-no-file = This channel cannot send files yet. Type /mydata on Telegram or personal Zalo (after /link) to get the full file.
privacy-erase-confirm =
    Do you want to <b>erase your personal data</b> from the bot?
    • Your draft is cancelled and nominations waiting for review are withdrawn.
    • Your name, accounts, contact phone numbers and unpublished photos are deleted.
    • Approved stories stay (they belong to the programme) without your name or contact.
    This cannot be undone.
privacy-erase-yes = 🗑 Erase my data
privacy-erase-no = No, keep it
privacy-erase-kept = Your data is kept as it was.
privacy-erase-done = Your personal data has been erased. Thank you for taking part. If you write to the bot again, you start as someone new.
privacy-code-not-found = No nomination { $code } in the units you look after.
privacy-consent-usage = Usage: /consent GS-2026-0042 to record the nominee's own confirmation; add “guardian” for the parent or guardian of a child under 16.
privacy-withdrawconsent-usage = Usage: /withdrawconsent GS-2026-0042 when the nominee (or guardian: add “guardian”) takes consent back; the story is no longer published.
privacy-consent-wording-NOMINEE = The nominee of { $code } confirmed to an emulation officer that they agree to their story being published.
privacy-consent-wording-GUARDIAN = The parent or guardian of the nominee of { $code } (under 16) confirmed to an emulation officer that they agree to the story being published.
privacy-withdrawconsent-wording-NOMINEE = The nominee of { $code } withdrew their consent to the story being published.
privacy-withdrawconsent-wording-GUARDIAN = The parent or guardian of the nominee of { $code } withdrew consent to the story being published.
privacy-consent-recorded = Consent recorded for <code>{ $code }</code> ({ $source ->
        [GUARDIAN] from the parent or guardian
       *[other] confirmed by the nominee
    }).
privacy-consent-needs-guardian = The nominee's own word is recorded for <code>{ $code }</code>. The nominee is under 16: the story is published only with a parent's or guardian's consent (/consent { $code } guardian).
privacy-consent-withdrawn = Withdrawal of consent recorded for <code>{ $code }</code>: the story is no longer sent in the digest nor shown on the public pages.
privacy-auditlog-admins-only = Only admins can read the access log.
privacy-auditlog-usage = Usage: /auditlog GS-2026-0042
privacy-auditlog-header =
    <b>Access log of { $code }</b> ({ $count } entries)
    { $lines }
privacy-auditlog-item = • { $time } — { $actor }: { $action }
privacy-auditlog-nobody = (unknown)
privacy-auditlog-empty = (nobody has opened this nomination's private details yet)
privacy-audit-VIEW_PRIVATE_DETAILS = opened the private details (contact, full text)
privacy-audit-VIEW_DOSSIER = downloaded the dossier
privacy-audit-EXPORT_PERSONAL_DATA = downloaded their personal data
privacy-audit-ERASE_PERSONAL_DATA = erased their personal data
privacy-audit-WITHDRAW_CONSENT = withdrew consent to publish
privacy-audit-RECORD_CONSENT = recorded consent to publish
