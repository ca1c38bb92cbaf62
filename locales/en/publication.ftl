## /stories: the latest exemplars; /unpublish: the council takes a story off the public site

stories-header = 🌟 <b>The latest exemplars of good people, good deeds</b>
stories-item = • <b>{ $name }</b> — { $unit } · { $field } · approved { $date }
stories-item-link = { "  " }Read the story: { $link }
stories-site = See them all, by field, unit and year: { $link }
stories-empty = No story has been published yet. Do you know a good person doing good deeds near you? Send /nominate to nominate them.
unpublish-usage = Usage: /unpublish GS-2026-0042 the reason (at least { $min } characters). The story disappears at once from the public site, the feeds and digests not yet sent.
unpublish-bad-code = “{ $code }” is not a nomination code. Codes look like GS-2026-0042.
unpublish-reason-short = Please give the reason (at least { $min } characters) for the nomination's history, e.g.: /unpublish { $code } The nominee asked us not to publish it
unpublish-not-found = No nomination { $code } was found.
unpublish-not-allowed = Only council officers responsible for the nomination's unit, or admins, can take a story down.
unpublish-not-public = Nomination { $code } has no published story (status: { $status }), so there is nothing to take down.
unpublish-done = The story of { $name } ({ $code }) is off the public site and the feeds. { $parts ->
    [0] No digest message was waiting.
   *[other] { $parts } digest messages not yet sent were cancelled.
}
