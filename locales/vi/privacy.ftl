## Dữ liệu cá nhân: /dulieu, /xoadulieu, đồng ý công khai, nhật ký truy cập

privacy-private-only = Lệnh này chỉ dùng trong tin nhắn riêng với bot, để dữ liệu của bạn không hiện trong nhóm.
privacy-summary =
    <b>Dữ liệu của bạn mà bot đang lưu</b>
    Tên hiển thị: { $name }
    Tài khoản:
    { $accounts }
    Hồ sơ đề cử bạn đã gửi ({ $count }):
    { $nominations }
    Ảnh bạn đã gửi: { $photos }. Nhóm bạn đã đăng ký nhận bản tin: { $subscriptions }. Ghi nhận đồng ý do bạn cung cấp: { $consents }.
    Toàn bộ chi tiết có trong tệp đính kèm. Muốn xóa dữ liệu, gõ /xoadulieu.
privacy-summary-account = • { $channel }: { $id }
privacy-summary-nomination = • { $code } — { $name }: { $status }
privacy-summary-none = (chưa có)
privacy-file-caption = Tệp dữ liệu cá nhân của bạn (JSON).
privacy-no-file = Kênh này chưa gửi được tệp. Hãy gõ /dulieu trên Telegram hoặc Zalo cá nhân (sau khi /lienket) để nhận tệp đầy đủ.
privacy-erase-confirm =
    Bạn muốn <b>xóa dữ liệu cá nhân</b> của mình khỏi bot?
    • Hồ sơ đang soạn bị hủy, hồ sơ đang chờ xét duyệt được rút lại.
    • Tên, tài khoản, số điện thoại liên hệ và ảnh chưa công khai của bạn bị xóa.
    • Câu chuyện đã được duyệt vẫn được giữ (thuộc về phong trào) nhưng không còn tên và liên hệ của bạn.
    Việc này không hoàn tác được.
privacy-erase-yes = 🗑 Xóa dữ liệu của tôi
privacy-erase-no = Không, giữ lại
privacy-erase-kept = Đã giữ nguyên dữ liệu của bạn.
privacy-erase-done = Đã xóa dữ liệu cá nhân của bạn. Cảm ơn bạn đã đồng hành cùng phong trào. Nếu nhắn lại cho bot, bạn sẽ được xem như người mới.
privacy-code-not-found = Không tìm thấy hồ sơ { $code } trong các đơn vị bạn phụ trách.
privacy-consent-usage = Cách dùng: /dongy GS-2026-0042 để ghi nhận người được đề cử tự xác nhận đồng ý; thêm “giamho” nếu là cha mẹ hoặc người giám hộ của em dưới 16 tuổi.
privacy-withdrawconsent-usage = Cách dùng: /rutdongy GS-2026-0042 khi người được đề cử (hoặc người giám hộ: thêm “giamho”) rút lại sự đồng ý; câu chuyện sẽ thôi được đăng.
privacy-consent-wording-NOMINEE = Người được đề cử của hồ sơ { $code } xác nhận với cán bộ thi đua rằng họ đồng ý cho đăng câu chuyện của mình.
privacy-consent-wording-GUARDIAN = Cha mẹ hoặc người giám hộ của người được đề cử hồ sơ { $code } (dưới 16 tuổi) xác nhận với cán bộ thi đua rằng họ đồng ý cho đăng câu chuyện.
privacy-withdrawconsent-wording-NOMINEE = Người được đề cử của hồ sơ { $code } rút lại sự đồng ý cho đăng câu chuyện.
privacy-withdrawconsent-wording-GUARDIAN = Cha mẹ hoặc người giám hộ của người được đề cử hồ sơ { $code } rút lại sự đồng ý cho đăng câu chuyện.
privacy-consent-recorded = Đã ghi nhận sự đồng ý cho hồ sơ <code>{ $code }</code> ({ $source ->
        [GUARDIAN] của cha mẹ hoặc người giám hộ
       *[other] do người được đề cử tự xác nhận
    }).
privacy-consent-needs-guardian = Đã ghi nhận ý kiến của người được đề cử cho hồ sơ <code>{ $code }</code>. Người được đề cử dưới 16 tuổi: câu chuyện chỉ được đăng khi có sự đồng ý của cha mẹ hoặc người giám hộ (/dongy { $code } giamho).
privacy-consent-withdrawn = Đã ghi nhận việc rút lại sự đồng ý cho hồ sơ <code>{ $code }</code>: câu chuyện không còn được gửi trong bản tin hay hiện trên trang công khai.
privacy-auditlog-admins-only = Chỉ quản trị viên mới xem được nhật ký truy cập.
privacy-auditlog-usage = Cách dùng: /nhatky GS-2026-0042
privacy-auditlog-header =
    <b>Nhật ký truy cập hồ sơ { $code }</b> ({ $count } mục)
    { $lines }
privacy-auditlog-item = • { $time } — { $actor }: { $action }
privacy-auditlog-nobody = (không rõ)
privacy-auditlog-empty = (chưa có ai xem thông tin riêng của hồ sơ này)
privacy-audit-VIEW_PRIVATE_DETAILS = xem thông tin riêng (liên hệ, toàn văn)
privacy-audit-VIEW_DOSSIER = tải hồ sơ thành tích
privacy-audit-EXPORT_PERSONAL_DATA = tải dữ liệu cá nhân
privacy-audit-ERASE_PERSONAL_DATA = xóa dữ liệu cá nhân
privacy-audit-WITHDRAW_CONSENT = rút lại sự đồng ý công khai
privacy-audit-RECORD_CONSENT = ghi nhận sự đồng ý công khai
