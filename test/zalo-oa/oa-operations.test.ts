// What an agency's admins see when the OA goes wrong, end to end over real HTTP against the OA
// and Telegram emulators: a configuration error (-209, the app not activated) pauses OA sending
// after one refusal and alerts the admins once, in Vietnamese, with what to do; a forged
// webhook writes exactly one warning line to the log (read from pino's own output), naming
// neither the body nor a secret; an answer to a person's message quotes it
// (quote_message_id), and still goes out when Zalo refuses the quote.
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { enqueue } from "../../core/outbox/enqueue";
import { startEmulator, type Emulator } from "../../emulator/index";
import type { OaEmulator } from "../../emulator/zalo-oa/index";
import { eventually } from "../scenarios/scenario";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { startApp, type AppUnderTest } from "../support/zalo-app";
import { connectWebhook, startOaWorld } from "../support/zalo-oa-app";

let temp: TempDatabase;
let oa: OaEmulator;
let telegram: Emulator | undefined;
let bot: AppUnderTest | undefined;

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await telegram?.close();
  telegram = undefined;
  await oa.close();
  await temp.cleanup();
});

/** Every line the bot logs, parsed, as pino writes them. */
function capturedLog(): { log: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: "info" }, sink), lines };
}

describe("a configuration error", () => {
  it("-209 stops OA sending after one refusal and alerts the admins once, in Vietnamese", async () => {
    temp = await createTempDatabase();
    const world = await startOaWorld();
    oa = world.oa;
    telegram = await startEmulator();
    bot = await startApp(temp.target, temp.dir, { zaloOa: world.settings, telegram: { token: telegram.token, apiRoot: telegram.apiRoot } });
    connectWebhook(oa, bot);
    const admin = telegram.driver.createUser({ firstName: "Quản trị" }).id;
    telegram.driver.sendCommand(admin, "start");
    await telegram.driver.waitForBotMessage(admin, { timeout: 10_000 });
    const adminPerson = await temp.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "TELEGRAM", externalId: String(admin) } } });
    await temp.db.roleAssignment.create({ data: { personId: adminPerson.personId, role: "ADMIN" } });
    const lan = oa.driver.createUser("Lan").userId;
    await oa.driver.sendText(lan, "/start");
    await oa.driver.waitForMessage(lan);

    oa.state.faults.push({ code: -209, message: "Ứng dụng chưa được kích hoạt", endpoint: "cs", times: 5 });
    for (const n of [1, 2, 3]) {
      await enqueue(temp.db, { idempotencyKey: `test:notice:${n}`, chat: { channel: "ZALO_OA", externalId: lan, kind: "PRIVATE" }, kind: "notice", payload: { type: "text", html: `Thông báo ${n}` } });
    }
    bot.app.worker.wake();
    const alert = await telegram.driver.waitForBotMessage(admin, { timeout: 10_000, predicate: (m) => (m.text ?? "").includes("Zalo OA") });
    expect(alert.text).toContain("Kênh Zalo OA đã tạm dừng gửi tin.");
    expect(alert.text).toContain("mã -209");
    expect(alert.text).toContain("developers.zalo.me");
    // More sends wait with the channel: Zalo is not asked again, the admins are not told twice.
    await enqueue(temp.db, { idempotencyKey: "test:notice:4", chat: { channel: "ZALO_OA", externalId: lan, kind: "PRIVATE" }, kind: "notice", payload: { type: "text", html: "Thông báo 4" } });
    bot.app.worker.wake();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(oa.state.faults[0]?.times).toBe(4);
    expect(telegram.driver.botMessages(admin).filter((m) => (m.text ?? "").includes("Zalo OA"))).toHaveLength(1);
    const rows = await temp.db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: "test:notice:" } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["PENDING", "PENDING", "PENDING", "PENDING"]);
    expect(oa.state.sentTo(lan).filter((m) => m.text.startsWith("Thông báo"))).toEqual([]);
  });
});

describe("a forged webhook", () => {
  it("writes exactly one warning line, without the body or a secret", async () => {
    temp = await createTempDatabase();
    const world = await startOaWorld();
    oa = world.oa;
    const { log, lines } = capturedLog();
    bot = await startApp(temp.target, temp.dir, { zaloOa: world.settings, log });
    connectWebhook(oa, bot);
    const lan = oa.driver.createUser("Lan").userId;
    const body = JSON.stringify({ app_id: oa.state.options.appId, event_name: "user_send_text", timestamp: String(Date.now()), sender: { id: lan }, recipient: { id: oa.state.options.oaId }, message: { msg_id: "a1b2c3d4e5f60718293a", text: "Số nhà 12 Hàng Bạc" } });
    const before = lines.length;
    expect((await oa.driver.deliverRaw(body, { signature: `mac=${"f".repeat(64)}` })).status).toBe(401);
    await eventually(async () => expect(lines.length).toBeGreaterThan(before));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const written = lines.slice(before);
    const warnings = written.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toBe("zalo oa webhook refused: bad or missing signature");
    expect(written.filter((l) => (l.level as number) >= 40)).toHaveLength(1);
    const text = JSON.stringify(written);
    for (const secret of ["Hàng Bạc", lan, world.settings.secretKey, world.settings.appSecret, "f".repeat(64)]) expect(text).not.toContain(secret);
    expect(await temp.db.zaloOaInboxEvent.count()).toBe(0);
  });
});

describe("answers tied to the message they answer", () => {
  it("quotes the person's message, and sends without the quote when Zalo refuses it (-201)", async () => {
    temp = await createTempDatabase();
    const world = await startOaWorld();
    oa = world.oa;
    bot = await startApp(temp.target, temp.dir, { zaloOa: world.settings });
    connectWebhook(oa, bot);
    const lan = oa.driver.createUser("Lan").userId;
    await oa.driver.sendText(lan, "/start");
    await oa.driver.waitForMessage(lan);
    // A review button's payload typed by a resident: refused with an answer to that message.
    const forged = await oa.driver.sendText(lan, "gs:rv:zz");
    const answer = await oa.driver.waitForMessage(lan);
    expect(answer.text).toBe("Nút bấm không hợp lệ.");
    expect(forged.msgId).toMatch(/^[0-9a-f]{20}$/);
    expect(answer.quoteMessageId).toBe(forged.msgId);
    oa.state.faults.push({ code: -201, message: "quote_message_id không hợp lệ", endpoint: "cs", to: lan, times: 1 });
    await oa.driver.sendText(lan, "gs:rv:zz");
    const unquoted = await oa.driver.waitForMessage(lan);
    expect(unquoted.text).toBe("Nút bấm không hợp lệ.");
    expect(unquoted.quoteMessageId).toBeUndefined();
    expect(oa.state.faults).toEqual([]);
  });
});
