## Báo cáo, thống kê và hồ sơ thành tích cho cán bộ

reports-officers-only = Chỉ cán bộ thi đua mới lấy được báo cáo. Nếu bạn là cán bộ, hãy nhờ quản trị viên thêm bạn bằng /officer_add.
reports-pick-period = Chọn kỳ báo cáo{ $what ->
        [csv] {" "}(CSV danh sách hồ sơ)
        [stats] {" "}(biểu đồ thống kê)
       *[xlsx] {" "}(tệp Excel)
    }, hoặc gõ <code>/baocao 2026-Q4</code>, <code>/baocao 2026-H2</code>, <code>/baocao 2026</code>, <code>/baocao 01/10/2026-15/11/2026</code>; thêm mã đơn vị để chỉ lấy một đơn vị.
reports-period-choice = { $label }
reports-period-unknown = Không hiểu kỳ “{ $text }”. Hãy gõ quý (<code>2026-Q4</code>), nửa năm (<code>2026-H1</code>), năm (<code>2026</code>), tháng (<code>11/2026</code>) hoặc khoảng ngày (<code>01/10/2026-15/11/2026</code>).
reports-period-range-order = Ngày bắt đầu phải trước ngày kết thúc: “{ $text }”.
reports-period-range-long = Khoảng ngày “{ $text }” dài quá 3 năm; hãy chọn khoảng ngắn hơn.
reports-unknown-unit = Không có đơn vị mã <code>{ $code }</code>.
reports-outside-scope = Đơn vị <code>{ $code }</code> không thuộc phạm vi bạn phụ trách.
reports-working = ⏳ Đang lập { $what ->
        [csv] tệp CSV
        [stats] biểu đồ
        [docx] hồ sơ
       *[xlsx] báo cáo
    } { $period }…
reports-xlsx-caption = 📊 Báo cáo { $period } — { $scope }: { $received } hồ sơ tiếp nhận, { $approved } gương được duyệt.
reports-csv-caption = 📄 Danh sách hồ sơ { $period } — { $scope }: { $count } hồ sơ.
reports-stats-caption = 📈 Thống kê { $period } — { $scope }: { $received } hồ sơ, { $approved } gương được duyệt.
weekly-stats-caption = 📊 Thống kê đầu tuần, { $period }, toàn bộ các đơn vị: { $received } hồ sơ tiếp nhận, { $approved } gương được duyệt. Gửi /baocao để nhận bảng tính, /thongke để xem một đơn vị.
reports-empty = Trong kỳ này chưa có hồ sơ nào; tệp vẫn có đủ các bảng để nộp kèm báo cáo.
reports-no-documents = Kênh này chưa gửi được tệp. Hãy lấy báo cáo qua Telegram hoặc nhờ quản trị viên chạy <code>npm run report</code>.
reports-failed = Không lập được báo cáo lúc này. Vui lòng thử lại sau ít phút.
reports-scope-all = toàn bộ các đơn vị
reports-dossier-usage = Gõ <code>/hoso GS-2026-0042</code> để lấy bản nháp báo cáo thành tích (Word) của một hồ sơ.
reports-dossier-not-found = Không tìm thấy hồ sơ <code>{ $code }</code> trong phạm vi bạn phụ trách.
reports-dossier-caption = 📝 Bản nháp báo cáo thành tích của <b>{ $name }</b> ({ $code }). Hãy hoàn thiện phần còn trống trong Word trước khi trình ký.
