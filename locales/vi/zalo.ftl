# Zalo channel: what only Zalo users see (numbered replies instead of buttons) and the
# admins' alert when the Zalo session ends.

# Under a numbered list of choices. $count: how many choices.
zalo-menu-hint = { $count ->
    [1] Trả lời 1 (gõ số hoặc tên lựa chọn)
   *[other] Trả lời 1–{ $count } (gõ số hoặc tên lựa chọn)
  }

# To the admins on Telegram. $code: Zalo's close code; $reason: Zalo's words.
zalo-session-closed-alert = ⚠️ <b>Kênh Zalo đã ngắt.</b> Tài khoản Zalo của bot vừa được mở trên Zalo Web ở nơi khác (hoặc Zalo đã kết thúc phiên), nên bot không còn nhận tin nhắn Zalo. Hãy đóng Zalo Web ở máy kia rồi khởi động lại bot; nếu phiên đã hết hạn, chạy <code>npm run zalo:login</code> để đăng nhập lại. (Mã { $code }: { $reason })

# To the admins on Telegram when the Zalo login failed at start. $reason: what went wrong.
zalo-login-failed-alert = ⚠️ <b>Kênh Zalo chưa chạy.</b> Bot không đăng nhập được tài khoản Zalo khi khởi động, nên tạm thời chỉ trả lời trên Telegram. Hãy chạy <code>npm run zalo:login</code> trên máy chủ để đăng nhập lại bằng mã QR, rồi khởi động lại bot. (Lý do: { $reason })

# To a resident whose photo arrived as JPEG XL when the server cannot convert it.
zalo-photo-jxl-unreadable = Bot chưa đọc được ảnh này: Zalo gửi nó ở định dạng JPEG XL mà máy chủ của bot chưa mở được. Bạn vui lòng chụp màn hình ảnh đó rồi gửi ảnh chụp màn hình, hoặc gửi ảnh dưới dạng tệp (JPG, PNG).

# Zalo Official Account (OA Open API)
zalo-oa-config-alert = ⚠️ <b>Kênh Zalo OA đã tạm dừng gửi tin.</b> Zalo từ chối với mã { $code }: ứng dụng hoặc OA chưa được thiết lập đủ cho việc này (-209 ứng dụng chưa kích hoạt, -212/-223 OA chưa cấp quyền API, -219 ứng dụng đã bị gỡ, -221 OA chưa xác thực, -224 cần gói dịch vụ trả phí, -235 loại OA không dùng được API này, -403/-237 nhóm không thuộc OA hoặc đã hết hạn). Hãy vào developers.zalo.me và trang quản lý OA để kiểm tra quyền, xác thực và gói dịch vụ; bot tự thử lại sau 30 phút.
zalo-oa-token-alert = ⚠️ <b>Kênh Zalo OA mất quyền truy cập.</b> Zalo từ chối mã truy cập (mã { $code }) và việc làm mới không thành công. Hãy chạy <code>npm run zalo-oa:connect</code> để quản trị viên OA cấp quyền lại cho ứng dụng; bot tự thử lại sau 30 phút.

# Zalo Bot Platform
# To a resident whose account Zalo protects (e.g. a minor): Zalo sends the bot no content.
zalo-bot-protected = Zalo không cho bot đọc tin nhắn từ tài khoản này (tài khoản được bảo vệ, chẳng hạn của người dưới 18 tuổi), nên bot chưa thể trả lời nội dung bạn gửi. Bạn có thể nhờ cha mẹ hoặc người giám hộ đề cử thay, hoặc liên hệ cán bộ thi đua ở khu dân cư của bạn.
# To the admins on the other channels when Zalo answers 429 (the bot's quota is spent).
zalo-bot-quota-alert = ⚠️ <b>Kênh Zalo Bot đã hết hạn mức gửi tin.</b> Zalo trả lời mã 429 (vượt hạn mức: gói miễn phí cho khoảng 3.000 tin mỗi tháng). Bot tạm dừng gửi trên Zalo Bot 30 phút rồi tự thử lại; tin chưa gửi vẫn được giữ trong hàng đợi. Nếu hạn mức tháng đã hết, hãy cân nhắc nâng gói trong Zalo Bot Creator hoặc chuyển bớt nhóm sang kênh khác.
# To the admins on the other channels when Zalo refuses the bot's token (401).
zalo-bot-token-alert = ⚠️ <b>Kênh Zalo Bot không còn gửi được tin.</b> Zalo từ chối mã bot (mã 401): mã có thể đã được đặt lại trong Zalo Bot Creator. Hãy lấy mã mới trong Zalo Bot Creator, đặt vào ZALO_BOT_TOKEN rồi khởi động lại bot.
