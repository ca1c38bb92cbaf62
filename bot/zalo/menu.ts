// Zalo has no buttons: choices go out as a numbered list under the text, and a reply that is
// one of the numbers (or one of the labels, typed with or without diacritics) comes back as
// the choice. The menu last sent to a chat is kept on its Chat row so a restart keeps it.
import { z } from "zod";
import type { Choices } from "../../core/channel/port";
import type { DbTx } from "../../core/db/client";
import { Prisma } from "../../core/db/generated/sqlite/client";
import { escapeHtml } from "../../core/i18n";
import { foldText } from "../../core/text/fold";

// === The menu

/** The numbered choices sent in one message, and who may answer them. */
export const zaloMenuSchema = z.object({
  /** The message the choices belong to, as the handlers know it (an edit keeps the original id). */
  messageId: z.string().min(1),
  choices: z.array(z.object({ label: z.string(), payload: z.string() })).min(1),
  /**
   * In a group, the person the menu was sent in reply to: only their typed numbers answer
   * it, so two residents answering "1" in one group each get their own choice. Absent for a
   * menu meant for anyone (a review card, a digest).
   */
  forUser: z.string().optional(),
  /** Zalo's ids of the messages that carried it, so a reply quoting one of them finds it. */
  sentIds: z.array(z.string()).optional(),
});

/** A numbered menu as stored. */
export type ZaloMenu = z.infer<typeof zaloMenuSchema>;

/** What a chat keeps: one menu in a direct chat, the latest few in a group. */
const storedMenusSchema = z.union([z.object({ menus: z.array(zaloMenuSchema) }), zaloMenuSchema.transform((menu) => ({ menus: [menu] }))]);

/** Menus kept per group: enough for the people answering at once, small enough to stay cheap. */
const groupMenusKept = 20;

/** The choices in the order they are numbered: row by row, left to right. */
export function flattenChoices(choices: Choices): ZaloMenu["choices"] {
  return choices.flat().map(({ label, payload }) => ({ label, payload }));
}

/**
 * The numbered list (HTML, labels escaped) to put under a message's text, ending with the
 * hint line the caller rendered in the reader's language.
 *
 * ```ts
 * numberedList([{ label: "Cá nhân", payload: "a" }, { label: "Tập thể", payload: "b" }], "Trả lời 1–2")
 * // "1. Cá nhân\n2. Tập thể\n\n<i>Trả lời 1–2</i>"
 * ```
 */
export function numberedList(choices: ZaloMenu["choices"], hint: string): string {
  const lines = choices.map((choice, i) => `${i + 1}. ${escapeHtml(choice.label)}`);
  return `${lines.join("\n")}\n\n<i>${hint}</i>`;
}

// === Reading a reply

/** Folded, without punctuation and symbols: "Tập thể." and "tap the" compare equal. */
function replyForm(text: string): string {
  return foldText(text.replace(/[\p{P}\p{S}]+/gu, " "));
}

/**
 * The choice a typed reply names, or null when it names none: the number of a choice ("2",
 * "2.", " 2 ") or its label, ignoring case, diacritics and punctuation. A reply that fits
 * several labels names none of them.
 */
export function resolveReply(menu: ZaloMenu, text: string): ZaloMenu["choices"][number] | null {
  const number = /^\s*(\d{1,3})\s*[.)]?\s*$/.exec(text);
  if (number) return menu.choices[Number(number[1]) - 1] ?? null;
  const typed = replyForm(text);
  if (typed === "") return null;
  const matches = menu.choices.filter((choice) => replyForm(choice.label) === typed);
  return matches.length === 1 ? matches[0]! : null;
}

// === Finding the menu a reply answers

/** Who wrote a reply, and which message it quotes (Zalo's "Trả lời"), if any. */
export interface ReplyContext {
  senderId: string;
  quotedId?: string;
}

/**
 * The menu a reply answers, newest first: the menu of the quoted message; else the sender's
 * own latest menu; else the latest menu meant for anyone. Someone else's menu never answers.
 */
export function menuFor(menus: readonly ZaloMenu[], reply: ReplyContext): ZaloMenu | null {
  const newestFirst = [...menus].reverse();
  if (reply.quotedId) {
    const quoted = newestFirst.find((m) => m.messageId === reply.quotedId || m.sentIds?.includes(reply.quotedId!));
    if (quoted && (quoted.forUser === undefined || quoted.forUser === reply.senderId)) return quoted;
  }
  return newestFirst.find((m) => m.forUser === reply.senderId) ?? newestFirst.find((m) => m.forUser === undefined) ?? null;
}

// === Storage

/** Where the menus of each chat of a channel without buttons (ZALO, ZALO_OA, ZALO_BOT) live: its Chat row, so a restart keeps them. */
export class ZaloMenuStore {
  /** `channel`: ZALO (zca-js, the default), ZALO_OA (the Official Account) or ZALO_BOT (the Bot Platform). */
  constructor(
    private readonly db: DbTx,
    private readonly channel: "ZALO" | "ZALO_OA" | "ZALO_BOT" = "ZALO",
  ) {}

  /** The menus kept for a chat, oldest first (none, cleared, or unreadable after an upgrade: empty). */
  async list(threadId: string): Promise<ZaloMenu[]> {
    const chat = await this.db.chat.findUnique({
      where: { channel_externalId: { channel: this.channel, externalId: threadId } },
      select: { lastMenu: true },
    });
    const parsed = storedMenusSchema.safeParse(chat?.lastMenu);
    return parsed.success ? parsed.data.menus : [];
  }

  /** The menu a reply in a chat answers, or null. */
  async find(threadId: string, reply: ReplyContext): Promise<ZaloMenu | null> {
    return menuFor(await this.list(threadId), reply);
  }

  /**
   * Records what was just sent to a chat. In a direct chat the new menu replaces the last
   * one, and a message without choices clears it. In a group only the recipient's own menus
   * are replaced (or cleared); menus of others stay answerable.
   */
  async set(threadId: string, kind: "PRIVATE" | "GROUP", menu: ZaloMenu | null, forUser?: string): Promise<void> {
    let menus: ZaloMenu[];
    if (kind === "PRIVATE") menus = menu ? [menu] : [];
    else {
      const recipient = menu?.forUser ?? forUser;
      const kept = (await this.list(threadId)).filter((m) => m.forUser !== recipient || recipient === undefined);
      menus = (menu ? [...kept.filter((m) => m.messageId !== menu.messageId), menu] : kept).slice(-groupMenusKept);
    }
    const where = { channel: this.channel, externalId: threadId };
    // Nothing to remember: clear a stored menu, but create no chat row for it (a person who just
    // erased their data is told so in a chat the bot must not record again).
    if (menus.length === 0) return void (await this.db.chat.updateMany({ where, data: { lastMenu: Prisma.DbNull } }));
    const lastMenu = { menus };
    await this.db.chat.upsert({
      where: { channel_externalId: { channel: this.channel, externalId: threadId } },
      create: { channel: this.channel, externalId: threadId, kind, lastMenu },
      update: { lastMenu },
    });
  }
}
