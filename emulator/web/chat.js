// The chat page: Telegram users driven through the emulator's control API (/_emulator).
// In the playground (/_playground/cast answers) it shows the cast, a switch of who you are,
// every chat of that person (side by side on a wide screen, tabs on a phone), the clock panel
// and a reset; the resident can switch to a Zalo channel (Official Account, Bot Platform) and
// see the chat as Zalo shows it, through /_playground/zalo/<channel>/. On a bare emulator it
// shows one user: ?user=<id>&chats=<id>:<name>,...
"use strict";

const labels = {
  vi: {
    subtitle: "sân chơi thử",
    lang: "English",
    reset: "↺ Làm lại",
    resetConfirm: "Xóa hết dữ liệu thử và bắt đầu lại với tổ chức mẫu?",
    resetDone: "Đã làm lại từ đầu với tổ chức mẫu.",
    roles: "Bạn là ai",
    chats: "Các cuộc trò chuyện",
    role: { resident: "Người dân", unitOfficer: "Cán bộ đơn vị", councilOfficer: "Cán bộ Hội đồng", admin: "Quản trị viên" },
    private: "Trò chuyện riêng với bot",
    clock: { hour: "+1 giờ", day: "+1 ngày", week: "+1 tuần", digest: "📰 Bản tin tuần" },
    clockTitle: { hour: "Cho thời gian trôi 1 giờ", day: "Cho thời gian trôi 1 ngày", week: "Cho thời gian trôi 1 tuần", digest: "Đến giờ gửi bản tin tuần (sáng thứ Hai)" },
    clockAt: "Bây giờ là",
    nothing: "Không có việc gì đến hạn.",
    placeholder: "Nhập tin nhắn hoặc lệnh, ví dụ /decu",
    send: "Gửi",
    photo: "Gửi ảnh",
    emptyPrivate: "Chưa có tin nhắn nào. Bấm Bắt đầu để chào bot.",
    emptyGroup: "Chưa có tin nhắn nào trong nhóm này.",
    start: "Bắt đầu",
    edited: "đã sửa",
    reply: "Trả lời",
    replyingTo: "Đang trả lời:",
    cancel: "Hủy",
    photoAlt: "Ảnh gửi trong cuộc trò chuyện",
    document: "Tệp",
    voice: "Tin nhắn thoại",
    error: "Chưa làm được: ",
    channel: "Kênh",
    channelTitle: "Kênh của người dân: Telegram, hoặc Zalo như cư dân thấy",
    channels: { telegram: "Telegram", oa: "Zalo OA", bot: "Zalo Bot" },
    zaloChat: { oa: "Zalo OA của phường", bot: "Bot Zalo Gương Sáng" },
    zaloResident: { oa: "Cư dân (Zalo OA)", bot: "Cư dân (Zalo Bot)" },
    zaloNote: "Như trên Zalo: chọn bằng cách gõ số (1, 2…); tin đã gửi không bao giờ được sửa, mỗi thay đổi là một tin mới.",
    zaloPlaceholder: "Nhập tin nhắn hoặc số của lựa chọn",
    zaloEmpty: "Chưa có tin nhắn nào. Người dùng Zalo nhắn trước, bot mới trả lời được.",
    sticker: "Nhãn dán",
  },
  en: {
    subtitle: "local playground",
    lang: "Tiếng Việt",
    reset: "↺ Start over",
    resetConfirm: "Wipe the trial data and start again from the sample organisation?",
    resetDone: "Started over with the sample organisation.",
    roles: "Who you are",
    chats: "Chats",
    role: { resident: "Resident", unitOfficer: "Unit officer", councilOfficer: "Council officer", admin: "Admin" },
    private: "Private chat with the bot",
    clock: { hour: "+1 hour", day: "+1 day", week: "+1 week", digest: "📰 Weekly digest" },
    clockTitle: { hour: "Let one hour pass", day: "Let one day pass", week: "Let one week pass", digest: "On to the weekly digest (Monday morning)" },
    clockAt: "It is now",
    nothing: "Nothing fell due.",
    placeholder: "Type a message or a command, e.g. /nominate",
    send: "Send",
    photo: "Send a photo",
    emptyPrivate: "No messages yet. Press Start to greet the bot.",
    emptyGroup: "No messages in this group yet.",
    start: "Start",
    edited: "edited",
    reply: "Reply",
    replyingTo: "Replying to:",
    cancel: "Cancel",
    photoAlt: "Photo sent in the chat",
    document: "File",
    voice: "Voice message",
    error: "Could not do it: ",
    channel: "Channel",
    channelTitle: "The resident's channel: Telegram, or Zalo as residents see it",
    channels: { telegram: "Telegram", oa: "Zalo OA", bot: "Zalo Bot" },
    zaloChat: { oa: "The ward's Zalo OA", bot: "Gương Sáng Zalo bot" },
    zaloResident: { oa: "Resident (Zalo OA)", bot: "Resident (Zalo Bot)" },
    zaloNote: "As on Zalo: choose by typing a number (1, 2…); a sent message is never edited, each change is a new message.",
    zaloPlaceholder: "Type a message or a choice's number",
    zaloEmpty: "No messages yet. On Zalo the user writes first; only then can the bot answer.",
    sticker: "Sticker",
  },
};

