# Khởi động: thông báo trên màn hình của người vận hành.

setup-playground-port-taken =
    Chưa mở được chế độ chạy thử: cổng { $port } trên máy này đang được một chương trình khác sử dụng (có thể là một Gương Sáng khác vẫn đang chạy).
    Hãy dừng chương trình đó, hoặc chọn một cổng khác, ví dụ: PLAYGROUND_PORT={ $suggested } npm start (hoặc điền PLAYGROUND_PORT trong tệp .env).
