// The buttons of a review card, encoded in Telegram's 64-byte callback_data (and Zalo's typed
// commands later). The data carries what the officer saw — status and level — so a press on
// an out-of-date card is recognised as stale, and anything that does not parse is refused as
// forged. Permission is never read from the data: it is checked on the server.
import { z } from "zod";
import { choicePayload, choicePrefixes } from "../channel/choice-payloads";
import { reviewableStatuses, type ReviewableStatus } from "../nominations/status";
import type { Seen } from "./actions";

/** What a card button asks for. */
export const cardActions = ["approve", "request-info", "reject", "edit-story", "view-full"] as const;
export type CardAction = (typeof cardActions)[number];

const actionCodes: Record<CardAction, string> = {
  approve: "ap",
  "request-info": "ri",
  reject: "rj",
  "edit-story": "es",
  "view-full": "vf",
};
const statusCodes: Record<ReviewableStatus, string> = { SUBMITTED: "S", IN_REVIEW: "R", NEEDS_INFO: "N" };

const byCode = <K extends string>(m: Record<K, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k])) as Record<string, K>;
const actionByCode = byCode(actionCodes);
const statusByCode = byCode(statusCodes);

/** A decoded card button. */
export interface CardPress extends Seen {
  action: CardAction;
}

/** Encodes a card button, e.g. "rv:ap:42:S0". */
export function encodeCardPress(press: CardPress): string {
  return choicePayload("reviewCard", actionCodes[press.action], press.nominationId, `${statusCodes[press.status]}${press.reviewLevel}`);
}

const pressPattern = new RegExp(`^${choicePrefixes.reviewCard}([a-z]{2}):(\\d{1,9}):([A-Z])(\\d)$`);
const shape = z.string().max(64).regex(pressPattern);

/** Decodes callback data; null for anything that is not a card button this code made. */
export function decodeCardPress(data: string): CardPress | null {
  const parsed = shape.safeParse(data);
  if (!parsed.success) return null;
  const [, a, id, s, level] = pressPattern.exec(parsed.data)!;
  const action = actionByCode[a!];
  const status = statusByCode[s!];
  if (!action || !status || !(reviewableStatuses as readonly string[]).includes(status)) return null;
  return { action, nominationId: Number(id), status, reviewLevel: Number(level) };
}
