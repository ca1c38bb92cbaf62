# /link: nối tài khoản Telegram và Zalo của cùng một người.

# $code: mã 6 chữ số; $other: kênh còn lại (Telegram hoặc Zalo); $minutes: thời hạn.
link-code = Mã liên kết của bạn: <b>{ $code }</b>. Trong vòng { $minutes } phút, hãy gõ <code>/link { $code }</code> trong tin nhắn riêng với bot trên { $other } để nối hai tài khoản. Mã chỉ dùng được một lần.
link-done = ✅ Đã nối tài khoản này với tài khoản kia của bạn. Hồ sơ đề cử và vai trò của bạn giờ xem được ở cả hai kênh.
link-refused-invalid = Mã liên kết không đúng hoặc đã hết hạn. Gõ /link ở kênh kia để lấy mã mới.
link-refused-same-person = Mã này là của chính tài khoản này. Hãy gõ mã trên kênh còn lại (Telegram hoặc Zalo).
link-refused-channel-taken = Không thể nối: người kia đã có một tài khoản khác trên kênh này.
