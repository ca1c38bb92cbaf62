# Khởi động: thông báo trên màn hình của người vận hành.

setup-playground-port-taken =
    Chưa mở được chế độ chạy thử: cổng { $port } trên máy này đang được một chương trình khác sử dụng (có thể là một Gương Sáng khác vẫn đang chạy).
    Hãy dừng chương trình đó, hoặc chọn một cổng khác, ví dụ: PLAYGROUND_PORT={ $suggested } npm start (hoặc điền PLAYGROUND_PORT trong tệp .env).

setup-database-busy =
    Chưa cập nhật được cấu trúc cơ sở dữ liệu { $database }: tệp đang bị một chương trình khác giữ để ghi (đã chờ vài giây nhưng chưa được nhả ra).
    Có thể Gương Sáng đang chạy ở một cửa sổ khác trên cùng thư mục dữ liệu, hoặc một công cụ (sqlite3, DB Browser, một lần chạy kiểm thử) vẫn còn mở tệp này.
    Hãy dừng chương trình đó rồi chạy lại: npm start

setup-zalo-off =
    Kênh Zalo tạm tắt vì chưa đăng nhập được (lý do ở trên); bot vẫn chạy trên Telegram và đã báo cho quản trị viên.
    Để bật lại: chạy npm run zalo:login, rồi khởi động lại bot.