const page = {
  lang: localStorage.getItem("gs-lang") === "en" ? "en" : "vi",
  cast: null,
  role: localStorage.getItem("gs-role") || "resident",
  channel: localStorage.getItem("gs-channel") || "telegram",
  userId: 0,
  panes: [],
  active: 0,
};
const L = () => labels[page.lang];

async function control(path, body) {
  const res = await fetch("/_emulator/" + path, body ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {});
  const json = await res.json();
  if (!json.ok) throw new Error(json.error || json.description);
  return json.result;
}

async function playground(path, body) {
  const res = await fetch("/_playground/" + path, body ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {});
  if (res.status === 404) return null;
  const json = await res.json();
  if (!json.ok) throw new Error(json.error);
  return json.result;
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

let toastTimer;
function toast(text) {
  const box = document.getElementById("toast");
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (box.hidden = true), 3500);
}

function showAlert(text) {
  document.getElementById("alert-text").textContent = text;
  const dialog = document.getElementById("alert");
  if (!dialog.open) dialog.showModal();
}

// === Formatting: Telegram entities to HTML (offsets count UTF-16 units, as JavaScript strings do)

const entityTags = { bold: "strong", italic: "em", underline: "u", strikethrough: "s", code: "code", pre: "pre", blockquote: "blockquote", expandable_blockquote: "blockquote" };

function entityNode(entity, text) {
  if (entityTags[entity.type]) return el(entityTags[entity.type]);
  if (entity.type === "text_link") return el("a", { href: entity.url, target: "_blank", rel: "noopener" });
  if (entity.type === "url") return el("a", { href: /^https?:/i.test(text) ? text : "http://" + text, target: "_blank", rel: "noopener" });
  if (entity.type === "spoiler") return el("span", { class: "spoiler" });
  if (entity.type === "bot_command") return el("span", { class: "command", role: "button", tabindex: "0", "data-command": text });
  return el("span");
}

function formatted(text, entities) {
  const root = el("div", { class: "body" });
  const sorted = [...(entities || [])].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const stack = [{ node: root, end: text.length }];
  let at = 0;
  const flushTo = (pos) => {
    if (pos > at) stack.at(-1).node.append(text.slice(at, pos));
    at = pos;
  };
  for (const e of sorted) {
    while (stack.length > 1 && stack.at(-1).end <= e.offset) {
      flushTo(stack.at(-1).end);
      stack.pop();
    }
    flushTo(e.offset);
    const node = entityNode(e, text.slice(e.offset, e.offset + e.length));
    stack.at(-1).node.append(node);
    stack.push({ node, end: Math.min(e.offset + e.length, stack.at(-1).end) });
  }
  while (stack.length > 1) {
    flushTo(stack.at(-1).end);
    stack.pop();
  }
  flushTo(text.length);
  return root;
}

// === Panes: one chat each

function paneTitle(chat) {
  if (chat.zalo && chat.private) return L().zaloChat[chat.zalo];
  return chat.private ? L().private : chat.title;
}

