## Đăng ký nhận bản tin (nhóm, kênh) và gửi bản tin gương người tốt, việc tốt

subscription-scope-all = Toàn tổ chức
subscription-fields-all = Tất cả lĩnh vực
subscription-button-all-units = 🌐 Toàn tổ chức
subscription-button-choose = ✅ Chọn: { $unit }
subscription-button-up = ⬆️ Lên cấp trên
subscription-button-type = 🔎 Gõ mã hoặc tên đơn vị
subscription-button-fields = ➡️ Chọn lĩnh vực
subscription-button-scope = ⬅️ Phạm vi
subscription-button-confirm = ✔️ Xác nhận đăng ký
subscription-button-cancel = ✖️ Hủy
subscription-scope-screen =
    📬 <b>Đăng ký nhận bản tin gương người tốt, việc tốt</b> cho { $chat }
    Phạm vi đang chọn: <b>{ $scope }</b>
    Đang xem: { $browsing }

    Chọn một đơn vị để chỉ nhận câu chuyện của đơn vị đó (và các đơn vị trực thuộc), hoặc giữ "Toàn tổ chức".
subscription-fields-screen =
    📬 <b>Đăng ký nhận bản tin</b> cho { $chat }
    Phạm vi: <b>{ $scope }</b>
    Lĩnh vực: <b>{ $fields }</b>

    Bấm vào lĩnh vực để chỉ nhận câu chuyện thuộc các lĩnh vực đó; không chọn lĩnh vực nào là nhận tất cả.
subscription-unsupported = Kênh này chưa hỗ trợ đăng ký nhận bản tin.
subscription-not-admin = Xin lỗi, chỉ quản trị viên của nhóm này mới đăng ký hoặc hủy đăng ký nhận bản tin được.
subscription-channel-usage =
    Để đăng ký cho một kênh, hãy gõ trong tin nhắn riêng với bot: <code>/subscribe @tenkenh</code>
    (Trong nhóm, quản trị viên chỉ cần gõ /dangky ngay trong nhóm.)
subscription-channel-not-found = Bot không thấy kênh { $channel }. Hãy thêm bot vào kênh với quyền quản trị viên rồi thử lại.
subscription-channel-not-channel = { $channel } không phải là một kênh. Với nhóm, hãy gõ /dangky ngay trong nhóm đó.
subscription-channel-bot-not-admin = Bot chưa là quản trị viên của kênh { $channel } nên không đăng bài được. Hãy cấp quyền quản trị viên (đăng bài) cho bot rồi thử lại.
subscription-channel-not-admin = Bạn không phải quản trị viên của { $channel } nên không thay đổi đăng ký của kênh này được.
subscription-unsubscribe-usage = Để hủy đăng ký cho một kênh, gõ <code>/unsubscribe @tenkenh</code>. Trong nhóm, gõ /huydangky ngay trong nhóm.
subscription-ended = Đã hủy đăng ký. Nhóm sẽ không nhận bản tin hằng tuần nữa; gõ /dangky để đăng ký lại.
subscription-none = Nhóm này chưa đăng ký nhận bản tin.
subscription-not-yours = Chỉ quản trị viên đã bắt đầu đăng ký mới chọn được ở đây.
subscription-invalid = Lựa chọn không hợp lệ.
subscription-type-unit = Hãy gõ mã đơn vị (ví dụ PT-LT) hoặc một phần tên đơn vị.
subscription-cancelled = Đã hủy việc đăng ký. Chưa có gì thay đổi.
subscription-unit-not-found = Không tìm thấy đơn vị nào khớp với "{ $text }". Hãy gõ lại mã hoặc tên đơn vị.
subscription-unit-pick = Có nhiều đơn vị khớp với "{ $text }". Chọn một:
subscription-saved =
    ✅ Đã đăng ký nhận bản tin gương người tốt, việc tốt cho { $chat }.
    Phạm vi: <b>{ $scope }</b>
    Lĩnh vực: <b>{ $fields }</b>
    Bản tin gửi hằng tuần; quản trị viên gõ /huydangky để dừng.
subscription-admins-only = Lệnh này chỉ dành cho quản trị viên của bot.
subscription-list-empty = Chưa có nhóm hay kênh nào đăng ký nhận bản tin.
subscription-list-header = <b>Nhóm và kênh đăng ký nhận bản tin ({ $count }):</b>
subscription-list-item-active = ✅ { $chat } ({ $kind }) — phạm vi: { $scope }; lĩnh vực: { $fields }
subscription-list-item-inactive = ⛔ { $chat } ({ $kind }) — phạm vi: { $scope }; lĩnh vực: { $fields } — ngừng từ { $since }: { $reason }
subscription-kind-PRIVATE = trò chuyện riêng
subscription-kind-GROUP = nhóm
subscription-kind-SUPERGROUP = siêu nhóm
subscription-kind-CHANNEL = kênh
subscription-reason-unknown = không rõ lý do
subscription-reason-unsubscribed = { $name } đã hủy đăng ký
subscription-reason-removed = bot bị { $name } xóa khỏi nhóm hoặc chặn

