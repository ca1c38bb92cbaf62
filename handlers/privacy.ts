// Personal-data rights in the chat, on every channel: /dulieu (/mydata) sends a person what the
// bot holds about them; /xoadulieu (/deletemydata) erases it after a confirmation; officers
// record a nominee's or guardian's consent (/dongy GS-…) or its withdrawal (/rutdongy GS-…);
// admins read who opened a nomination's private details (/auditlog GS-…).
import type { Logger } from "pino";
import { choicePayload, isChoiceFor } from "../core/channel/choice-payloads";
import type { ChannelPort, IncomingEvent } from "../core/channel/port";
import type { Db } from "../core/db/client";
import { formatLocalDateTime } from "../core/calendar/zoned-time";
import type { Locale, Translations } from "../core/i18n";
import { parseNominationCode } from "../core/nominations/code";
import { auditTrail, audit } from "../core/privacy/audit";
import { confirmConsent, withdrawConsent } from "../core/privacy/consent";
import { erasePersonalData } from "../core/privacy/erase";
import { personalDataFile, personalDataOf, type PersonalData } from "../core/privacy/export";
import { covers, isAdmin, scopesOf } from "../core/review/scope";
import type { Middleware } from "./chain";
import { commandOf, type CommandOf } from "./commands";
import { identify } from "./people";

/** What the privacy link needs. */
export interface PrivacyDeps {
  db: Db;
  i18n: Translations;
  log: Logger;
  defaultLocale: Locale;
  timeZone: string;
  mediaDir: string;
  /** Called for each nomination an erasure withdrew (its review cards show it). */
  onWithdrawn?: (nominationId: number) => void | Promise<void>;
  now?: () => Date;
}

/** Someone using a privacy command. */
interface Who {
  id: number;
  locale: Locale;
}

const erasePayloads = { confirm: choicePayload("privacy", "erase", "yes"), keep: choicePayload("privacy", "erase", "no") };

// === Export

/** A readable summary of the export, for the chat. */
function summary(deps: PrivacyDeps, who: Who, data: PersonalData): string {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(who.locale, id, a);
  const accounts = data.accounts.map((a) => t("privacy-summary-account", { channel: a.channel, id: a.id })).join("\n");
  const nominations = data.nominations.map((n) => t("privacy-summary-nomination", { code: n.code ?? "—", name: n.nomineeName ?? "", status: t(`status-${n.status}`) })).join("\n");
  return t("privacy-summary", {
    name: data.profile.displayName,
    accounts,
    nominations: nominations || t("privacy-summary-none"),
    count: data.nominations.length,
    photos: data.nominations.reduce((sum, n) => sum + n.photos.length, 0),
    subscriptions: data.subscriptions.length,
    consents: data.consentRecords.length,
  });
}

async function sendMyData(deps: PrivacyDeps, event: IncomingEvent, port: ChannelPort, who: Who): Promise<void> {
  const chatId = event.chat.externalId;
  const data = await personalDataOf(deps.db, who.id, deps.now?.() ?? new Date());
  await audit(deps.db, { action: "EXPORT_PERSONAL_DATA", actorId: who.id, channel: event.from.channel });
  await port.send(chatId, { text: summary(deps, who, data) });
  if (port.sendDocument) {
    await port.sendDocument(chatId, { ...personalDataFile(data), caption: deps.i18n.t(who.locale, "privacy-file-caption") });
  } else {
    await port.send(chatId, { text: deps.i18n.t(who.locale, "privacy-no-file") });
  }
  deps.log.info({ personId: who.id }, "personal data exported");
}

// === Erasure

/**
 * Erases the data of the person behind a channel account, if the bot knows them: what
 * /xoadulieu does once confirmed, and what the Zalo OA's user_withdraw does.
 */
export async function eraseAccountData(deps: PrivacyDeps, channel: IncomingEvent["from"]["channel"], externalId: string): Promise<boolean> {
  const identity = await deps.db.channelIdentity.findUnique({ where: { channel_externalId: { channel, externalId } }, select: { personId: true } });
  if (!identity) return false;
  const result = await erasePersonalData(deps.db, identity.personId, { mediaDir: deps.mediaDir, channel, now: deps.now?.() ?? new Date() });
  for (const id of result.withdrawn) await deps.onWithdrawn?.(id);
  deps.log.info({ channel, withdrawn: result.withdrawn.length, drafts: result.cancelledDrafts, photos: result.photosDeleted }, "personal data erased");
  return true;
}

/**
 * Zalo OA's `user_withdraw`: the person withdrew their consent from the OA, so the bot erases
 * them as /xoadulieu does; the OA's own traces of the account go even when the bot never knew
 * the person (a follower who never wrote).
 */
export async function eraseWithdrawnZaloOaUser(deps: PrivacyDeps, userId: string): Promise<void> {
  if (await eraseAccountData(deps, "ZALO_OA", userId)) return;
  await deps.db.zaloOaContact.deleteMany({ where: { userId } });
  await deps.db.zaloOaInboxEvent.deleteMany({ where: { body: { contains: userId } } });
  deps.log.info("zalo oa user_withdraw for an account the bot did not know; its events removed");
}

async function onEraseChoice(deps: PrivacyDeps, event: IncomingEvent & { input: { kind: "choice" } }, port: ChannelPort, who: Who): Promise<void> {
  const t = (id: string) => deps.i18n.t(who.locale, id);
  await port.answerChoice(event.input.answerId);
  if (event.input.payload === erasePayloads.keep) return void (await port.send(event.chat.externalId, { text: t("privacy-erase-kept") }));
  if (event.input.payload !== erasePayloads.confirm) return void (await port.send(event.chat.externalId, { text: t("choice-no-longer-valid") }));
  // Said before the accounts go: afterwards the bot no longer knows this chat's language.
  const done = t("privacy-erase-done");
  await eraseAccountData(deps, event.from.channel, event.from.externalId);
  await port.send(event.chat.externalId, { text: done });
}

