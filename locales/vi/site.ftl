## Trang công khai các tấm gương đã duyệt (ấn phẩm điện tử)

site-name = Gương Sáng
site-title = Gương người tốt, việc tốt
site-intro = Những tấm gương người tốt, việc tốt được Hội đồng Thi đua – Khen thưởng duyệt và giới thiệu để cùng học tập, lan tỏa.
site-skip = Bỏ qua, đến nội dung chính
site-home = Trang chủ
site-filters = Lọc theo
site-filter-field = Lĩnh vực
site-filter-unit = Đơn vị
site-filter-year = Năm duyệt
site-filter-all = Tất cả
site-field-heading = Lĩnh vực: { $name }
site-unit-heading = Đơn vị: { $name }
site-year-heading = Các tấm gương được duyệt năm { $year }
site-count = { $count ->
    [0] Chưa có câu chuyện nào.
   *[other] { $count } câu chuyện
}
site-empty = Chưa có câu chuyện nào được đăng.
site-story-field = Lĩnh vực
site-story-unit = Đơn vị
site-story-movement = Phong trào thi đua
site-story-approved = Ngày duyệt
site-photos = Hình ảnh
site-photo-alt = Ảnh { $number } về { $name }: { $summary }
site-photo-full = Mở ảnh cỡ lớn
site-back = Về danh sách các tấm gương
site-search-label = Tìm theo tên, đơn vị hoặc nội dung (gõ không dấu cũng được)
site-search-button = Tìm
site-search-none = Không tìm thấy câu chuyện nào khớp với từ khóa này.
site-search-count = { $count } kết quả
site-booklets = Sổ tay in theo quý
site-booklet-title = Sổ tay gương người tốt, việc tốt { $period }
site-booklet-intro = { $count } tấm gương được duyệt trong { $period }. Dùng lệnh In của trình duyệt (Ctrl+P) để in sổ tay trên khổ A4, mỗi tấm gương một trang.
site-print-hint = Dùng lệnh In của trình duyệt (Ctrl+P) để in trang này trên khổ A4 cho bảng tin.
site-feeds = Nhận tin mới
site-feed-atom = Nguồn tin Atom
site-feed-json = JSON Feed
site-footer = Nội dung do Hội đồng Thi đua – Khen thưởng duyệt, đăng khi người được đề cử đồng ý. Số điện thoại, địa chỉ và người đề cử không bao giờ được công bố.
site-not-found-title = Không tìm thấy trang
site-not-found = Trang này không có hoặc câu chuyện đã được gỡ xuống.
site-phone-hidden = [số điện thoại đã ẩn]