broadcast-council-only = Xin lỗi, việc này chỉ dành cho cán bộ Hội đồng Thi đua – Khen thưởng và quản trị viên.
broadcast-invalid = Nút này không hợp lệ.
broadcast-started = 📤 Bắt đầu gửi bản tin #{ $id }: { $parts } tin tới { $chats } nhóm…
broadcast-no-subscribers = Chưa có nhóm nào đăng ký nhận bản tin nên chưa gửi gì (và chưa tạo bản tin nào). Hãy thêm bot vào một nhóm cộng đồng rồi gõ /dangky trong nhóm đó; xem các nhóm đã đăng ký bằng /subscriptions.
broadcast-nothing = Không có câu chuyện mới nào để gửi (bản tin #{ $id }): các nhóm đã nhận đủ câu chuyện đã duyệt.
broadcast-progress = 📤 Bản tin #{ $id }: đã gửi { $chatsDone }/{ $chats } nhóm… ({ $sent } tin đã gửi, { $pending } đang chờ, { $failed } lỗi)
broadcast-progress-done = ✅ Bản tin #{ $id } đã gửi xong tới { $chats } nhóm: { $sent } tin đã gửi, { $failed } lỗi.
broadcast-preview-header =
    📋 <b>Xem trước bản tin tuần #{ $id }</b>
    Dự kiến gửi lúc { $time } tới { $chats } nhóm, { $count } câu chuyện:
broadcast-preview-item = { $n }. { $name } — { $unit } ({ $code })
broadcast-preview-item-dropped = { $n }. <s>{ $name } — { $unit }</s> (đã bỏ khỏi bản tin)
broadcast-preview-empty = (không có câu chuyện nào)
broadcast-preview-state-planned = Nếu không có thay đổi, bản tin sẽ được gửi đúng lịch.
broadcast-preview-state-held = ⏸ Bản tin đang <b>tạm hoãn</b>: lịch sẽ không gửi. Bấm "Gửi ngay" hoặc gõ /broadcast_now để gửi.
broadcast-preview-state-sent = 📤 Bản tin đã được gửi đi.
broadcast-preview-drop = 🚫 Bỏ { $n }. { $name }
broadcast-preview-keep = ↩️ Giữ lại { $n }. { $name }
broadcast-preview-hold = ⏸ Tạm hoãn cả bản tin
broadcast-preview-release = ▶️ Gửi ngay
broadcast-preview-stale = Bản tin này đã được gửi hoặc đã thay đổi; nút không còn tác dụng.
broadcast-list-empty = Chưa có lần gửi bản tin nào.
broadcast-list-header = <b>Các lần gửi bản tin gần đây:</b>
broadcast-list-item = #{ $id } · { $kind } · { $time } · { $status } — { $chats } nhóm; đã gửi { $sent }, lỗi { $failed }, đang chờ { $pending }
broadcast-kind-WEEKLY_DIGEST = bản tin tuần
broadcast-kind-MANUAL = gửi ngay
broadcast-status-PLANNED = chờ gửi
broadcast-status-HELD = tạm hoãn
broadcast-status-SENDING = đang gửi
broadcast-status-DONE = đã xong
broadcast-status-CANCELLED = đã hủy
broadcast-outside-window = ⏳ Ngoài khung 7 ngày của Zalo: { $count } người (đã lâu không nhắn cho OA nên Zalo không cho gửi; không gửi lại, họ sẽ nhận các câu chuyện sau khi nhắn lại cho OA).
subscription-list-personal = 👤 Người dân tự đăng ký nhận bản tin riêng: { $count } người.

## Người dân tự đăng ký nhận bản tin trong tin nhắn riêng (/nhanbantin, /ngungnhan)

personal-digest-private-only = Lệnh này dùng trong tin nhắn riêng với bot, để bạn tự nhận bản tin. Để nhóm nhận bản tin, quản trị viên nhóm gõ /dangky trong nhóm.
personal-digest-on =
    ✅ Bạn đã đăng ký nhận bản tin gương người tốt, việc tốt hằng tuần.
    Phạm vi: <b>{ $scope }</b>
    Để chỉ nhận câu chuyện của một đơn vị, gõ /nhanbantin kèm mã hoặc tên đơn vị (ví dụ: /nhanbantin PT-LT). Gõ /ngungnhan để thôi nhận.
personal-digest-window = ℹ️ Zalo chỉ cho phép Official Account nhắn cho bạn trong { $days } ngày kể từ tin nhắn gần nhất của bạn. Hãy nhắn cho OA ít nhất mỗi tuần một lần (ví dụ gõ /guongsang) để không bỏ lỡ bản tin.
personal-digest-off = Đã thôi gửi bản tin hằng tuần cho bạn. Gõ /nhanbantin khi bạn muốn nhận lại.
personal-digest-none = Bạn chưa đăng ký nhận bản tin. Gõ /nhanbantin để đăng ký.
personal-digest-unit-not-found = Không tìm thấy đơn vị nào khớp với "{ $text }". Gõ /nhanbantin (không kèm gì) để nhận câu chuyện của toàn tổ chức, hoặc gõ lại mã đơn vị (ví dụ: /nhanbantin PT-LT).
personal-digest-unit-pick =
    Có nhiều đơn vị khớp với "{ $text }". Gõ /nhanbantin kèm mã của đơn vị bạn muốn:
    { $units }
