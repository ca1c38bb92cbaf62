## The weekly digest of good people and good deeds (sent to community groups)

digest-header = 🌟 <b>Good people, good deeds this week</b>
    { $count ->
        [one] { $count } story
       *[other] { $count } stories
    } introduced by the Emulation and Commendation Council, to learn from and to share.
digest-story-caption = <b>{ $name }</b> — { $unit }
    <i>Field: { $field }</i>

    { $story }
digest-story-link = 📖 Read it on the public site: { $link }
digest-footer =
    Do you know someone who sets a good example? Nominate them now: send /decu to the bot{ $link ->
        [none] .
       *[other] {" "}or open { $link }
    }