function buildPanes() {
  const box = document.getElementById("panes");
  box.replaceChildren();
  page.panes = page.chats().map((chat, i) => {
    const pane = { chat, key: "", replyTo: null, log: el("div", { class: "log", "aria-live": "polite" }) };
    pane.keyboard = el("div", { class: "keyboard", hidden: true });
    pane.replying = el("div", { class: "replying", hidden: true });
    const placeholder = chat.zalo ? L().zaloPlaceholder : L().placeholder;
    const input = el("input", { type: "text", autocomplete: "off", placeholder, "aria-label": placeholder });
    const file = el("input", { type: "file", accept: "image/*", multiple: true, onchange: (e) => sendPhotos(pane, e.target) });
    pane.input = input;
    pane.form = el(
      "form",
      { class: "send", onsubmit: (e) => { e.preventDefault(); const text = input.value.trim(); if (!text) return; input.value = ""; sendText(pane, text); } },
      el("label", { title: L().photo, "aria-label": L().photo }, "📷", file),
      input,
      el("button", {}, L().send),
    );
    const note = chat.zalo ? el("p", { class: "zalo-note" }, L().zaloNote) : null;
    // The OA's group is shown read-only: the page acts as the resident in their private chat.
    if (chat.zalo && !chat.private) pane.form.hidden = true;
    pane.node = el(
      "section",
      { class: "pane" + (chat.zalo ? " zalo" : "") + (i === page.active ? " active" : ""), "data-chat": String(chat.id), ...(chat.zalo ? { "data-zalo": chat.zalo } : {}) },
      el("h2", {}, paneTitle(chat)),
      note,
      pane.log,
      pane.keyboard,
      pane.replying,
      pane.form,
    );
    box.append(pane.node);
    return pane;
  });
  renderTabs();
}

function renderTabs() {
  const tabs = document.getElementById("tabs");
  tabs.setAttribute("aria-label", L().chats);
  tabs.replaceChildren(
    ...page.panes.map((pane, i) =>
      el("button", { type: "button", role: "tab", "aria-selected": String(i === page.active), onclick: () => selectPane(i) }, paneTitle(pane.chat), pane.unread ? el("span", { class: "badge" }, String(pane.unread)) : null),
    ),
  );
}

function selectPane(i) {
  page.active = i;
  page.panes.forEach((p, j) => p.node.classList.toggle("active", j === i));
  page.panes[i].unread = 0;
  renderTabs();
  page.panes[i].log.scrollTop = page.panes[i].log.scrollHeight;
}

async function sendText(pane, text) {
  if (pane.chat.zalo) return zaloSend(pane, { text });
  const command = /^\/(\w+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text);
  const where = { userId: page.userId, chatId: pane.chat.id, ...(pane.replyTo ? { replyTo: pane.replyTo } : {}) };
  setReply(pane, null);
  try {
    await control("send", command ? { ...where, command: command[1], ...(command[2] ? { payload: command[2] } : {}) } : { ...where, text });
  } catch (err) {
    toast(L().error + err.message);
  }
  refreshPane(pane);
}

async function sendPhotos(pane, input) {
  const files = [...input.files];
  const encoded = await Promise.all(files.map((f) => new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",")[1]);
    reader.readAsDataURL(f);
  })));
  if (pane.chat.zalo) {
    input.value = "";
    return zaloSend(pane, { photos: encoded.slice(0, 10) });
  }
  const where = { userId: page.userId, chatId: pane.chat.id };
  if (encoded.length === 1) await control("send", { ...where, photo: encoded[0] });
  else if (encoded.length > 1) await control("send", { ...where, album: encoded.slice(0, 10).map((bytes) => ({ bytes })) });
  input.value = "";
  refreshPane(pane);
}

async function press(pane, m, button) {
  try {
    const { callbackQueryId } = await control("press", { userId: page.userId, chatId: pane.chat.id, messageId: m.messageId, data: button.callbackData });
    refreshPane(pane);
    const answer = await control("callback-answer", { callbackQueryId, timeout: 8000 }).catch(() => null);
    if (answer && answer.text) (answer.show_alert ? showAlert : toast)(answer.text);
  } catch (err) {
    toast(L().error + err.message);
  }
  refreshPane(pane);
}

function setReply(pane, m) {
  pane.replyTo = m ? m.messageId : null;
  pane.replying.hidden = !m;
  if (m) {
    const preview = (m.text || m.caption || "").slice(0, 60);
    pane.replying.replaceChildren(el("span", {}, L().replyingTo + " " + preview), el("button", { type: "button", onclick: () => setReply(pane, null) }, L().cancel));
    pane.input.focus();
  }
}

// === Messages

function time(unix) {
  const d = new Date(unix * 1000);
  return String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
}

function senderName(m) {
  const from = m.message.from;
  if (!from) return "";
  return [from.first_name, from.last_name].filter(Boolean).join(" ");
}

