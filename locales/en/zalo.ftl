# Zalo channel: what only Zalo users see (numbered replies instead of buttons) and the
# admins' alert when the Zalo session ends.

# Under a numbered list of choices. $count: how many choices.
zalo-menu-hint = { $count ->
    [1] Reply 1 (the number or the option's name)
   *[other] Reply 1–{ $count } (the number or the option's name)
  }

# To the admins on Telegram. $code: Zalo's close code; $reason: Zalo's words.
zalo-session-closed-alert = ⚠️ <b>The Zalo channel is down.</b> The bot's Zalo account was just opened in Zalo Web somewhere else (or Zalo ended the session), so the bot no longer receives Zalo messages. Close Zalo Web on the other device and restart the bot; if the session expired, run <code>npm run zalo:login</code> to log in again. (Code { $code }: { $reason })

# To the admins on Telegram when the Zalo login failed at start. $reason: what went wrong.
zalo-login-failed-alert = ⚠️ <b>The Zalo channel is not running.</b> The bot could not log in to its Zalo account at start, so for now it answers on Telegram only. Run <code>npm run zalo:login</code> on the server to log in again with a QR code, then restart the bot. (Reason: { $reason })

# To a resident whose photo arrived as JPEG XL when the server cannot convert it.
zalo-photo-jxl-unreadable = The bot cannot read this photo yet: Zalo delivered it as JPEG XL, which the bot's server cannot open. Please take a screenshot of the photo and send that, or send the photo as a file (JPG, PNG).

# Zalo Official Account (OA Open API)
zalo-oa-config-alert = ⚠️ <b>The Zalo OA channel has paused sending.</b> Zalo refused with code { $code }: the app or the OA is not set up for this (-209 app not active, -212/-223 the OA has not granted the API, -219 app removed, -221 OA not verified, -224 a paid package is needed, -235 this kind of OA cannot use the API, -403/-237 the group is not the OA's or has expired). Check the permissions, verification and package at developers.zalo.me and in the OA manager; the bot tries again in 30 minutes.
zalo-oa-token-alert = ⚠️ <b>The Zalo OA channel lost its access.</b> Zalo refused the access token (code { $code }) and refreshing it failed. Run <code>npm run zalo-oa:connect</code> so an OA admin grants the app access again; the bot tries again in 30 minutes.

# Zalo Bot Platform
# To a resident whose account Zalo protects (e.g. a minor): Zalo sends the bot no content.
zalo-bot-protected = Zalo does not let the bot read messages from this account (a protected account, such as one of a person under 18), so the bot cannot answer what you sent. You can ask a parent or guardian to make the nomination for you, or contact the emulation officer of your neighbourhood.
# To the admins on the other channels when Zalo answers 429 (the bot's quota is spent).
zalo-bot-quota-alert = ⚠️ <b>The Zalo Bot channel has used up its sending quota.</b> Zalo answered code 429 (quota exceeded: the free tier allows about 3,000 messages a month). The bot pauses sending on Zalo Bot for 30 minutes, then tries again; unsent messages stay queued. If the month's quota is spent, consider a higher tier in Zalo Bot Creator or moving some groups to another channel.
# To the admins on the other channels when Zalo refuses the bot's token (401).
zalo-bot-token-alert = ⚠️ <b>The Zalo Bot channel can no longer send.</b> Zalo refuses the bot's token (code 401): it may have been reset in Zalo Bot Creator. Get the new token in Zalo Bot Creator, put it in ZALO_BOT_TOKEN and restart the bot.
