# Quyết định xét duyệt gõ bằng chữ (Zalo không có nút): DUYET, TUCHOI, BOSUNG, SUABAI.

# $code: mã hồ sơ như đã gõ.
zalo-review-unknown-code = Không có hồ sơ mã { $code }. Gõ /choduyet để xem các hồ sơ đang chờ.
# $code: mã hồ sơ; $min: độ dài tối thiểu của lý do.
zalo-review-usage-reject = Hãy ghi lý do sau mã hồ sơ (ít nhất { $min } ký tự), ví dụ: <code>TUCHOI { $code } Trùng với hồ sơ đã có</code>
zalo-review-usage-request-info = Hãy ghi câu hỏi sau mã hồ sơ, ví dụ: <code>BOSUNG { $code } Xin thêm ảnh hoạt động</code>
zalo-review-usage-edit-story = Hãy ghi bài đăng mới sau mã hồ sơ, ví dụ: <code>SUABAI { $code } Bà Lò Thị Mai…</code>
