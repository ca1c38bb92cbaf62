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
deadlines-header = 📅 <b>Các mốc sắp tới</b>
deadlines-item = • { $date } — { $title } ({ $left }) · <code>{ $code }</code>
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
tick-done = Đã chạy các việc định kỳ như thể lúc { $time }: { $summary }
tick-job = { $name } { $ok ->
        [yes] ✓ { $result }
       *[no] ✗ { $error }
    }
