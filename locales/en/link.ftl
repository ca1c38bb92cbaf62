# /link: joins the Telegram and Zalo accounts of one person.

# $code: the 6-digit code; $other: the other channel (Telegram or Zalo); $minutes: how long it lasts.
link-code = Your link code: <b>{ $code }</b>. Within { $minutes } minutes, type <code>/link { $code }</code> in a private chat with the bot on { $other } to join the two accounts. The code works once.
link-done = ✅ This account is now joined to your other one. Your nominations and roles show on both channels.
link-refused-invalid = That link code is wrong or has expired. Type /link on the other channel for a new one.
link-refused-same-person = This code belongs to this very account. Type it on the other channel (Telegram or Zalo).
link-refused-channel-taken = Cannot join: that person already has another account on this channel.
