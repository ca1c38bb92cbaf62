// /link joins a person's Telegram and Zalo accounts: "/link" on one channel gives a one-time
// code, "/link <code>" on the other moves that account onto the person who asked for the
// code (the older of the two keeps everything). Only in private chats.
import { randomInt } from "node:crypto";
import type { Logger } from "pino";
import { z } from "zod";
import type { Db, DbTx } from "../core/db/client";
import type { Locale, Translations } from "../core/i18n";
import type { Middleware } from "./chain";
import { commandOf } from "./commands";
import { identify } from "./people";

// === Codes

/** How long a link code can be used. */
export const linkCodeTtlMs = 15 * 60_000;

const codeSchema = z.string().regex(/^\d{6}$/);

/** Issues a fresh one-time code for `personId`; earlier unused codes of theirs stop working. */
export async function issueLinkCode(db: Db, personId: number, now = new Date()): Promise<string> {
  await db.linkCode.updateMany({ where: { personId, usedAt: null }, data: { expiresAt: now } });
  for (;;) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const taken = await db.linkCode.findUnique({ where: { code }, select: { id: true } });
    if (taken) continue;
    await db.linkCode.create({ data: { code, personId, expiresAt: new Date(now.getTime() + linkCodeTtlMs) } });
    return code;
  }
}

/** The outcome of redeeming a code. */
export type LinkOutcome =
  | { linked: true; personId: number }
  | { linked: false; reason: "invalid" | "same-person" | "channel-taken" };

/**
 * Points what the newer person did as an officer or admin (roles granted, review groups bound,
 * subscriptions and deadlines added, digests started, stories edited, consent confirmed) at
 * the older person. Review events keep naming the newer person: the log is append-only (the
 * database client refuses to update it), so it stays a record of which account acted.
 */
async function moveReferences(tx: DbTx, drop: number, keep: number): Promise<void> {
  await tx.roleAssignment.updateMany({ where: { grantedById: drop }, data: { grantedById: keep } });
  await tx.reviewGroup.updateMany({ where: { boundById: drop }, data: { boundById: keep } });
  await tx.subscription.updateMany({ where: { addedById: drop }, data: { addedById: keep } });
  await tx.deadline.updateMany({ where: { createdById: drop }, data: { createdById: keep } });
  await tx.broadcast.updateMany({ where: { createdById: drop }, data: { createdById: keep } });
  await tx.nomination.updateMany({ where: { storyEditedById: drop }, data: { storyEditedById: keep } });
  await tx.nomination.updateMany({ where: { consentConfirmedById: drop }, data: { consentConfirmedById: keep } });
}

/**
 * Redeems `code` for the person `personId` (the account typing it): merges the two people in
 * one transaction. The older person keeps their id; the newer one's accounts, roles,
 * nominations, open prompt and the records naming them as grantor or author move over. The
 * newer row stays, empty, because the review log that may name it is append-only.
 */
export async function redeemLinkCode(db: Db, code: string, personId: number, now = new Date()): Promise<LinkOutcome> {
  if (!codeSchema.safeParse(code).success) return { linked: false, reason: "invalid" };
  return db.$transaction(async (tx) => {
    const row = await tx.linkCode.findUnique({ where: { code } });
    if (!row || row.usedAt || row.expiresAt <= now) return { linked: false, reason: "invalid" } as const;
    if (row.personId === personId) return { linked: false, reason: "same-person" } as const;
    const claimed = await tx.linkCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count === 0) return { linked: false, reason: "invalid" } as const;

    const keep = Math.min(row.personId, personId);
    const drop = Math.max(row.personId, personId);
    const kept = await tx.channelIdentity.findMany({ where: { personId: keep }, select: { channel: true } });
    const moving = await tx.channelIdentity.findMany({ where: { personId: drop }, select: { channel: true } });
    // One account per channel per person: two Telegram accounts are two people.
    if (moving.some((m) => kept.some((k) => k.channel === m.channel))) {
      await tx.linkCode.update({ where: { id: row.id }, data: { usedAt: null } });
      return { linked: false, reason: "channel-taken" } as const;
    }
    await tx.channelIdentity.updateMany({ where: { personId: drop }, data: { personId: keep } });
    await tx.nomination.updateMany({ where: { nominatorId: drop }, data: { nominatorId: keep } });
    const held = await tx.roleAssignment.findMany({ where: { personId: keep }, select: { role: true, unitId: true } });
    for (const role of await tx.roleAssignment.findMany({ where: { personId: drop } })) {
      const duplicate = held.some((h) => h.role === role.role && h.unitId === role.unitId);
      if (duplicate) await tx.roleAssignment.delete({ where: { id: role.id } });
      else await tx.roleAssignment.update({ where: { id: role.id }, data: { personId: keep } });
    }
    await moveReferences(tx, drop, keep);
    const keptPrompt = await tx.conversation.findUnique({ where: { personId: keep }, select: { id: true } });
    if (keptPrompt) await tx.conversation.deleteMany({ where: { personId: drop } });
    else await tx.conversation.updateMany({ where: { personId: drop }, data: { personId: keep } });
    await tx.linkCode.updateMany({ where: { personId: drop, usedAt: null }, data: { expiresAt: now } });
    return { linked: true, personId: keep } as const;
  });
}

// === The command

/** What the /link command needs. */
export interface LinkDeps {
  db: Db;
  i18n: Translations;
  log: Logger;
  defaultLocale: Locale;
}

/** The /link link of the handler chain (private chats only). */
export function linkMiddleware(deps: LinkDeps): Middleware {
  return async (event, port, next) => {
    const input = event.input;
    if (input.kind !== "command" || commandOf("link", input.name) !== "link" || event.chat.kind !== "private") return next();
    const actor = await identify(deps.db, event.from, deps.defaultLocale);
    const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, args);
    const reply = (text: string) => port.send(event.chat.externalId, { text });
    const typed = input.args.replace(/\s+/g, "");
    if (!typed) {
      const code = await issueLinkCode(deps.db, actor.id);
      const other = event.from.channel === "TELEGRAM" ? "Zalo" : "Telegram";
      return void (await reply(t("link-code", { code, other, minutes: linkCodeTtlMs / 60_000 })));
    }
    const outcome = await redeemLinkCode(deps.db, typed, actor.id);
    if (outcome.linked) {
      deps.log.info({ personId: outcome.personId, from: actor.id, channel: event.from.channel }, "accounts linked");
      return void (await reply(t("link-done")));
    }
    return void (await reply(t(`link-refused-${outcome.reason}`)));
  };
}