function photoGrid(views) {
  const photos = views.filter((v) => v.photo && v.photo.length);
  if (!photos.length) return null;
  return el(
    "div",
    { class: "photos" + (photos.length === 1 ? " single" : "") },
    ...photos.map((v) => {
      const big = v.photo.at(-1);
      const small = v.photo.find((p) => p.width >= 240) || big;
      return el("a", { href: "/_emulator/file/" + encodeURIComponent(big.file_id), target: "_blank" }, el("img", { src: "/_emulator/file/" + encodeURIComponent(small.file_id), alt: v.caption || L().photoAlt, loading: "lazy" }));
    }),
  );
}

function attachmentOf(m) {
  const msg = m.message;
  if (msg.sticker) return el("div", { class: "sticker", role: "img", "aria-label": "sticker " + (msg.sticker.emoji || "") }, msg.sticker.emoji || "🖼️");
  if (m.document) return el("div", { class: "file" }, "📄", el("span", {}, m.document.file_name || L().document));
  if (msg.voice) return el("div", { class: "file" }, "🎤", el("span", {}, L().voice + " " + (msg.voice.duration || 0) + "s"));
  return null;
}

function buttonsOf(pane, m) {
  if (!m.buttons.length) return null;
  return el(
    "div",
    { class: "buttons" },
    ...m.buttons.map((row) =>
      el("div", { class: "row" }, ...row.map((b) => (b.url ? el("a", { href: b.url, target: "_blank", rel: "noopener" }, b.text) : el("button", { type: "button", onclick: () => press(pane, m, b) }, b.text)))),
    ),
  );
}

function bubble(pane, group, byId) {
  const m = group[0];
  const mine = !m.fromBot && m.message.from && m.message.from.id === page.userId;
  const div = el("div", { class: "msg " + (m.fromBot ? "bot" : mine ? "me" : "other"), "data-message-id": String(m.messageId) });
  if (!m.fromBot && !mine && !pane.chat.private) div.append(el("div", { class: "who" }, senderName(m)));
  const quoted = m.replyToMessageId && byId.get(m.replyToMessageId);
  if (quoted) div.append(el("div", { class: "quote" }, (quoted.text || quoted.caption || "…").slice(0, 80)));
  const grid = photoGrid(group);
  if (grid) div.append(grid);
  const attachment = attachmentOf(m);
  if (attachment) div.append(attachment);
  const captioned = group.find((v) => v.caption) || m;
  const text = captioned.text ?? captioned.caption ?? "";
  if (text) {
    const body = formatted(text, captioned.entities);
    body.querySelectorAll(".command").forEach((c) => c.addEventListener("click", () => sendText(pane, c.dataset.command)));
    div.append(body);
  }
  const buttons = buttonsOf(pane, m);
  if (buttons) div.append(buttons);
  const meta = el("div", { class: "meta" });
  if (!pane.chat.private) meta.append(el("a", { role: "button", tabindex: "0", onclick: () => setReply(pane, m) }, L().reply));
  meta.append((m.editCount > 0 ? L().edited + " · " : "") + time(m.date));
  div.append(meta);
  return div;
}

/** Consecutive messages of one album are shown as one bubble. */
function grouped(messages) {
  const out = [];
  for (const m of messages) {
    const last = out.at(-1);
    if (last && m.mediaGroupId && last[0].mediaGroupId === m.mediaGroupId) last.push(m);
    else out.push([m]);
  }
  return out;
}

function renderKeyboard(pane, visible) {
  const last = [...visible].reverse().find((m) => m.fromBot);
  const keyboard = last && last.replyKeyboard && Array.isArray(last.replyKeyboard.keyboard) ? last.replyKeyboard.keyboard : null;
  pane.keyboard.hidden = !keyboard;
  if (keyboard) pane.keyboard.replaceChildren(...keyboard.flat().map((b) => el("button", { type: "button", onclick: () => sendText(pane, typeof b === "string" ? b : b.text) }, typeof b === "string" ? b : b.text)));
  // A bot that asks for an answer by reply (ForceReply) gets the next message as that reply.
  if (last && last.replyKeyboard && last.replyKeyboard.force_reply && pane.replyTo === null && !pane.chat.private) setReply(pane, last);
}

