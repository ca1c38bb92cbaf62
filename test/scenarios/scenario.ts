// What a scenario is: data. People and groups, then steps of (actor, input, expected reply,
// expected state). A runner per channel plays them (runners.ts); the table (table.ts) holds
// the scenarios themselves, written once for every channel.
import { expect } from "vitest";
import type { ChannelName } from "../../core/channel/port";
import type { Db } from "../../core/db/client";

// === Inputs

/** What an actor does, in channel-neutral words. */
export type ScenarioInput =
  | { kind: "text"; text: string }
  | { kind: "command"; name: string; args?: string }
  /** Picks a choice by its label: a button press on Telegram, its menu number typed on Zalo. */
  | { kind: "choose"; label: string; edits?: boolean }
  /** A choice of an earlier message: an old button on Telegram, a number the current menu lacks on Zalo. */
  | { kind: "old-choice"; label: string }
  | { kind: "photo" }
  | { kind: "album"; count: number }
  | { kind: "sticker" }
  | { kind: "voice" }
  /**
   * An officer's decision on the card in a chat: card buttons on Telegram; on Zalo, DUYET/TUCHOI
   * typed, or with `by: "card"` the number of the card's choice typed (the reason after it).
   */
  | { kind: "decide"; action: "approve" | "reject"; reason?: string; by?: "card" };

export const text = (value: string): ScenarioInput => ({ kind: "text", text: value });
export const command = (name: string, args?: string): ScenarioInput => ({ kind: "command", name, ...(args ? { args } : {}) });
export const choose = (label: string, options: { edits?: boolean } = {}): ScenarioInput => ({ kind: "choose", label, ...options });
export const oldChoice = (label: string): ScenarioInput => ({ kind: "old-choice", label });
export const photo: ScenarioInput = { kind: "photo" };
export const album = (count: number): ScenarioInput => ({ kind: "album", count });
export const sticker: ScenarioInput = { kind: "sticker" };
export const voice: ScenarioInput = { kind: "voice" };
export const decide = (action: "approve" | "reject", reason?: string, by?: "card"): ScenarioInput => ({ kind: "decide", action, ...(reason ? { reason } : {}), ...(by ? { by } : {}) });

// === Replies

/** A bot reply as every channel can show it: its text, its choices, the photos before it. */
export interface Reply {
  text: string;
  choices: string[];
  /** Photos the bot sent just before this text (an album counts each photo). */
  photos: number;
}

/** What a reply must show. Texts may hold `{var}` placeholders filled from captures. */
export interface Expectation {
  contains?: string[];
  /** Extra fragments on one channel only (where the channels word things differently). */
  on?: Partial<Record<ChannelName, string[]>>;
  /** The choices, exactly, in order. */
  choices?: string[];
  choicesInclude?: string[];
  photos?: number;
  /** Saves the first match of `pattern` in the reply as `{name}`. */
  capture?: { name: string; pattern: RegExp };
}

// === Steps

/** What a state check may use. */
export interface ScenarioContext {
  db: Db;
  channel: ChannelName;
  vars: Record<string, string>;
  /** The person behind an actor (after their first message). */
  personOf(actor: string): Promise<number>;
  /** The channel an actor or a group is on in this run. */
  channelOf(name: string): ChannelName;
}

export type Step =
  /** An actor does something, privately or in a group, and the bot's next message there answers. */
  | { actor: string; in?: string; input: ScenarioInput; expect?: Expectation; note?: string }
  /**
   * The next message in a chat (an actor's private chat or a group) that contains `match`. With
   * `edited`, a message edited to contain it counts too (Telegram edits in place; Zalo, which
   * cannot edit, sends the new text as a new message).
   */
  | { awaitIn: string; match: string; edited?: boolean; expect?: Expectation }
  /** Once the outbox has nothing left to send, the bot's messages in a chat containing `match` number `count`. */
  | { countIn: string; match: string; count: number }
  /** The process stops and a new one starts on the same database file. */
  | { restart: true }
  /** The periodic jobs run as if it were this instant (ISO, with its offset). */
  | { tick: string }
  /** A broadcast is planned for every subscribed group and the outbox delivers it. */
  | { broadcast: true }
  /** A check of the database. */
  | { check: (ctx: ScenarioContext) => Promise<void>; note?: string };

/** Someone in a scenario and what they are. */
export interface ScenarioActor {
  name: string;
  role?: { role: "ADMIN" | "COUNCIL_OFFICER" | "UNIT_OFFICER"; unit?: string };
}

/** A group in a scenario: a review group for a unit (or the council), or a subscribed community group. */
export interface ScenarioGroup {
  title: string;
  members: string[];
  reviewFor?: string | "council";
  subscribed?: boolean;
}

/** One scenario, channel-neutral. */
export interface Scenario {
  name: string;
  actors: Record<string, ScenarioActor>;
  groups?: Record<string, ScenarioGroup>;
  steps: Step[];
}

// === Shared checking

/** Fills `{var}` placeholders. */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/** Asserts a reply against an expectation; records captures in `vars`. */
export function checkReply(reply: Reply, expectation: Expectation, ctx: { channel: ChannelName; vars: Record<string, string>; label: string }): void {
  const fragments = [...(expectation.contains ?? []), ...(expectation.on?.[ctx.channel] ?? [])];
  for (const fragment of fragments) expect(reply.text, ctx.label).toContain(fill(fragment, ctx.vars));
  if (expectation.choices) expect(reply.choices, ctx.label).toEqual(expectation.choices.map((c) => fill(c, ctx.vars)));
  for (const choice of expectation.choicesInclude ?? []) expect(reply.choices, `${ctx.label}: ${JSON.stringify(reply.choices)}`).toContain(fill(choice, ctx.vars));
  if (expectation.photos !== undefined) expect(reply.photos, ctx.label).toBe(expectation.photos);
  if (expectation.capture) {
    const found = expectation.capture.pattern.exec(reply.text)?.[0];
    expect(found, `${ctx.label}: capture ${expectation.capture.name}`).toBeDefined();
    ctx.vars[expectation.capture.name] = found!;
  }
}

/** Polls a database condition until it holds (the outbox and the workers run on their own). */
export async function eventually(check: () => Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
