# Gương Sáng — tiếng Việt (ngôn ngữ mặc định).
# Tham số dạng chuỗi được thoát HTML tự động; chỉ dùng <b>, <i>, <code> trong tin nhắn.

app-name = Gương Sáng
app-tagline = Phát hiện, bồi dưỡng, tổng kết và nhân rộng gương người tốt, việc tốt.

## Khởi động (hiện trên màn hình của người vận hành)

setup-no-token =
    Gương Sáng đã sẵn sàng về dữ liệu nhưng chưa có mã bot Telegram nên chưa thể trò chuyện.
    { $fields } lĩnh vực, { $criteria } tiêu chuẩn, { $movements } phong trào và { $units } đơn vị đã có trong cơ sở dữ liệu { $database }.
    Để chạy bot:
      1. Mở @BotFather trên Telegram, gửi /newbot và làm theo hướng dẫn để nhận mã bot.
      2. Chép .env.example thành .env và điền TELEGRAM_BOT_TOKEN=<mã bot>.
      3. Chạy lại: npm start
    Muốn thử trên máy mà không cần Telegram: chạy npm run emulator trong một cửa sổ khác rồi làm theo hướng dẫn nó in ra.
setup-database-error =
    Không mở được cơ sở dữ liệu { $database }.
    Lý do: { $reason }
    Hãy kiểm tra DATABASE_URL trong .env (SQLite: file:./data/guong-sang.db; PostgreSQL: postgresql://người-dùng@máy:5432/tên-csdl).
setup-migrated = Đã cập nhật cấu trúc cơ sở dữ liệu: { $names }.
setup-seeded = Đã nạp dữ liệu danh mục: { $fields } lĩnh vực, { $criteria } tiêu chuẩn, { $movements } phong trào, { $units } đơn vị.
setup-starting = Gương Sáng đang kết nối Telegram tại { $apiRoot }…
setup-stopping = Đang dừng Gương Sáng…
setup-playground =
    Gương Sáng đang chạy thử trên máy này (chưa có mã bot Telegram), với một tổ chức mẫu: Thị trấn Lâm Thao, cán bộ, Hội đồng, hai nhóm cộng đồng và hai câu chuyện đã duyệt.
    👉 Mở { $url } để trò chuyện với bot. Chọn vai (người dân, cán bộ đơn vị, cán bộ Hội đồng, quản trị viên) ở đầu trang; bảng đồng hồ cho thời gian trôi nhanh để thấy nhắc hạn và bản tin tuần; nút «Làm lại từ đầu» xóa hết dữ liệu thử.
    Dữ liệu thử nằm riêng trong { $dir } (không đụng đến cơ sở dữ liệu thật). Máy chủ Bot API giả lập: { $apiRoot } (mã bot { $token }).
    Khi có mã bot thật từ @BotFather: điền TELEGRAM_BOT_TOKEN trong .env rồi chạy lại npm start. Ctrl+C để dừng.

## Trạng thái hồ sơ đề cử

status-DRAFT = Đang soạn
status-CANCELLED = Đã hủy
status-SUBMITTED = Đã gửi, chờ xét duyệt
status-IN_REVIEW = Đang xét duyệt
status-NEEDS_INFO = Cần bổ sung thông tin
status-APPROVED = Đã duyệt
status-PUBLISHED = Đã đăng
status-REJECTED = Không được duyệt
status-WITHDRAWN = Đã rút

## Đối tượng được đề cử

nominee-kind-INDIVIDUAL = Cá nhân
nominee-kind-COLLECTIVE = Tập thể
nominee-kind-HOUSEHOLD = Hộ gia đình
nominee-kind-ENTERPRISE = Doanh nghiệp

## Cam kết công khai

consent-GIVEN = Đã đồng ý
consent-NOT_ASKED = Chưa hỏi
consent-MINOR_GIVEN = Dưới 16 tuổi, cha mẹ/người giám hộ đã đồng ý
consent-MINOR_NOT_ASKED = Dưới 16 tuổi, chưa hỏi cha mẹ/người giám hộ
consent-WITHDRAWN = Đã rút lại

## Lệnh (mô tả trong danh sách lệnh của Telegram)

cmd-start = Bắt đầu, xem các việc có thể làm
cmd-nominate = Đề cử một gương người tốt, việc tốt
cmd-mine = Xem các hồ sơ tôi đã đề cử
cmd-cancel = Hủy hồ sơ đang soạn
cmd-help = Hướng dẫn sử dụng
cmd-stories = Xem các tấm gương mới nhất trên trang công khai
cmd-language = Đổi ngôn ngữ (Tiếng Việt / English)
cmd-mydata = Nhận toàn bộ dữ liệu bot lưu về tôi
cmd-deletemydata = Xóa dữ liệu cá nhân của tôi
cmd-getdigest = Nhận bản tin gương người tốt hằng tuần trong tin nhắn riêng
cmd-stopdigest = Thôi nhận bản tin hằng tuần
cmd-group-choduyet = Các hồ sơ đang chờ tôi xét duyệt
cmd-group-lichsu = Lịch sử xét duyệt của một hồ sơ: /lichsu GS-2026-0042
cmd-group-dangky = Đăng ký nhóm nhận bản tin gương người tốt, việc tốt
cmd-group-huydangky = Thôi nhận bản tin trong nhóm này
cmd-group-deadlines = Các hạn nộp sắp tới (cán bộ thi đua)
cmd-role-choduyet = Hồ sơ đang chờ tôi xét duyệt
cmd-role-lichsu = Lịch sử xét duyệt của một hồ sơ: /lichsu GS-2026-0042
cmd-role-baocao = Báo cáo Excel của kỳ (quý, năm…) cho đơn vị tôi phụ trách
cmd-role-thongke = Biểu đồ thống kê của kỳ
cmd-role-hoso = Bản thảo báo cáo thành tích (Word) của một hồ sơ
cmd-role-khenthuong = Ghi các hình thức khen thưởng đã nhận (mục III báo cáo thành tích)
cmd-role-hanchot = Các hạn nộp sắp tới
cmd-role-dongy = Ghi nhận người được đề cử (hoặc người giám hộ) đồng ý công bố
cmd-role-rutdongy = Ghi nhận rút lại sự đồng ý, gỡ câu chuyện khỏi bản tin
cmd-role-officers = Danh sách cán bộ xét duyệt
cmd-role-officer_add = Giao quyền xét duyệt: /officer_add @tên MÃ-ĐƠN-VỊ (hoặc council)
cmd-role-officer_remove = Thu hồi quyền xét duyệt
cmd-role-nhomduyet = Gắn nhóm này làm nhóm xét duyệt của một đơn vị
cmd-role-guibantin = Gửi bản tin ngay, không chờ lịch tuần
cmd-role-bantin = Các lần gửi bản tin và tiến độ
cmd-role-gobai = Gỡ một câu chuyện đã đăng: /gobai GS-2026-0042 lý do
cmd-role-themhan = Thêm một hạn nộp vào lịch thi đua
cmd-role-xoahan = Xóa một hạn nộp
cmd-role-nhatky = Nhật ký ai đã xem thông tin riêng của một hồ sơ

## Lời chào, trình đơn, trợ giúp

start-greeting =
    Xin chào <b>{ $name }</b>! 👋
    Đây là Gương Sáng: nơi bạn giới thiệu những gương người tốt, việc tốt quanh mình để được ghi nhận và lan tỏa.
    Bạn muốn làm gì?
start-draft-open = 📝 Bạn còn một hồ sơ đề cử đang soạn dở{ $name ->
        [none] .
       *[other] {" "}cho <b>{ $name }</b>.
    }
menu-continue-draft = ✍️ Tiếp tục hồ sơ đang soạn
menu-nominate = ✍️ Đề cử gương người tốt
menu-mine = 📋 Hồ sơ của tôi
menu-help = ❓ Trợ giúp
menu-language = 🌐 Ngôn ngữ
help =
    <b>Gương Sáng</b> giúp bạn đề cử gương người tốt, việc tốt chỉ trong vài phút.
    <b>Các bước</b>
    1. Gõ /decu rồi trả lời 10 câu hỏi ngắn: đề cử ai, thuộc đơn vị nào, lĩnh vực, phong trào thi đua, việc tốt đã làm, tiêu chuẩn đạt được, ảnh minh họa, số điện thoại liên hệ và sự đồng ý công khai. Trước khi gửi, bạn được xem lại và sửa từng mục.
    2. Cán bộ phụ trách thi đua của đơn vị xem xét hồ sơ và có thể nhắn bạn bổ sung thông tin; Hội đồng Thi đua – Khen thưởng xét duyệt.
    3. Câu chuyện được duyệt sẽ được biên tập khách quan, trung thực rồi đăng để nhân rộng gương tốt. Bạn nhận được tin nhắn mỗi khi hồ sơ có kết quả.
    <b>Thông tin riêng tư</b>
    Số điện thoại liên hệ chỉ cán bộ xét duyệt thấy để xác minh, không bao giờ được đăng công khai. Câu chuyện chỉ được đăng khi người được đề cử đã đồng ý.
    <b>Các lệnh</b>
    /decu — đề cử một cá nhân, tập thể, hộ gia đình hoặc doanh nghiệp
    /cuatoi — xem các hồ sơ bạn đã gửi, trạng thái của chúng, và rút hồ sơ khi chưa có kết quả
    /huy — hủy hồ sơ đang soạn
    /ngonngu — đổi ngôn ngữ
    /nhanbantin — nhận bản tin gương người tốt, việc tốt hằng tuần (/ngungnhan để thôi nhận)
    /dulieu — nhận toàn bộ dữ liệu bot đang lưu về bạn (bản tóm tắt và tệp JSON)
    /xoadulieu — xóa dữ liệu cá nhân của bạn (bot hỏi lại trước khi xóa)
    <b>Sự đồng ý công khai</b>
    Khi đề cử, bạn cho biết người được đề cử đã đồng ý chưa; với em dưới 16 tuổi cần cha mẹ hoặc người giám hộ đồng ý. Người được đề cử có thể rút lại sự đồng ý bất cứ lúc nào qua cán bộ thi đua; câu chuyện sẽ thôi được đăng.
    Cán bộ thi đua: /dongy GS-… ghi nhận người được đề cử tự xác nhận (thêm “giamho” cho cha mẹ, người giám hộ), /rutdongy GS-… ghi nhận việc rút lại. Quản trị viên: /nhatky GS-… xem ai đã mở thông tin riêng của hồ sơ.
    Ở mỗi bước, bạn có thể bấm nút hoặc gõ câu trả lời (gõ không dấu cũng được).
no-draft-hint = Bạn chưa có hồ sơ nào đang soạn. Gõ /decu để đề cử một gương người tốt, việc tốt, hoặc /trogiup để xem hướng dẫn.
slow-down = Bạn gửi nhanh quá. Vui lòng chờ một lát rồi tiếp tục nhé.
language-ask = Chọn ngôn ngữ / Choose your language:
language-set = Đã chuyển sang tiếng Việt.
choice-old-toast = Nút này đã cũ.
choice-no-longer-valid = Nút hoặc mã này không còn hiệu lực. Gõ /start để xem các lựa chọn hiện tại.

## Hồ sơ đang soạn

draft-open = { $hasName ->
        [yes] Bạn đang có một hồ sơ đề cử chưa gửi cho <b>{ $name }</b>.
       *[no] Bạn đang có một hồ sơ đề cử chưa gửi.
    } Bạn muốn tiếp tục hay làm lại từ đầu?
draft-continue = ▶️ Tiếp tục
draft-restart = 🔄 Làm lại từ đầu
cancel-nothing = Bạn không có hồ sơ nào đang soạn.
nomination-cancelled = Đã hủy hồ sơ đang soạn. Gõ /decu khi bạn muốn đề cử lại.
nomination-not-draft = Hồ sơ này đã được gửi hoặc đã hủy.

## Các bước đề cử

nominate-intro = Cảm ơn bạn! Chỉ vài bước ngắn thôi. Bạn có thể gõ /huy bất cứ lúc nào để dừng.
ask-kind = <b>Bước 1/10.</b> Bạn đề cử ai?
ask-name = <b>Bước 2/10.</b> Họ tên người (hoặc tên tập thể, hộ gia đình, doanh nghiệp) được đề cử là gì? (từ { $min } đến { $max } ký tự)
name-too-short = Tên quá ngắn, cần ít nhất { $min } ký tự.
name-no-letters = Tên cần có chữ cái: biểu tượng cảm xúc, số hay dấu câu thôi thì không thành tên. Vui lòng gõ họ tên, ví dụ: Nguyễn Văn An.
name-too-long = Tên dài { $length } ký tự, tối đa là { $max } ký tự. Vui lòng gõ ngắn lại.
ask-unit =
    <b>Bước 3/10.</b> Người được đề cử thuộc đơn vị (xã, phường, khu dân cư, cơ quan) nào?
    { $browsing ->
        [search] Kết quả tìm: <i>{ $query }</i> (bấm “◀ Quay lại” để chọn theo từng cấp)
        [yes] Đang xem: <i>{ $current }</i>
       *[no] Chọn dần từ cấp tỉnh trở xuống.
    }
    Bấm vào đơn vị, hoặc gõ một phần tên đơn vị để tìm.
unit-back = ◀ Quay lại
unit-previous-page = ‹ Trang trước
unit-next-page = Trang sau ›
unit-pick-this = ✅ Chọn đơn vị này
unit-not-found = Không tìm thấy đơn vị nào có tên giống “{ $query }”.
unit-search-results = Các đơn vị khớp với “{ $query }”:
unit-search-many = Có { $count } đơn vị khớp với “{ $query }”. Gõ thêm chữ để thu hẹp, hoặc lật trang:
unit-chosen = Đơn vị: <b>{ $unit }</b>
ask-duplicate =
    ⚠️ Có thể người này đã được đề cử trong 12 tháng qua:
    { $list }
    Bạn vẫn muốn tiếp tục đề cử?
duplicate-item = • <b>{ $name }</b> — { $unit } — { $code } ({ $status })
duplicate-continue = Vẫn tiếp tục
duplicate-cancel = Hủy hồ sơ này
ask-field = <b>Bước 4/10.</b> Thành tích thuộc lĩnh vực nào? (bấm, hoặc gõ số hay tên lĩnh vực)
field-chosen = Lĩnh vực: <b>{ $name }</b>
field-chosen-help =
    Lĩnh vực: <b>{ $name }</b>
    <i>{ $help }</i>
ask-movement = <b>Bước 5/10.</b> Thành tích gắn với phong trào thi đua nào? Nếu không rõ, bấm “Bỏ qua”.
choice-skip = Bỏ qua
choice-done = Xong
ask-achievements =
    <b>Bước 6/10.</b> Hãy kể về việc tốt, thành tích của người được đề cử: làm gì, khi nào, kết quả ra sao.
    Viết khách quan, trung thực (từ { $min } đến { $max } ký tự). Có thể gửi nhiều tin nhắn, xong thì bấm “Xong”.{ $replacing ->
        [yes] {""}
            Nội dung bạn gửi sẽ thay cho phần thành tích đã viết. Muốn giữ nguyên thì bấm “Xong” ngay.
       *[no] {""}
    }
achievements-message-too-long = Tin nhắn này dài quá { $over } ký tự (tối đa { $max } ký tự cho cả phần thành tích). Vui lòng rút gọn.
achievements-total-too-long = Thêm tin nhắn này thì vượt quá { $max } ký tự. Bạn chỉ còn được thêm { $left } ký tự nữa.
achievements-need-more = Cần viết thêm ít nhất { $missing } ký tự nữa.
achievements-received = Đã nhận { $count } ký tự (còn có thể thêm { $left } ký tự). Gửi tiếp hoặc bấm “Xong”.
ask-criteria =
    <b>Bước 7/10.</b> Người được đề cử đạt những tiêu chuẩn chung nào? Bấm để chọn (ít nhất một) hoặc gõ các số, ví dụ “1, 3”, rồi bấm “Xong”.
    { $list }
criteria-none = Cần chọn ít nhất một tiêu chuẩn.
criteria-typed = Đã chọn các tiêu chuẩn số { $numbers } (✅ là đã chọn; bấm một nút để bật hoặc tắt từng tiêu chuẩn). Chọn đủ thì bấm “Xong”.
criteria-unknown-numbers = Không có tiêu chuẩn số { $numbers }. Vui lòng gõ các số từ 1 đến { $max } hoặc bấm nút bên dưới; lựa chọn của bạn chưa thay đổi.
ask-photos = <b>Bước 8/10.</b> Gửi ảnh minh họa (không bắt buộc, tối đa { $max } ảnh). Gửi xong bấm “Xong”, không có ảnh thì bấm “Bỏ qua”.
photos-clear = 🗑 Xóa các ảnh đã gửi
photos-cleared = Đã xóa các ảnh đã gửi.
photos-too-many = Đã đủ { $max } ảnh nên không nhận thêm. Bấm “Xong” để sang bước tiếp theo.
photos-too-many-album = Đã đủ { $max } ảnh nên { $refused } ảnh vừa gửi không được nhận. Bấm “Xong” để sang bước tiếp theo.
photos-received-album-full = Đã nhận { $count } ảnh của album, đủ { $max } ảnh; { $refused } ảnh còn lại không được nhận. Bấm “Xong” để sang bước tiếp theo.
photo-refused-too-large = Ảnh này lớn hơn { $max } MB nên không nhận được. Vui lòng gửi ảnh nhỏ hơn.
photo-refused-not-image = Tệp này không phải là ảnh nên không nhận được. Vui lòng gửi ảnh (JPG, PNG); với giấy khen hay giấy tờ, hãy chụp ảnh rồi gửi.
photos-received = Đã nhận { $count } ảnh (tối đa { $max }).
photos-received-album = Đã nhận { $count } ảnh của album, tổng cộng { $total } ảnh (tối đa { $max }).
ask-contact = <b>Bước 9/10.</b> Số điện thoại liên hệ của người được đề cử (không bắt buộc; chỉ cán bộ xét duyệt thấy, không bao giờ công khai).
phone-invalid = Số điện thoại chưa đúng. Ví dụ: 0912 345 678 hoặc +84 912 345 678.
ask-consent = <b>Bước 10/10.</b> Người được đề cử đã đồng ý để câu chuyện của họ được đăng công khai chưa?{ $person ->
        [yes] {""}
            Nếu là em dưới 16 tuổi, cần cha mẹ hoặc người giám hộ đồng ý: chọn một trong hai dòng cuối.
       *[no] {""}
    }

## Xem lại và gửi

preview =
    <b>Xem lại hồ sơ đề cử</b>
    Đối tượng: { $kind }
    Tên: <b>{ $name }</b>
    Đơn vị: { $unit }
    Lĩnh vực: { $field }
    Phong trào: { $movement }
    Thành tích: { $achievements }
    Tiêu chuẩn:
    { $criteria }
    Ảnh: { $photos }
    Liên hệ (riêng tư, không công khai): { $contact }
    Đồng ý công khai: { $consent }
    Bấm để sửa từng mục, hoặc gửi hồ sơ.
preview-none = không có
preview-edit-kind = ✏️ Đối tượng
preview-edit-name = ✏️ Tên
preview-edit-unit = ✏️ Đơn vị
preview-edit-field = ✏️ Lĩnh vực
preview-edit-movement = ✏️ Phong trào
preview-edit-achievements = ✏️ Thành tích
preview-edit-criteria = ✏️ Tiêu chuẩn
preview-edit-photos = ✏️ Ảnh
preview-edit-contact = ✏️ Liên hệ
preview-edit-consent = ✏️ Đồng ý
preview-submit = 📨 Gửi hồ sơ
preview-cancel = ✖️ Hủy
preview-use-buttons = Vui lòng bấm một nút bên dưới để sửa, gửi hoặc hủy hồ sơ.
submit-daily-limit = Mỗi ngày bạn chỉ gửi được tối đa { $max } hồ sơ. Hồ sơ này vẫn được giữ nguyên, bạn có thể gửi vào ngày mai.
submit-incomplete = Hồ sơ còn thiếu thông tin, vui lòng trả lời câu hỏi này.
submit-receipt =
    ✅ Đã gửi hồ sơ đề cử. Mã hồ sơ: <code>{ $code }</code>
    Cán bộ phụ trách thi đua của đơn vị sẽ xem xét; bạn sẽ nhận được tin nhắn khi hồ sơ có kết quả hoặc cần bổ sung.
    Gõ /cuatoi để xem các hồ sơ của bạn. Cảm ơn bạn đã lan tỏa điều tốt đẹp!

## Câu trả lời không đúng

wrong-unsupported = Mình chưa đọc được { $what ->
        [sticker] nhãn dán
        [voice] tin nhắn thoại
        [audio] tệp âm thanh
        [video] video
        [document] tệp đính kèm
        [location] vị trí
        [contact] danh bạ
       *[other] loại tin nhắn này
    } ở bước này.
wrong-document = Bot chưa nhận được tệp tài liệu (PDF, Word…). Nếu đó là giấy khen hay giấy tờ, hãy chụp ảnh và gửi ở bước gửi ảnh; nội dung thì gõ thành tin nhắn. Ở bước này, hãy trả lời câu hỏi bên dưới.
wrong-photo = Bước này chưa cần ảnh; ảnh sẽ được gửi ở bước sau.
wrong-text-photos = Bước này cần ảnh. Hãy gửi ảnh, hoặc bấm “Xong” / “Bỏ qua”.
wrong-pick-choice = Mình chưa hiểu câu trả lời. Vui lòng bấm một nút bên dưới (hoặc gõ số thứ tự).
wrong-text-expected = Bước này cần bạn gõ câu trả lời bằng chữ.
wrong-old-button = Nút đó thuộc một tin nhắn cũ. Đây là câu hỏi hiện tại:
wrong-unknown-command = Lệnh { $command } không dùng được lúc này. Hồ sơ của bạn vẫn được giữ nguyên.

## Hồ sơ của tôi

mine-empty = Bạn chưa gửi hồ sơ đề cử nào. Gõ /decu để bắt đầu.
mine-header = <b>Hồ sơ bạn đã đề cử</b>
mine-item = • <code>{ $code }</code> <b>{ $name }</b> — { $status }
mine-withdraw = Rút { $code }
mine-withdraw-confirm = Rút hồ sơ <code>{ $code }</code> ({ $name })?
    Cán bộ sẽ dừng xét hồ sơ này và không thể hoàn tác; muốn đề cử lại thì phải gửi hồ sơ mới.
mine-withdraw-yes = ✅ Rút hồ sơ
mine-withdraw-no = ↩️ Giữ lại
withdrawn-toast = Đã rút hồ sơ { $code }.
withdraw-not-allowed = Hồ sơ này không thể rút nữa.
status-changed = Hồ sơ <code>{ $code }</code> (<b>{ $name }</b>) đã chuyển sang trạng thái: { $status }.
