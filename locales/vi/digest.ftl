## Bản tin gương người tốt, việc tốt hằng tuần (gửi tới nhóm cộng đồng)

digest-header = 🌟 <b>Gương người tốt, việc tốt tuần này</b>
    { $count } câu chuyện được Hội đồng Thi đua – Khen thưởng giới thiệu để cùng học tập, lan tỏa.
digest-story-caption = <b>{ $name }</b> — { $unit }
    <i>Lĩnh vực: { $field }</i>

    { $story }
digest-story-link = 📖 Đọc trên trang công khai: { $link }
digest-footer =
    Bạn biết một tấm gương người tốt, việc tốt quanh mình? Hãy đề cử ngay: nhắn /decu cho bot{ $link ->
        [none] .
       *[other] {" "}hoặc mở { $link }
    }
