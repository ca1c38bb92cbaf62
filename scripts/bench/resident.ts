// One resident nominating someone, the way a person sees the chat: it reads the bot's newest
// message (key words of its text, its buttons) and answers, without knowing the bot's
// internals. Each answer is one update; its latency runs from the update's creation to the
// moment the emulator holds the reply the resident waits for (the next question, a ticked box).
import type { Emulator } from "../../emulator/index";
import type { ChatWatch, Shown } from "./chat-watch";

/** What one resident's run produced. */
export interface ResidentRun {
  /** Updates the resident sent. */
  updates: number;
  /** Reply latency of each update, in ms. */
  latenciesMs: number[];
}

const story =
  "Bà Lê Thị Hoa, tổ trưởng tổ dân phố, mười năm nay tự nguyện dọn vệ sinh đường làng, vận động bà con trồng cây xanh và giúp đỡ các gia đình khó khăn trong khu phố.";

type Expect = (shown: Shown) => boolean;
const says = (pattern: RegExp): Expect => (shown) => pattern.test(shown.text);
const offers = (pattern: RegExp): Expect => (shown) => shown.buttons.some((b) => pattern.test(b));
const both = (...tests: Expect[]): Expect => (shown) => tests.every((t) => t(shown));
const done = /^(Xong|Done)$/;
const skip = /^(Bỏ qua|Skip)$/;
const unitAsked = both(says(/đơn vị|unit/i), (s) => s.buttons.length > 0);
const fieldAsked = both(says(/lĩnh vực nào|which field/i), (s) => s.buttons.length > 0);

/**
 * Plays one whole nomination for `userId`: /start decu, kind, name, unit (pressing the first
 * unit offered, and "choose this unit" once a level opens), field, movement skipped, story,
 * criteria, photos skipped, phone, consent, submit.
 */
export async function playNomination(emulator: Emulator, watch: ChatWatch, userId: number, name: string, timeoutMs: number): Promise<ResidentRun> {
  const driver = emulator.driver;
  const latenciesMs: number[] = [];

  /** Sends one update and waits until a newer message, or a new edit, shows what `expect` wants. */
  const step = async (send: (current: Shown | undefined) => void, expect: Expect, what: string): Promise<Shown> => {
    const current = watch.latest(userId);
    const fresh: Expect = (s) => current === undefined || s.messageId > current.messageId || (s.messageId === current.messageId && s.editCount > current.editCount);
    const sentAt = performance.now();
    send(current);
    const { shown, at } = await watch.shows(userId, (s) => fresh(s) && expect(s), timeoutMs, what);
    latenciesMs.push(at - sentAt);
    return shown;
  };
  const press = (pick: (labels: string[]) => string | undefined) => (current: Shown | undefined) => {
    const label = current ? pick(current.buttons) : undefined;
    if (!current || label === undefined) throw new Error(`No button to press; the bot shows ${JSON.stringify(current?.text)} with ${JSON.stringify(current?.buttons)}`);
    driver.pressButton(userId, { text: label, messageId: current.messageId });
  };
  const first = press((labels) => labels[0]);
  const matching = (pattern: RegExp) => press((labels) => labels.find((l) => pattern.test(l)));
  const say = (text: string) => () => void driver.sendText(userId, text);

  await step(() => void driver.sendCommand(userId, "start", { payload: "decu" }), (s) => s.buttons.length >= 2, "the kind of nominee");
  await step(first, says(/Họ tên|full name/i), "the name question");
  let shown = await step(say(name), unitAsked, "the unit question");
  // The unit browser: the first unit offered; a level with children opens in place, and then
  // "choose this unit" (✅) is offered. A possible-duplicate warning is answered "continue".
  for (let attempt = 0; !fieldAsked(shown); attempt += 1) {
    if (attempt > 8) throw new Error(`No unit could be chosen; the bot shows ${JSON.stringify(shown.text)}`);
    const pick = press((labels) => labels.find((l) => /^✅|Vẫn tiếp tục|Continue anyway/i.test(l)) ?? labels[0]);
    shown = await step(pick, (s) => s.buttons.length > 0 && (fieldAsked(s) || unitAsked(s) || offers(/Vẫn tiếp tục|Continue anyway/i)(s)), "the unit browser to move");
  }
  await step(first, offers(skip), "the movement question");
  await step(matching(skip), says(/Hãy kể|Tell us/i), "the story question");
  await step(say(story), offers(done), "the story's acknowledgement");
  await step(matching(done), both(says(/tiêu chuẩn|criteria/i), (s) => s.buttons.length > 1), "the criteria question");
  await step(first, offers(/^✅/), "a criterion ticked");
  await step(matching(done), offers(skip), "the photo question");
  await step(matching(skip), says(/điện thoại|phone/i), "the phone question");
  await step(say("0912 345 678"), both(says(/đồng ý|consent/i), (s) => s.buttons.length > 0), "the consent question");
  await step(first, offers(/Gửi hồ sơ|Submit/i), "the preview's submit button");
  await step(matching(/Gửi hồ sơ|Submit/i), says(/GS-\d{4}-\d+/), "the receipt");
  return { updates: latenciesMs.length, latenciesMs };
}

/** One resident saying `count` lines to an echo bot, each after the previous reply. */
export async function playEcho(watch: ChatWatch, emulator: Emulator, userId: number, count: number, timeoutMs: number): Promise<ResidentRun> {
  const latenciesMs: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const before = watch.count(userId);
    const sentAt = performance.now();
    emulator.driver.sendText(userId, `${story.slice(0, 40)} ${i}`);
    latenciesMs.push((await watch.nextReply(userId, before, timeoutMs)) - sentAt);
  }
  return { updates: count, latenciesMs };
}
