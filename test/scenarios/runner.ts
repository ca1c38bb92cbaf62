// Plays a scenario on Telegram (the emulator over HTTP), on Zalo (the fake zca-js account),
// on the Zalo OA (the OA emulator over HTTP, signed webhooks), or on several at once, against the real composition root and a real SQLite file. Channel
// differences live here and only here: how a choice is made, how a reply is read.
import { pino } from "pino";
import { expect } from "vitest";
import type { ChannelName } from "../../core/channel/port";
import { runTick } from "../../core/calendar/ticker";
import { createBroadcast, planBroadcast } from "../../core/digest/plan";
import { Translations } from "../../core/i18n";
import { grantRole } from "../../core/review/officers";
import { startEmulator, type Emulator, type MessageView } from "../../emulator/index";
import { jpegBytes } from "../emulator/helpers";
import { createTempDatabase, type TempDatabase } from "../support/temp-database";
import { numberedChoices, startApp, ZaloInbox, type AppUnderTest } from "../support/zalo-app";
import { FakeZalo, otherMessage, photoMessage, startPhotoHost, textMessage, type PhotoHost, type SentZaloMessage } from "../zalo/fake-zalo";
import { connectWebhook, startOaWorld } from "../support/zalo-oa-app";
import type { ZaloOaSettings } from "../../bot/zalo-oa/channel";
import type { OaEmulator, SentOaMessage } from "../../emulator/zalo-oa/index";
import type { ZaloBotSettings } from "../../bot/zalo-bot/channel";
import type { SentBotMessage, ZaloBotEmulator } from "../../emulator/zalo-bot/index";
import { startTestPublicWeb, startZaloBotWorld } from "../support/zalo-bot-app";
import type { PublicWebServer } from "../../app/public-web";
import { checkReply, eventually, fill, type Reply, type Scenario, type ScenarioContext, type ScenarioInput, type Step } from "./scenario";

/** Where a scenario runs: one channel for everyone, or each actor and group on its own. */
export type RunMode = ChannelName | { mixed: Record<string, ChannelName> };

const i18n = new Translations("vi");
const silent = pino({ level: "silent" });

