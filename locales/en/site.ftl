## The public site of approved exemplars (electronic publication)

site-name = Gương Sáng
site-title = Good people, good deeds
site-intro = Exemplars of good people and good deeds, approved by the Emulation and Commendation Council and shared so that others learn from them and follow.
site-skip = Skip to the main content
site-home = Home
site-filters = Filter by
site-filter-field = Field
site-filter-unit = Unit
site-filter-year = Year approved
site-filter-all = All
site-field-heading = Field: { $name }
site-unit-heading = Unit: { $name }
site-year-heading = Exemplars approved in { $year }
site-count = { $count ->
    [0] No stories yet.
    [one] 1 story
   *[other] { $count } stories
}
site-empty = No story has been published yet.
site-story-field = Field
site-story-unit = Unit
site-story-movement = Emulation movement
site-story-approved = Approved on
site-photos = Photos
site-photo-alt = Photo { $number } of { $name }: { $summary }
site-photo-full = Open the full-size photo
site-back = Back to the list of exemplars
site-search-label = Search by name, unit or text (diacritics optional)
site-search-button = Search
site-search-none = No story matches these words.
site-search-count = { $count } results
site-booklets = Printable booklets by quarter
site-booklet-title = Good people, good deeds: booklet { $period }
site-booklet-intro = { $count } exemplars approved in { $period }. Use the browser's Print command (Ctrl+P) to print the booklet on A4, one exemplar per page.
site-print-hint = Use the browser's Print command (Ctrl+P) to print this page on A4 for the notice board.
site-feeds = Follow new stories
site-feed-atom = Atom feed
site-feed-json = JSON Feed
site-footer = Stories approved by the Emulation and Commendation Council, published with the nominee's consent. Phone numbers, addresses and nominators are never published.
site-not-found-title = Page not found
site-not-found = This page does not exist, or its story has been taken down.
site-phone-hidden = [phone number hidden]
