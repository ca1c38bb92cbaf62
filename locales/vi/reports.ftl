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

## /khenthuong (/commend)

commend-usage = Ghi các hình thức khen thưởng người được đề cử đã nhận, để điền vào mục III của báo cáo thành tích (/hoso):
    • <code>/khenthuong GS-2026-0042</code>: xem danh sách đã ghi
    • <code>/khenthuong GS-2026-0042 2025 | Giấy khen | Quyết định số 12/QĐ-UBND ngày 15/01/2025 | UBND xã Sơn Vi</code>: thêm một dòng (năm | hình thức | số, ngày quyết định | cơ quan ban hành)
    • <code>/khenthuong GS-2026-0042 xoa 2</code>: xóa dòng thứ 2
commend-error-parts = Cần đủ bốn phần, cách nhau bằng dấu |: năm | hình thức khen thưởng | số, ngày quyết định | cơ quan ban hành. Ví dụ: <code>2025 | Giấy khen | Quyết định số 12/QĐ-UBND ngày 15/01/2025 | UBND xã Sơn Vi</code>
commend-error-year = Năm khen thưởng phải là năm có bốn chữ số, từ 1948 đến năm nay, ví dụ <code>2025</code>.
commend-error-too-long = Mỗi phần dài tối đa 200 ký tự; hãy viết gọn như trong quyết định.
commend-added = ✅ Đã ghi: { $form } ({ $year }).
commend-removed = 🗑 Đã xóa: { $form } ({ $year }).
commend-no-such = Hồ sơ { $code } không có dòng khen thưởng số { $number }.
commend-list-empty = Hồ sơ { $code } chưa ghi hình thức khen thưởng nào. Thêm bằng <code>/khenthuong { $code } năm | hình thức | số, ngày quyết định | cơ quan ban hành</code>.
commend-list-header = <b>Các hình thức khen thưởng đã ghi cho hồ sơ { $code }</b> ({ $count }):
commend-list-item = { $number }. { $year } — { $form }; { $decision }; { $issuer }
commend-list-footer = Các dòng này được điền vào mục III khi bạn gửi <code>/hoso { $code }</code>.