/** A scenario's world on the channels: people, groups, the bot process. */
export class ScenarioRunner {
  private temp!: TempDatabase;
  private emulator: Emulator | undefined;
  private zalo: FakeZalo | undefined;
  private photos: PhotoHost | undefined;
  private inbox: ZaloInbox | undefined;
  private bot!: AppUnderTest;
  private readonly telegramIds = new Map<string, number>();
  private readonly zaloIds = new Map<string, string>();
  private oa: OaEmulator | undefined;
  private oaSettings: ZaloOaSettings | undefined;
  private readonly oaIds = new Map<string, string>();
  private zbot: ZaloBotEmulator | undefined;
  private zbotSettings: ZaloBotSettings | undefined;
  private readonly zbotIds = new Map<string, string>();
  private web: PublicWebServer | undefined;
  readonly vars: Record<string, string> = {};
  private photoCount = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly mode: RunMode,
  ) {}

  /** The channel of an actor or a group. */
  channelOf(name: string): ChannelName {
    if (typeof this.mode === "string") return this.mode;
    const channel = this.mode.mixed[name];
    if (!channel) throw new Error(`No channel given for ${name}`);
    return channel;
  }

  private get channels(): Set<ChannelName> {
    return new Set([...Object.keys(this.scenario.actors), ...Object.keys(this.scenario.groups ?? {})].map((n) => this.channelOf(n)));
  }

  // === Life cycle

  async start(): Promise<void> {
    this.temp = await createTempDatabase();
    if (this.channels.has("TELEGRAM")) this.emulator = await startEmulator();
    if (this.channels.has("ZALO")) {
      this.zalo = new FakeZalo();
      this.photos = await startPhotoHost();
      this.inbox = new ZaloInbox(this.zalo);
    }
    if (this.channels.has("ZALO_OA")) {
      const world = await startOaWorld();
      this.oa = world.oa;
      this.oaSettings = world.settings;
    }
    if (this.channels.has("ZALO_BOT")) {
      const world = await startZaloBotWorld();
      this.zbot = world.zbot;
      this.zbotSettings = world.settings;
    }
    for (const [key, actor] of Object.entries(this.scenario.actors)) {
      const channel = this.channelOf(key);
      if (channel === "TELEGRAM") this.telegramIds.set(key, this.emulator!.driver.createUser({ firstName: actor.name }).id);
      else if (channel === "ZALO_OA") this.oaIds.set(key, this.oa!.driver.createUser(actor.name).userId);
      else if (channel === "ZALO_BOT") this.zbotIds.set(key, this.zbot!.driver.createUser(actor.name).id);
      else this.zaloIds.set(key, `zu-${key}`);
    }
    for (const [key, group] of Object.entries(this.scenario.groups ?? {})) {
      if (this.channelOf(key) === "ZALO_OA") {
        this.oaIds.set(key, this.oa!.driver.createGroup(group.title, group.members.map((m) => this.oaIds.get(m)!)).groupId);
      } else if (this.channelOf(key) === "ZALO_BOT") {
        this.zbotIds.set(key, this.zbot!.driver.createGroup(group.title, group.members.map((m) => this.zbotIds.get(m)!)).id);
      } else if (this.channelOf(key) === "TELEGRAM") {
        const members = group.members.map((m) => this.telegramIds.get(m)!);
        this.telegramIds.set(key, this.emulator!.driver.createChat({ type: "supergroup", title: group.title, creator: members[0]!, members: members.slice(1) }).id);
      } else {
        this.zaloIds.set(key, `zg-${key}`);
        const members = group.members.map((m) => this.zaloIds.get(m)!);
        this.zalo!.groups.set(`zg-${key}`, { name: group.title, creatorId: members[0]!, memberIds: [...members, this.zalo!.ownId] });
      }
    }
    await this.prepare();
    this.bot = await this.launch();
  }

  private async launch(): Promise<AppUnderTest> {
    // Each process mounts its routes afresh on a public web server of its own.
    await this.web?.close();
    const publicWeb = this.zbotSettings ? await startTestPublicWeb() : undefined;
    this.web = publicWeb?.web;
    const bot = await startApp(this.temp.target, this.temp.dir, {
      ...(this.emulator ? { telegram: { token: this.emulator.token, apiRoot: this.emulator.apiRoot } } : {}),
      ...(this.zalo ? { zalo: { api: this.zalo } } : {}),
      ...(this.oaSettings ? { zaloOa: this.oaSettings } : {}),
      ...(this.zbotSettings && publicWeb ? { zaloBot: { ...this.zbotSettings, publicBaseUrl: publicWeb.url }, publicWeb: publicWeb.web } : {}),
      calendar: { cron: null, quietHours: null, allowTimeTravel: true },
    });
    if (this.oa) connectWebhook(this.oa, bot);
    return bot;
  }

  /** People with roles, review groups and subscriptions, written as an admin would set them up. */
  private async prepare(): Promise<void> {
    const db = this.temp.db;
    for (const [key, actor] of Object.entries(this.scenario.actors)) {
      if (!actor.role) continue;
      const channel = this.channelOf(key);
      const person = await db.person.create({ data: { displayName: actor.name, identities: { create: { channel, externalId: this.externalId(key) } } } });
      const unit = actor.role.unit ? await db.unit.findUniqueOrThrow({ where: { code: actor.role.unit } }) : null;
      await grantRole(db, { personId: person.id, role: actor.role.role, unitId: unit?.id ?? null, grantedById: null });
    }
    for (const [key, group] of Object.entries(this.scenario.groups ?? {})) {
      const channel = this.channelOf(key);
      const chat = await db.chat.create({ data: { channel, externalId: this.externalId(key), kind: channel === "TELEGRAM" ? "SUPERGROUP" : "GROUP", title: group.title } });
      if (group.reviewFor) {
        const unit = group.reviewFor === "council" ? null : await db.unit.findUniqueOrThrow({ where: { code: group.reviewFor } });
        await db.reviewGroup.create({ data: { chatId: chat.id, unitId: unit?.id ?? null } });
      }
      if (group.subscribed) await db.subscription.create({ data: { chatId: chat.id } });
    }
  }

  async stop(): Promise<void> {
    await this.bot.stop();
    await this.emulator?.close();
    await this.oa?.close();
    await this.zbot?.close();
    await this.web?.close();
    await this.photos?.close();
    await this.temp.cleanup();
  }

  /** The channel's id of an actor or a group. */
  externalId(name: string): string {
    const channel = this.channelOf(name);
    if (channel === "ZALO_OA") return this.oaIds.get(name)!;
    if (channel === "ZALO_BOT") return this.zbotIds.get(name)!;
    return channel === "TELEGRAM" ? String(this.telegramIds.get(name)) : this.zaloIds.get(name)!;
  }

  context(): ScenarioContext {
    return {
      db: this.bot.db,
      channel: typeof this.mode === "string" ? this.mode : "TELEGRAM",
      vars: this.vars,
      channelOf: (name) => this.channelOf(name),
      personOf: async (actor) =>
        (await this.bot.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: this.channelOf(actor), externalId: this.externalId(actor) } } })).personId,
    };
  }

  // === Playing

  /** Plays every step in order. */
  async play(): Promise<void> {
    for (const [index, step] of this.scenario.steps.entries()) await this.run(step, `${this.scenario.name} #${index + 1}`);
  }

  private async run(step: Step, label: string): Promise<void> {
    if ("restart" in step) {
      await this.bot.stop();
      this.bot = await this.launch();
      return;
    }
    if ("tick" in step) {
      await runTick(this.bot.app.jobs, new Date(step.tick), silent);
      this.bot.app.worker.wake();
      return;
    }
    if ("broadcast" in step) {
      const broadcast = await createBroadcast(this.bot.db, { kind: "MANUAL", scheduledFor: new Date() });
      await planBroadcast(this.bot.db, broadcast.id, { i18n, locale: "vi", nominateLink: null });
      this.bot.app.worker.wake();
      return;
    }
    if ("check" in step) {
      await eventually(() => step.check(this.context()));
      return;
    }
    if ("countIn" in step) {
      await eventually(async () => {
        expect(await this.bot.db.outboxMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } }), `${label}: the outbox settles`).toBe(0);
      });
      expect(this.sentIn(step.countIn).filter((body) => body.includes(fill(step.match, this.vars))), label).toHaveLength(step.count);
      return;
    }
    if ("awaitIn" in step) {
      const match = fill(step.match, this.vars);
      const reply = step.edited && this.channelOf(step.awaitIn) === "TELEGRAM" ? await this.telegramEdited(Number(this.externalId(step.awaitIn)), match) : await this.awaitIn(step.awaitIn, match);
      if (step.expect) checkReply(reply, step.expect, { channel: this.channelOf(step.awaitIn), vars: this.vars, label });
      return;
    }
    const reply = await this.act(step.actor, step.in, step.input);
    if (step.expect) {
      expect(reply, `${label}: a reply`).not.toBeNull();
      checkReply(reply!, step.expect, { channel: this.channelOf(step.actor), vars: this.vars, label });
    }
  }

  private act(actor: string, where: string | undefined, input: ScenarioInput): Promise<Reply | null> {
    const channel = this.channelOf(actor);
    if (channel === "ZALO_OA") return this.actOnOa(actor, where, input);
    if (channel === "ZALO_BOT") return this.actOnZaloBot(actor, where, input);
    return channel === "TELEGRAM" ? this.actOnTelegram(actor, where, input) : this.actOnZalo(actor, where, input);
  }

  private awaitIn(chat: string, match: string): Promise<Reply> {
    const channel = this.channelOf(chat);
    if (channel === "ZALO_OA") return this.oaReply(this.externalId(chat), match);
    if (channel === "ZALO_BOT") return this.zbotReply(this.externalId(chat), match);
    return channel === "TELEGRAM" ? this.telegramReply(Number(this.externalId(chat)), match) : this.zaloReply(this.externalId(chat), match);
  }

  /** The texts (and captions) of every message the bot sent to a chat so far, as they read now. */
  private sentIn(chat: string): string[] {
    if (this.channelOf(chat) === "TELEGRAM") return this.emulator!.driver.botMessages(Number(this.externalId(chat))).map((m) => m.text ?? m.caption ?? "");
    if (this.channelOf(chat) === "ZALO_OA") return this.oa!.state.sentTo(this.externalId(chat)).map((m) => m.text);
    if (this.channelOf(chat) === "ZALO_BOT") return this.zbot!.state.sentTo(this.externalId(chat)).map((m) => m.text);
    return this.zalo!.sentTo(this.externalId(chat)).map((m) => m.text);
  }

  // === Telegram

  /** A Telegram message, new or edited, whose text contains `match`. */
  private async telegramEdited(chatId: number, match: string): Promise<Reply> {
    const driver = this.emulator!.driver;
    const message = await driver.waitUntil(
      () => driver.botMessages(chatId).find((m) => (m.text ?? "").includes(match)),
      5000,
      () => `No message in ${chatId} reads ${match}; last: ${JSON.stringify(driver.botMessages(chatId).at(-1)?.text ?? "")}`,
    );
    return telegramView(message, 0);
  }

  private async actOnTelegram(actor: string, where: string | undefined, input: ScenarioInput): Promise<Reply | null> {
    const driver = this.emulator!.driver;
    const userId = this.telegramIds.get(actor)!;
    const chatId = where ? this.telegramIds.get(where)! : userId;
    const options = where ? { chatId } : {};
    switch (input.kind) {
      case "text":
        driver.sendText(userId, fill(input.text, this.vars), options);
        break;
      case "command":
        driver.sendCommand(userId, input.name, { ...options, ...(input.args ? { payload: fill(input.args, this.vars) } : {}) });
        break;
      case "choose": {
        const label = fill(input.label, this.vars);
        if (input.edits) {
          const target = [...driver.botMessages(chatId)].reverse().find((m) => m.buttons.flat().some((b) => b.text === label));
          if (!target) throw new Error(`No button ${label}`);
          driver.pressButton(userId, { chatId, text: label, messageId: target.messageId });
          const edited = await driver.waitUntil(() => {
            const now = driver.botMessages(chatId).find((m) => m.messageId === target.messageId);
            return now && now.editCount > target.editCount ? now : undefined;
          });
          return telegramView(edited, 0);
        }
        driver.pressButton(userId, { chatId, text: label });
        break;
      }
      case "old-choice": {
        const oldest = driver.botMessages(chatId).find((m) => m.buttons.flat().some((b) => b.text === input.label));
        if (!oldest) throw new Error(`No old button ${input.label}`);
        driver.pressButton(userId, { chatId, text: input.label, messageId: oldest.messageId });
        break;
      }
      case "photo":
        driver.sendPhoto(userId, jpegBytes(320, 240), options);
        break;
      case "album":
        driver.sendAlbum(userId, Array.from({ length: input.count }, (_, i) => ({ bytes: jpegBytes(640 + i, 480) })), options);
        break;
      case "sticker":
        driver.sendSticker(userId, { ...options, emoji: "👍" });
        break;
      case "voice":
        driver.sendVoice(userId, new Uint8Array([1, 2, 3]), options);
        break;
      case "decide": {
        const code = this.vars.code!;
        const card = [...driver.botMessages(chatId)].reverse().find((m) => (m.text ?? "").includes(code) && m.buttons.length > 0);
        if (!card) throw new Error(`No card of ${code} in ${where}`);
        const query = driver.pressButton(userId, { chatId, messageId: card.messageId, text: input.action === "approve" ? "✅ Duyệt" : "❌ Từ chối" });
        const answer = await driver.waitForCallbackAnswer(query);
        if (input.action === "approve") return { text: answer.text ?? "", choices: [], photos: 0 };
        await this.telegramReply(chatId);
        driver.sendText(userId, input.reason ?? "", options);
        break;
      }
    }
    return this.telegramReply(chatId);
  }

  /** The next text message to a Telegram chat (containing `match`, if given), counting photos before it. */
  private async telegramReply(chatId: number, match?: string): Promise<Reply> {
    let photos = 0;
    for (;;) {
      const message = await this.emulator!.driver.waitForBotMessage(chatId, { timeout: 10_000 });
      const body = message.text ?? message.caption ?? "";
      if (message.photo) photos++;
      if (match !== undefined ? body.includes(match) : message.text !== undefined) {
        // A caption rides on an album's first photo: the reply is the whole album.
        const album = message.mediaGroupId ? this.emulator!.driver.botMessages(chatId).filter((m) => m.mediaGroupId === message.mediaGroupId).length : 0;
        return telegramView(message, Math.max(photos, album));
      }
      if (!message.photo) photos = 0;
    }
  }

  // === Zalo

  private async actOnZalo(actor: string, where: string | undefined, input: ScenarioInput): Promise<Reply | null> {
    const zalo = this.zalo!;
    const uid = this.zaloIds.get(actor)!;
    const threadId = where ? this.zaloIds.get(where)! : uid;
    const options = { name: this.scenario.actors[actor]!.name, ...(where ? { group: threadId } : {}) };
    const type = (typed: string) => zalo.emit(textMessage(uid, typed, options));
    switch (input.kind) {
      case "text":
        type(fill(input.text, this.vars));
        break;
      case "command":
        type(`/${input.name}${input.args ? ` ${fill(input.args, this.vars)}` : ""}`);
        break;
      case "choose":
        type(String(this.menuNumber(threadId, fill(input.label, this.vars))));
        break;
      case "old-choice":
        type("99");
        break;
      case "photo":
        zalo.emit(photoMessage(uid, this.photos!.put(`p${++this.photoCount}.jpg`, jpegBytes(320, 240)), { ...options, width: 320, height: 240 }));
        break;
      case "album": {
        const albumId = `album-${++this.photoCount}`;
        for (let i = 0; i < input.count; i++) {
          zalo.emit(photoMessage(uid, this.photos!.put(`p${++this.photoCount}.jpg`, jpegBytes(640 + i, 480)), { ...options, width: 640 + i, height: 480, albumId }));
        }
        break;
      }
      case "sticker":
        zalo.emit(otherMessage(uid, "chat.sticker", options));
        break;
      case "voice":
        zalo.emit(otherMessage(uid, "chat.voice", options));
        break;
      case "decide": {
        const code = this.vars.code!;
        if (input.by === "card") {
          type(String(this.cardChoiceNumber(threadId, code, input.action === "approve" ? "✅ Duyệt" : "❌ Từ chối")));
          if (input.action === "approve") break;
          await this.zaloReply(threadId);
          type(input.reason ?? "");
          break;
        }
        if (input.action === "approve") type(`DUYỆT ${code.toLowerCase()}`);
        else type(`từ chối ${code} ${input.reason ?? ""}`);
        break;
      }
    }
    return this.zaloReply(threadId);
  }

  /** The number of `label` in the last numbered list sent to a thread. */
  private menuNumber(threadId: string, label: string): number {
    const withMenu = [...this.zalo!.sentTo(threadId)].reverse().find((m) => numberedChoices(m.text).includes(label));
    if (!withMenu) throw new Error(`No Zalo menu with ${label} in ${threadId}`);
    return numberedChoices(withMenu.text).indexOf(label) + 1;
  }

  /** The number of `label` under the newest card of `code` in a thread. */
  private cardChoiceNumber(threadId: string, code: string, label: string): number {
    const card = [...this.zalo!.sentTo(threadId)].reverse().find((m) => m.text.includes(code) && numberedChoices(m.text).includes(label));
    if (!card) throw new Error(`No Zalo card of ${code} with ${label} in ${threadId}`);
    return numberedChoices(card.text).indexOf(label) + 1;
  }

  // === Zalo OA

  private async actOnOa(actor: string, where: string | undefined, input: ScenarioInput): Promise<Reply | null> {
    const driver = this.oa!.driver;
    const uid = this.oaIds.get(actor)!;
    const chatId = where ? this.oaIds.get(where)! : uid;
    const type = async (typed: string) => {
      const delivered = where ? await driver.sendGroupText(chatId, uid, typed) : await driver.sendText(uid, typed);
      expect(delivered.status, "the webhook takes the event").toBe(200);
    };
    switch (input.kind) {
      case "text":
        await type(fill(input.text, this.vars));
        break;
      case "command":
        await type(`/${input.name}${input.args ? ` ${fill(input.args, this.vars)}` : ""}`);
        break;
      case "choose": {
        // A quick-reply button where the message has it (Zalo mobile), else its number typed (PC, web).
        const label = fill(input.label, this.vars);
        const withButton = where ? undefined : [...this.oa!.state.sentTo(chatId)].reverse().find((m) => m.buttons.some((b) => b.title === label));
        const latestMenu = [...this.oa!.state.sentTo(chatId)].reverse().find((m) => numberedChoices(m.text).length > 0);
        if (withButton && withButton === latestMenu) await driver.pressButton(uid, withButton, label);
        else await type(String(this.oaMenuNumber(chatId, label)));
        break;
      }
      case "old-choice":
        await type("99");
        break;
      case "photo":
        await driver.sendImages(uid, [jpegBytes(320, 240)]);
        break;
      case "album":
        // Zalo may bundle several images into one event: the bot must take each.
        await driver.sendImages(uid, Array.from({ length: input.count }, (_, i) => jpegBytes(640 + i, 480)));
        break;
      case "sticker":
        await driver.sendSticker(uid);
        break;
      case "voice":
        await driver.sendAudio(uid);
        break;
      case "decide": {
        const code = this.vars.code!;
        if (input.by === "card") {
          const card = [...this.oa!.state.sentTo(chatId)].reverse().find((m) => m.text.includes(code) && numberedChoices(m.text).includes(input.action === "approve" ? "✅ Duyệt" : "❌ Từ chối"));
          if (!card) throw new Error(`No OA card of ${code} in ${chatId}`);
          await type(String(numberedChoices(card.text).indexOf(input.action === "approve" ? "✅ Duyệt" : "❌ Từ chối") + 1));
          if (input.action === "approve") break;
          await this.oaReply(chatId);
          await type(input.reason ?? "");
          break;
        }
        if (input.action === "approve") await type(`DUYỆT ${code.toLowerCase()}`);
        else await type(`từ chối ${code} ${input.reason ?? ""}`);
        break;
      }
    }
    return this.oaReply(chatId);
  }

  private oaMenuNumber(chatId: string, label: string): number {
    const withMenu = [...this.oa!.state.sentTo(chatId)].reverse().find((m) => numberedChoices(m.text).includes(label));
    if (!withMenu) throw new Error(`No OA menu with ${label} in ${chatId}`);
    return numberedChoices(withMenu.text).indexOf(label) + 1;
  }

  /** The next text message to an OA chat (containing `match`, if given), counting photos before it. */
  private async oaReply(chatId: string, match?: string): Promise<Reply> {
    let photos = 0;
    for (;;) {
      const message = await this.oa!.driver.waitForMessage(chatId);
      if (message.image) photos++;
      if (match !== undefined ? message.text.includes(match) : message.text !== "") return oaView(message, photos);
      if (!message.image) photos = 0;
    }
  }

  // === Zalo Bot Platform

  private async actOnZaloBot(actor: string, where: string | undefined, input: ScenarioInput): Promise<Reply | null> {
    const driver = this.zbot!.driver;
    const uid = this.zbotIds.get(actor)!;
    const chatId = where ? this.zbotIds.get(where)! : uid;
    // In a group the bot hears only @mentions and replies: commands mention it, answers reply to its prompt.
    const type = async (typed: string, how: "mention" | "reply" = "reply") => {
      const delivered = where ? await driver.sendGroupText(chatId, uid, typed, { [how]: true }) : await driver.sendText(uid, typed);
      expect(delivered.delivered, "Zalo passes the message to the bot").toBe(true);
    };
    switch (input.kind) {
      case "text":
        await type(fill(input.text, this.vars));
        break;
      case "command":
        await type(`/${input.name}${input.args ? ` ${fill(input.args, this.vars)}` : ""}`, "mention");
        break;
      case "choose":
        await type(String(this.zbotMenuNumber(chatId, fill(input.label, this.vars))));
        break;
      case "old-choice":
        await type("99");
        break;
      case "photo":
        await driver.sendPhoto(uid, jpegBytes(320, 240));
        break;
      case "album":
        // One photo per update on the Bot Platform: each is answered before the next is sent.
        for (let i = 0; i < input.count - 1; i++) {
          await driver.sendPhoto(uid, jpegBytes(640 + i, 480));
          await this.zbotReply(chatId);
        }
        await driver.sendPhoto(uid, jpegBytes(640 + input.count - 1, 480));
        break;
      case "sticker":
        await driver.sendSticker(uid);
        break;
      case "voice":
        await driver.sendVoice(uid);
        break;
      case "decide":
        await this.zbotDecide(chatId, type, input);
        break;
    }
    return this.zbotReply(chatId);
  }

  private async zbotDecide(chatId: string, type: (typed: string) => Promise<void>, input: Extract<ScenarioInput, { kind: "decide" }>): Promise<void> {
    const code = this.vars.code!;
    if (input.by !== "card") return type(input.action === "approve" ? `DUYỆT ${code.toLowerCase()}` : `từ chối ${code} ${input.reason ?? ""}`);
    const label = input.action === "approve" ? "✅ Duyệt" : "❌ Từ chối";
    const card = [...this.zbot!.state.sentTo(chatId)].reverse().find((m) => m.text.includes(code) && numberedChoices(m.text).includes(label));
    if (!card) throw new Error(`No Zalo bot card of ${code} in ${chatId}`);
    await type(String(numberedChoices(card.text).indexOf(label) + 1));
    if (input.action === "approve") return;
    await this.zbotReply(chatId);
    await type(input.reason ?? "");
  }

  private zbotMenuNumber(chatId: string, label: string): number {
    const withMenu = [...this.zbot!.state.sentTo(chatId)].reverse().find((m) => numberedChoices(m.text).includes(label));
    if (!withMenu) throw new Error(`No Zalo bot menu with ${label} in ${chatId}`);
    return numberedChoices(withMenu.text).indexOf(label) + 1;
  }

  /** The next text message to a Bot Platform chat (containing `match`, if given), counting photos before it. */
  private async zbotReply(chatId: string, match?: string): Promise<Reply> {
    let photos = 0;
    for (;;) {
      const message = await this.zbot!.driver.waitForMessage(chatId);
      if (message.photo) photos++;
      const text = message.kind === "text" ? message.text : "";
      if (match !== undefined ? message.text.includes(match) : text !== "") return zbotView(message, photos);
      if (!message.photo) photos = 0;
    }
  }

  /** The next text message to a Zalo thread (containing `match`, if given), counting photos before it. */
  private async zaloReply(threadId: string, match?: string): Promise<Reply> {
    let photos = 0;
    for (;;) {
      const message = await this.inbox!.next(threadId);
      photos += message.attachments.length;
      if (match !== undefined ? message.text.includes(match) : message.text !== "") return zaloView(message, photos);
      if (message.attachments.length === 0) photos = 0;
    }
  }
}

// === Zalo OA

function oaView(message: SentOaMessage, photos: number): Reply {
  return { text: message.text, choices: numberedChoices(message.text), photos };
}

function zbotView(message: SentBotMessage, photos: number): Reply {
  return { text: message.text, choices: numberedChoices(message.text), photos };
}

function telegramView(message: MessageView, photos: number): Reply {
  return { text: message.text ?? message.caption ?? "", choices: message.buttons.flat().map((b) => b.text), photos };
}

function zaloView(message: SentZaloMessage, photos: number): Reply {
  return { text: message.text, choices: numberedChoices(message.text), photos };
}