async function refreshPane(pane) {
  if (pane.chat.zalo) return refreshZaloPane(pane);
  const messages = await control("messages?chatId=" + pane.chat.id);
  const visible = messages.filter((m) => !m.deleted);
  const key = JSON.stringify(visible.map((m) => [m.messageId, m.editCount, m.buttons.length]));
  if (key === pane.key) return;
  const added = pane.key ? Math.max(0, visible.length - pane.count) : 0;
  pane.key = key;
  pane.count = visible.length;
  const atBottom = pane.log.scrollHeight - pane.log.scrollTop - pane.log.clientHeight < 60;
  const byId = new Map(visible.map((m) => [m.messageId, m]));
  if (visible.length === 0) {
    const empty = el("div", { class: "empty" }, el("p", {}, pane.chat.private ? L().emptyPrivate : L().emptyGroup));
    if (pane.chat.private) empty.append(el("button", { type: "button", onclick: () => sendText(pane, "/start") }, L().start));
    pane.log.replaceChildren(empty);
  } else {
    pane.log.replaceChildren(...grouped(visible).map((group) => bubble(pane, group, byId)));
  }
  renderKeyboard(pane, visible);
  if (atBottom || added > 0) pane.log.scrollTop = pane.log.scrollHeight;
  const index = page.panes.indexOf(pane);
  if (added > 0 && index !== page.active) {
    pane.unread = (pane.unread || 0) + added;
    renderTabs();
  }
}

// === Zalo: the resident's chat as Zalo shows it (plain text, numbered menus, photos, never an edit)

async function zaloSend(pane, body) {
  try {
    await playground("zalo/" + pane.chat.zalo + "/send", { userId: pane.chat.id, ...body });
  } catch (err) {
    toast(L().error + err.message);
  }
  refreshPane(pane);
}

function timeMs(ms) {
  return time(ms / 1000);
}

function zaloBubble(pane, m) {
  const div = el("div", { class: "msg " + (m.fromBot ? "bot" : "me"), "data-message-id": m.id });
  if (m.photo) {
    const src = "/_playground/zalo/" + pane.chat.zalo + "/file/" + encodeURIComponent(m.photo);
    div.append(el("div", { class: "photos single" }, el("a", { href: src, target: "_blank" }, el("img", { src, alt: L().photoAlt, loading: "lazy" }))));
  }
  if (m.other) div.append(el("div", { class: "file" }, m.other === "voice" ? "🎤" : "🖼️", el("span", {}, m.other === "voice" ? L().voice : L().sticker)));
  if (m.text) div.append(el("div", { class: "body" }, m.text));
  // The OA's quick replies (when the agency turns them on): a press sends the payload as a text.
  if (m.buttons.length) div.append(el("div", { class: "buttons quick" }, ...m.buttons.map((b) => el("button", { type: "button", onclick: () => zaloSend(pane, { text: b.payload }) }, b.title))));
  div.append(el("div", { class: "meta" }, timeMs(m.at)));
  return div;
}

async function refreshZaloPane(pane) {
  const messages = await playground("zalo/" + pane.chat.zalo + "/messages?chat=" + encodeURIComponent(pane.chat.id));
  if (!messages) return;
  // Zalo never edits: the ids alone say whether anything changed.
  const key = "zalo:" + messages.map((m) => m.id).join(",");
  if (key === pane.key) return;
  const added = pane.key ? Math.max(0, messages.length - pane.count) : 0;
  pane.key = key;
  pane.count = messages.length;
  if (messages.length === 0) {
    const empty = pane.chat.private
      ? el("div", { class: "empty" }, el("p", {}, L().zaloEmpty), el("button", { type: "button", onclick: () => sendText(pane, "/start") }, L().start))
      : el("div", { class: "empty" }, el("p", {}, L().emptyGroup));
    pane.log.replaceChildren(empty);
  } else {
    pane.log.replaceChildren(...messages.map((m) => zaloBubble(pane, m)));
  }
  pane.log.scrollTop = pane.log.scrollHeight;
  if (added > 0 && page.panes.indexOf(pane) !== page.active) {
    pane.unread = (pane.unread || 0) + added;
    renderTabs();
  }
}

/** The resident's chats on the chosen channel: Telegram's, or the one private chat on a Zalo channel. */
function residentZaloChannel() {
  if (page.role !== "resident" || page.channel === "telegram" || !page.cast.zalo || !page.cast.zalo[page.channel]) return null;
  return page.channel;
}

