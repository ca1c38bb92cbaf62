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
