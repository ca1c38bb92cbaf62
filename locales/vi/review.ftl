## Xét duyệt hồ sơ đề cử (cán bộ thi đua, Hội đồng Thi đua – Khen thưởng)

review-level-UNIT = Cấp đơn vị
review-level-COUNCIL = Hội đồng Thi đua – Khen thưởng
review-card =
    📋 <b>Hồ sơ { $code }</b> · { $level }
    <b>Người được đề cử:</b> { $name } ({ $kind })
    <b>Đơn vị:</b> { $unit }
    <b>Lĩnh vực:</b> { $field }
    <b>Phong trào:</b> { $movement }
    <b>Tiêu chuẩn:</b> { $criteria }
    <b>Đồng ý công bố:</b> { $consent }
    <b>Người đề cử:</b> { $nominator }
    <b>Ảnh:</b> { $photos }

    <b>Thành tích:</b>
    { $achievements }

    <b>Bài đăng đề xuất:</b>
    { $story }
review-movement-none = Không
review-consent-GIVEN = Đã đồng ý
review-consent-NOT_ASKED = Chưa hỏi ý kiến
review-consent-minor = {" "}(dưới 16 tuổi: cần cha mẹ hoặc người giám hộ đồng ý, /dongy … giamho)
review-consent-WITHDRAWN = Đã rút lại sự đồng ý
review-truncated = … (bấm 📄 Xem đầy đủ)
review-full =
    📄 <b>Hồ sơ { $code }</b> — toàn văn
    <b>Số điện thoại người được đề cử (không công bố):</b> { $contact }

    <b>Thành tích:</b>
    { $achievements }