function renderChannels() {
  const nav = document.getElementById("channels");
  const zalo = page.cast && page.cast.zalo ? Object.keys(page.cast.zalo) : [];
  nav.hidden = !page.cast || page.role !== "resident" || zalo.length === 0;
  nav.setAttribute("aria-label", L().channelTitle);
  if (nav.hidden) return;
  const current = residentZaloChannel() || "telegram";
  nav.replaceChildren(
    el("span", { class: "label" }, L().channel + ":"),
    ...["telegram", ...zalo].map((channel) =>
      el("button", { type: "button", "aria-pressed": String(channel === current), title: channel === "telegram" ? "" : L().zaloResident[channel] + " · " + page.cast.zalo[channel].name, onclick: () => switchChannel(channel) }, L().channels[channel]),
    ),
  );
}

function switchChannel(channel) {
  page.channel = channel;
  localStorage.setItem("gs-channel", channel);
  become(page.role);
}

// === The playground's header: roles, clock, reset, language

function renderHeader() {
  document.documentElement.lang = page.lang;
  document.getElementById("subtitle").textContent = "· " + L().subtitle;
  document.getElementById("lang").textContent = L().lang;
  const reset = document.getElementById("reset");
  reset.textContent = L().reset;
  reset.title = L().resetConfirm;
  reset.hidden = !page.cast;
  const roles = document.getElementById("roles");
  roles.hidden = !page.cast;
  roles.setAttribute("aria-label", L().roles);
  if (page.cast) {
    roles.replaceChildren(...Object.keys(page.cast.people).map((role) => el("button", { type: "button", "aria-pressed": String(role === page.role), onclick: () => become(role) }, L().role[role])));
    renderChannels();
    document.getElementById("clock").hidden = false;
    if (page.clock) showClock(page.clock);
    document.getElementById("clock-buttons").replaceChildren(...["hour", "day", "week", "digest"].map((step) => el("button", { type: "button", "data-step": step, title: L().clockTitle[step], onclick: () => moveClock(step) }, L().clock[step])));
  }
}

function showClock(clock) {
  page.clock = clock;
  document.getElementById("now").textContent = L().clockAt + " " + clock.atText;
}

async function moveClock(step) {
  try {
    const move = await playground("clock", { step, locale: page.lang });
    showClock(move);
    const log = document.getElementById("clock-log");
    log.prepend(el("li", { class: "when" }, move.atText), ...(move.lines.length ? move.lines : [L().nothing]).map((line) => el("li", {}, line)));
    page.panes.forEach(refreshPane);
  } catch (err) {
    toast(L().error + err.message);
  }
}

function become(role) {
  if (!page.cast.people[role]) role = "resident";
  page.role = role;
  localStorage.setItem("gs-role", role);
  page.userId = page.cast.people[role].userId;
  page.active = 0;
  renderHeader();
  buildPanes();
  page.panes.forEach(refreshPane);
}

async function loadCast() {
  page.cast = await playground("cast").catch(() => null);
  if (page.cast) {
    page.chats = () => {
      const zalo = residentZaloChannel();
      if (zalo) return [{ id: page.cast.zalo[zalo].userId, private: true, zalo }, ...page.cast.zalo[zalo].groups.map((g) => ({ id: g.id, title: g.title, zalo }))];
      return [{ id: page.userId, private: true }, ...page.cast.people[page.role].chats.map((key) => ({ id: page.cast.chats[key].chatId, title: page.cast.chats[key].title }))];
    };
    showClock(page.cast.clock);
    become(page.cast.people[page.role] ? page.role : "resident");
  } else {
    const params = new URLSearchParams(location.search);
    page.userId = Number(params.get("user"));
    const listed = (params.get("chats") || String(page.userId)).split(",").map((c) => {
      const [id, ...name] = c.split(":");
      return { id: Number(id), title: name.join(":") || id, private: Number(id) === page.userId };
    });
    page.chats = () => listed;
    renderHeader();
    buildPanes();
  }
}

document.getElementById("lang").addEventListener("click", () => {
  page.lang = page.lang === "vi" ? "en" : "vi";
  localStorage.setItem("gs-lang", page.lang);
  renderHeader();
  buildPanes();
  page.panes.forEach(refreshPane);
});

document.getElementById("reset").addEventListener("click", async () => {
  if (!confirm(L().resetConfirm)) return;
  try {
    await playground("reset", {});
    document.getElementById("clock-log").replaceChildren();
    await loadCast();
    toast(L().resetDone);
  } catch (err) {
    toast(L().error + err.message);
  }
});

loadCast().then(() => {
  setInterval(() => page.panes.forEach((p) => refreshPane(p).catch(() => {})), 800);
});