// === Officers: consent and the audit log

/** The nomination a typed code names, if it is in the officer's units; null otherwise. */
async function nominationInScope(deps: PrivacyDeps, who: Who, codeText: string): Promise<{ id: number; code: string } | null> {
  const code = parseNominationCode(codeText);
  if (!code) return null;
  const n = await deps.db.nomination.findUnique({ where: { codeYear_codeSeq: { codeYear: code.year, codeSeq: code.seq } }, select: { id: true, code: true, unit: { select: { path: true } } } });
  const scopes = await scopesOf(deps.db, who.id);
  if (!n?.unit || !scopes.some((s) => covers(s, n.unit!.path))) return null;
  return { id: n.id, code: n.code ?? codeText };
}

async function recordConsentCommand(deps: PrivacyDeps, event: IncomingEvent, port: ChannelPort, who: Who, action: "consent" | "withdrawconsent", args: string): Promise<void> {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(who.locale, id, a);
  const reply = (text: string) => port.send(event.chat.externalId, { text });
  const [codeText = "", kind = ""] = args.trim().split(/\s+/);
  if (!codeText) return void (await reply(t(`privacy-${action}-usage`)));
  const n = await nominationInScope(deps, who, codeText);
  if (!n) return void (await reply(t("privacy-code-not-found", { code: codeText })));
  const guardian = /^(giamho|giám hộ|giám_hộ|guardian|phuhuynh|phụ huynh)$/iu.test(kind);
  const source = guardian ? "GUARDIAN" : "NOMINEE";
  const wording = t(`privacy-${action}-wording-${source}`, { code: n.code });
  const statement = { nominationId: n.id, source, recordedById: who.id, wording, locale: who.locale, channel: event.from.channel } as const;
  if (action === "consent") {
    const allowed = await confirmConsent(deps.db, statement);
    return void (await reply(t(allowed ? "privacy-consent-recorded" : "privacy-consent-needs-guardian", { code: n.code, source })));
  }
  const cancelled = await withdrawConsent(deps.db, statement);
  deps.log.info({ nominationId: n.id, cancelled }, "consent withdrawn; story unpublished");
  await reply(t("privacy-consent-withdrawn", { code: n.code }));
}

async function showAuditLog(deps: PrivacyDeps, event: IncomingEvent, port: ChannelPort, who: Who, args: string): Promise<void> {
  const t = (id: string, a?: Record<string, string | number>) => deps.i18n.t(who.locale, id, a);
  const reply = (text: string) => port.send(event.chat.externalId, { text });
  if (!isAdmin(await scopesOf(deps.db, who.id))) return void (await reply(t("privacy-auditlog-admins-only")));
  const code = parseNominationCode(args.trim());
  if (!code) return void (await reply(t("privacy-auditlog-usage")));
  const n = await deps.db.nomination.findUnique({ where: { codeYear_codeSeq: { codeYear: code.year, codeSeq: code.seq } }, select: { id: true, code: true } });
  if (!n) return void (await reply(t("privacy-code-not-found", { code: args.trim() })));
  const entries = await auditTrail(deps.db, n.id);
  const lines = entries.map((e) =>
    t("privacy-auditlog-item", { time: formatLocalDateTime(e.createdAt, deps.timeZone), action: t(`privacy-audit-${e.action}`), actor: e.actor?.displayName || t("privacy-auditlog-nobody") }),
  );
  await reply(t("privacy-auditlog-header", { code: n.code ?? "", count: entries.length, lines: lines.join("\n") || t("privacy-auditlog-empty") }));
}

// === The link

async function runCommand(deps: PrivacyDeps, command: CommandOf<"privacy">, event: IncomingEvent & { input: { kind: "command" } }, port: ChannelPort, who: Who): Promise<void> {
  const t = (id: string) => deps.i18n.t(who.locale, id);
  const isPrivate = event.chat.kind === "private";
  switch (command) {
    case "mydata":
      if (!isPrivate) return void (await port.send(event.chat.externalId, { text: t("privacy-private-only") }));
      return sendMyData(deps, event, port, who);
    case "deletemydata":
      if (!isPrivate) return void (await port.send(event.chat.externalId, { text: t("privacy-private-only") }));
      await port.send(event.chat.externalId, {
        text: t("privacy-erase-confirm"),
        choices: [[{ label: t("privacy-erase-yes"), payload: erasePayloads.confirm }], [{ label: t("privacy-erase-no"), payload: erasePayloads.keep }]],
      });
      return;
    case "auditlog":
      return showAuditLog(deps, event, port, who, event.input.args);
    case "consent":
    case "withdrawconsent":
      return recordConsentCommand(deps, event, port, who, command, event.input.args);
  }
}

/** Builds the privacy link of the handler chain. */
export function privacyMiddleware(deps: PrivacyDeps): Middleware {
  return async (event, port, next) => {
    const input = event.input;
    const command = input.kind === "command" ? commandOf("privacy", input.name.toLowerCase()) : undefined;
    const choice = input.kind === "choice" && isChoiceFor(input.payload, "privacy");
    if (!command && !choice) return next();
    const person = await identify(deps.db, event.from, deps.defaultLocale);
    const who: Who = { id: person.id, locale: person.locale };
    if (command && input.kind === "command") return runCommand(deps, command, { ...event, input }, port, who);
    if (input.kind === "choice") return onEraseChoice(deps, { ...event, input }, port, who);
  };
}