review-contact-none = không có
review-contact-private-only = chỉ hiện khi bấm 📄 trong trò chuyện riêng với bot
review-btn-approve = ✅ Duyệt
review-btn-request-info = 📝 Yêu cầu bổ sung
review-btn-reject = ❌ Từ chối
review-btn-edit-story = ✏️ Sửa bài đăng
review-btn-view-full = 📄 Xem đầy đủ
review-btn-dossier = 📝 Báo cáo thành tích
review-decision-FORWARD = ✅ { $actor } đã duyệt ở cấp đơn vị và chuyển lên Hội đồng lúc { $time }.
review-decision-APPROVE = ✅ { $actor } đã duyệt lúc { $time }. Hồ sơ sẽ được giới thiệu trong bản tin tuần tới.
review-decision-REQUEST_INFO = 📝 { $actor } đã yêu cầu bổ sung lúc { $time }: { $reason }
review-decision-ANSWER_INFO = 💬 <b>Người đề cử đã bổ sung</b> lúc { $time }: { $reason }
review-decision-REJECT = ❌ { $actor } đã từ chối lúc { $time }. Lý do: { $reason }
review-decision-EDIT_STORY = ✏️ { $actor } đã sửa bài đăng lúc { $time }.
review-decision-WITHDRAW = ↩️ Người đề cử đã rút hồ sơ lúc { $time }.
review-decisions-earlier = 🗂 { $count } bước xử lý trước đó được thu gọn cho vừa thẻ; xem đầy đủ bằng lệnh /lichsu { $code }.
review-not-allowed = Bạn không có quyền xét duyệt hồ sơ này.
review-own-nomination = Bạn không thể tự xét duyệt hồ sơ do chính mình đề cử; một cán bộ khác sẽ xem hồ sơ này.
review-forged = Nút bấm không hợp lệ.
review-stale = Hồ sơ này đã được xử lý rồi ({ $status }).
review-stale-by = Hồ sơ này đã được { $actor } xử lý trước ({ $status }).
review-not-found = Không tìm thấy hồ sơ.
review-ask-reject = ✍️ { $officer }, hãy trả lời tin nhắn này bằng <b>lý do từ chối</b> hồ sơ { $code } (ít nhất { $min } ký tự). Gửi /huy để thôi.
review-ask-request-info = ✍️ { $officer }, hãy trả lời tin nhắn này bằng <b>nội dung cần bổ sung</b> cho hồ sơ { $code }. Gửi /huy để thôi.
review-ask-edit-story = ✍️ { $officer }, hãy trả lời tin nhắn này bằng <b>bài đăng đã sửa</b> cho hồ sơ { $code }. Bài hiện tại ở tin nhắn ngay dưới; hãy viết khách quan, trung thực, không cường điệu. Gửi /huy để thôi.
review-current-story = { $story }
review-reason-too-short = Lý do cần ít nhất { $min } ký tự để người đề cử hiểu vì sao. Bạn vừa gửi { $length } ký tự — hãy viết thêm.
review-prompt-cancelled = Đã thôi, hồ sơ giữ nguyên.
review-prompt-text-only = Vui lòng trả lời bằng chữ.
review-done-FORWARD = Đã chuyển hồ sơ { $code } lên Hội đồng.
review-done-APPROVE = Đã duyệt hồ sơ { $code }.
review-done-REQUEST_INFO = Đã gửi yêu cầu bổ sung cho người đề cử hồ sơ { $code }.
review-done-REJECT = Đã từ chối hồ sơ { $code } và báo lý do cho người đề cử.
review-done-EDIT_STORY = Đã lưu bài đăng mới của hồ sơ { $code }.
review-pending-header = ⏳ <b>Hồ sơ chờ bạn xét duyệt</b> (cũ nhất trước):
review-pending-item = • { $code } — { $name } ({ $unit }), gửi ngày { $date }
review-pending-empty = Không có hồ sơ nào đang chờ bạn xét duyệt. 👍
review-pending-more = … và { $count } hồ sơ khác (tổng cộng { $total } hồ sơ đang chờ). Hãy xử lý các hồ sơ trên trước, danh sách sẽ hiện tiếp.
review-pending-open = Mở { $code }
review-history-usage = Cách dùng: /history GS-2026-0042
review-history-not-found = Không tìm thấy hồ sơ { $code }.
review-history-header = 🗂 <b>Diễn biến hồ sơ { $code }</b> — { $name }
review-history-item = • { $time } — { $action } ({ $actor }){ $reason }
review-history-system = hệ thống
review-action-SUBMIT = gửi hồ sơ
review-action-FORWARD = duyệt cấp đơn vị, chuyển Hội đồng
review-action-APPROVE = duyệt
review-action-REQUEST_INFO = yêu cầu bổ sung
review-action-ANSWER_INFO = người đề cử bổ sung
review-action-REJECT = từ chối
review-action-EDIT_STORY = sửa bài đăng
review-action-WITHDRAW = rút hồ sơ
review-action-CANCEL = hủy
review-action-PUBLISH = đăng trên bản tin
review-officers-only = Lệnh này chỉ dành cho cán bộ thi đua.
review-admin-only = Lệnh này chỉ dành cho quản trị viên.
review-group-only = Hãy gửi lệnh này trong nhóm cần gắn làm nhóm xét duyệt.
review-officer-add-usage = Cách dùng: /officer_add <mã người dùng hoặc @tên> <mã đơn vị | council>
review-officer-remove-usage = Cách dùng: /officer_remove <mã người dùng hoặc @tên> <mã đơn vị | council>
review-unknown-unit = Không có đơn vị mã { $code }. Mã đơn vị ví dụ: { $examples }.
review-unknown-person = Chưa biết người dùng { $who }. Hãy nhờ họ nhắn /start cho bot trước, hoặc dùng mã số người dùng.
review-officer-added = Đã giao { $name } làm { $role }.
review-officer-removed = Đã thôi giao { $name } làm { $role }.
review-officer-not-held = { $name } không giữ vai trò { $role }.
review-role-UNIT_OFFICER = cán bộ thi đua { $unit }
review-role-COUNCIL_OFFICER = thành viên Hội đồng Thi đua – Khen thưởng{ $unit }
review-officers-header = 👥 <b>Cán bộ xét duyệt</b>
review-officers-empty = Chưa có cán bộ xét duyệt nào. Dùng /officer_add để giao.
review-officers-item = • { $name } — { $role }
review-group-bound = Nhóm này đã được gắn làm nhóm xét duyệt của { $scope }. Hồ sơ mới sẽ được gửi vào đây.
review-scope-council = Hội đồng Thi đua – Khen thưởng
review-notice-FORWARD = 📬 Hồ sơ { $code } ({ $name }) đã được cấp đơn vị duyệt và chuyển lên Hội đồng Thi đua – Khen thưởng.
review-notice-APPROVE = 🎉 Hồ sơ { $code } ({ $name }) đã được duyệt! Câu chuyện sẽ được giới thiệu trong bản tin gương người tốt, việc tốt. Cảm ơn bạn đã phát hiện tấm gương này.
review-notice-REJECT = Hồ sơ { $code } ({ $name }) chưa được duyệt. Lý do: { $reason }
review-notice-REQUEST_INFO =
    📝 Cán bộ cần bổ sung thông tin cho hồ sơ { $code } ({ $name }):
    { $reason }

    Hãy gửi nội dung (chữ và/hoặc ảnh) ngay tại đây, rồi bấm «Gửi bổ sung».
review-notice-PUBLISH = 📣 Câu chuyện về { $name } (hồ sơ { $code }) đã được đăng trên bản tin. Cảm ơn bạn!
review-notice-PUBLISH-link = 📖 Câu chuyện trên trang công khai, bạn có thể chia sẻ: { $link }
review-answer-received = Đã nhận. Gửi thêm nếu cần, rồi bấm «Gửi bổ sung».
review-answer-send = ✅ Gửi bổ sung
review-answer-empty = Bạn chưa gửi nội dung bổ sung nào. Hãy gửi chữ hoặc ảnh trước.
review-answer-done = Đã gửi phần bổ sung cho hồ sơ { $code }. Cán bộ sẽ xem lại sớm.
review-answer-photos = { $count } ảnh
