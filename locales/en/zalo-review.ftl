# Review decisions typed as text (Zalo has no buttons): DUYET, TUCHOI, BOSUNG, SUABAI.

# $code: the nomination code as typed.
zalo-review-unknown-code = There is no nomination { $code }. Type /pending to see what waits.
# $code: the nomination code; $min: the shortest reason.
zalo-review-usage-reject = Write the reason after the code (at least { $min } characters), e.g. <code>TUCHOI { $code } Same as an earlier nomination</code>
zalo-review-usage-request-info = Write the question after the code, e.g. <code>BOSUNG { $code } Please send a photo of the activity</code>
zalo-review-usage-edit-story = Write the new story after the code, e.g. <code>SUABAI { $code } Mrs Lò Thị Mai…</code>
