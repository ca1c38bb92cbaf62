## Lịch thi đua: nhắc hạn, nhắc hồ sơ dang dở, tổng hợp hồ sơ chờ duyệt

period-MONTHLY = tháng { $index }/{ $year }
period-QUARTERLY = quý { $index ->
        [1] I
        [2] II
        [3] III
       *[other] IV
    }/{ $year }
period-HALF_YEARLY = { $index ->
        [1] 6 tháng đầu năm { $year }
       *[other] 6 tháng cuối năm { $year }
    }
period-YEARLY = năm { $year }
calendar-days-left = { $days ->
        [0] hôm nay là hạn chót
        [1] còn 1 ngày
       *[other] còn { $days } ngày
    }
reminder-message =
    ⏰ <b>Nhắc hạn: { $title }</b>
    Hạn: { $date } — { $left }.
reminder-quota-line = • { $unit }: { $approved }/{ $quota } gương { $period } — { $left }{ $met ->
        [yes] {" "}✅
       *[no] {""}
    }
reminder-group-footer = Gửi /decu cho bot để đề cử một tấm gương người tốt, việc tốt.
nudge-message = Bạn còn một hồ sơ đề cử{ $name ->
        [none] {""}
       *[other] {" "}cho <b>{ $name }</b>
    } đang soạn dở. Bấm «Tiếp tục» để hoàn thành, chỉ mất vài phút.
nudge-continue = ▶️ Tiếp tục
review-summary-header = ⏳ <b>{ $count } hồ sơ chờ duyệt quá { $days } ngày</b> (cũ nhất trước):
review-summary-item = • { $code } — { $name } ({ $unit }): chờ { $waited } ngày, { $status }
review-summary-footer = Gửi /choduyet để mở từng hồ sơ.
review-summary-unreachable = 📵 { $count } cán bộ không nhận được tin nhắn riêng qua Zalo OA vì đã hơn { $days } ngày chưa nhắn cho OA (Zalo không cho OA nhắn trước). Phiếu duyệt vẫn gửi vào nhóm này; nhờ các cán bộ sau nhắn một tin bất kỳ cho OA:
review-summary-unreachable-item = • { $name }{ $elsewhere ->
        [yes] {" "}(vẫn nhận qua kênh đã liên kết)
       *[no] {""}
    }
deadlines-header = 📅 <b>Các mốc sắp tới</b>
deadlines-item = • { $date } — { $title } ({ $left }) · <code>{ $code }</code>
deadlines-outside-window = ⏳ Ngoài khung 7 ngày của Zalo: { $count } lời nhắc không gửi được qua Zalo OA (người nhận đã lâu không nhắn cho OA){ $elsewhere ->
        [0] {""}
       *[other] ; { $elsewhere } đã tới qua kênh đã liên kết
    }.
deadlines-empty = Chưa có mốc nào sắp tới.
deadlines-officers-only = Lệnh này dành cho cán bộ thi đua và quản trị viên.
deadline-add-usage =
    Cách dùng: /deadline_add <ngày> | <tên mốc> | <đối tượng>
    • Ngày: dd/mm (lặp lại hằng năm) hoặc dd/mm/yyyy (một lần).
    • Đối tượng: groups (các nhóm đã đăng ký), officers (cán bộ đơn vị), council (Hội đồng), nominators (người đề cử).
    Ví dụ: /deadline_add 20/12 | Nộp báo cáo tổng kết | officers
deadline-add-bad-date = Ngày «{ $text }» không hợp lệ. Hãy viết dd/mm hoặc dd/mm/yyyy, ví dụ 20/12 hoặc 20/12/2026.
deadline-add-bad-audience = Đối tượng «{ $text }» không hợp lệ: dùng groups, officers, council hoặc nominators.
deadline-added = Đã thêm mốc «{ $title }» (mã <code>{ $code }</code>), hạn gần nhất { $date } — { $left }. Bot sẽ nhắc trước 7, 3, 1 ngày và đúng ngày.
deadline-remove-usage = Cách dùng: /deadline_remove <mã mốc> (xem mã trong /deadlines)
deadline-removed = Đã gỡ mốc <code>{ $code }</code>.
deadline-not-found = Không có mốc nào mã <code>{ $code }</code>.
tick-disabled = Lệnh /tick chỉ dùng khi thử nghiệm (ALLOW_TIME_TRAVEL=1).
tick-usage = Cách dùng: /tick dd/mm/yyyy hh:mm (giờ địa phương)
tick-done = Đã chạy các việc định kỳ như thể lúc { $time }:
tick-reminders = { $count ->
        [0] Lời nhắc hạn: chưa có mốc nào đến ngày nhắc.
       *[other] Lời nhắc hạn: đã gửi { $count } lời nhắc.
    }
tick-draft-nudges = { $count ->
        [0] Hồ sơ soạn dở: không ai cần nhắc.
       *[other] Hồ sơ soạn dở: đã nhắc { $count } người viết tiếp.
    }
tick-review-summaries = { $count ->
        [0] Hồ sơ chờ duyệt: không có hồ sơ nào chờ quá lâu.
       *[other] Hồ sơ chờ duyệt: đã gửi { $count } bản tóm tắt cho cán bộ.
    }
tick-digest-preview = Bản xem trước của bản tin tuần đã gửi tới nhóm Hội đồng ({ $count } câu chuyện).
tick-weekly-digest-sent = Bản tin tuần: { $stories } câu chuyện, gửi tới { $chats } nhóm cộng đồng.
tick-weekly-digest-empty = Bản tin tuần: chưa có câu chuyện mới nào được duyệt, nên không gửi gì.
tick-weekly-digest-held = Bản tin tuần: Hội đồng đang tạm giữ, nên chưa gửi.
tick-digest-settle = { $count ->
        [0] { "" }
       *[other] Đã đánh dấu { $count } câu chuyện là đã đăng.
    }
tick-retention = Dữ liệu quá hạn lưu: đã xóa { $phones } số điện thoại liên hệ và { $photos } ảnh chưa công bố.
tick-weekly-stats = Thống kê tuần: đã gửi biểu đồ quý tới { $count } nhóm Hội đồng.
tick-other = Việc { $name }: xong.
tick-failed = Việc «{ $name }» gặp lỗi: { $error }
