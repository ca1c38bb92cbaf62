## /guongsang: các tấm gương mới nhất; /gobai: Hội đồng gỡ một câu chuyện khỏi trang công khai

stories-header = 🌟 <b>Những tấm gương người tốt, việc tốt mới nhất</b>
stories-item = • <b>{ $name }</b> — { $unit } · { $field } · duyệt ngày { $date }
stories-item-link = { "  " }Đọc câu chuyện: { $link }
stories-site = Xem tất cả, lọc theo lĩnh vực, đơn vị, năm: { $link }
stories-empty = Chưa có câu chuyện nào được đăng. Bạn biết một tấm gương người tốt, việc tốt quanh mình? Nhắn /decu để đề cử.
unpublish-usage = Cách dùng: /gobai GS-2026-0042 lý do gỡ bài (ít nhất { $min } ký tự). Câu chuyện sẽ biến mất ngay khỏi trang công khai, nguồn tin và các bản tin chưa gửi.
unpublish-bad-code = “{ $code }” không phải mã hồ sơ. Mã hồ sơ có dạng GS-2026-0042.
unpublish-reason-short = Hãy ghi lý do gỡ bài (ít nhất { $min } ký tự) để lưu vào lịch sử hồ sơ, ví dụ: /gobai { $code } Người được đề cử xin không đăng nữa
unpublish-not-found = Không tìm thấy hồ sơ { $code }.
unpublish-not-allowed = Chỉ cán bộ Hội đồng Thi đua – Khen thưởng phụ trách đơn vị của hồ sơ, hoặc quản trị viên, mới gỡ được bài.
unpublish-not-public = Hồ sơ { $code } không có bài đang đăng (trạng thái: { $status }), nên không có gì để gỡ.
unpublish-done = Đã gỡ câu chuyện về { $name } ({ $code }) khỏi trang công khai và nguồn tin. { $parts ->
    [0] Không có tin bản tin nào đang chờ gửi.
   *[other] Đã hủy { $parts } tin bản tin chưa gửi.
}
