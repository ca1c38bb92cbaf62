// Zalo has no buttons: choices go out as a numbered list under the text, and a reply that is
// one of the numbers (or one of the labels, typed with or without diacritics) comes back as
// the choice. The menu last sent to a chat is kept on its Chat row so a restart keeps it.
import { z } from "zod";
import type { Choices } from "../port";
import type { DbTx } from "../../core/db/client";
import { Prisma } from "../../core/db/generated/sqlite/client";
import { escapeHtml } from "../../core/i18n";
import { foldText } from "../../core/text/fold";

// === The menu

/** The numbered choices last sent to a chat, and the message they belong to. */
export const zaloMenuSchema = z.object({
  /** The message the choices belong to, as the handlers know it (an edit keeps the original id). */
  messageId: z.string().min(1),
  choices: z.array(z.object({ label: z.string(), payload: z.string() })).min(1),
});

/** A numbered menu as stored. */
export type ZaloMenu = z.infer<typeof zaloMenuSchema>;

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

// === Storage

/** Where the last menu of each Zalo chat lives: the Chat row (channel ZALO). */
export class ZaloMenuStore {
  constructor(private readonly db: DbTx) {}

  /** The menu last sent to a chat, or null (none, cleared, or unreadable after an upgrade). */
  async get(threadId: string): Promise<ZaloMenu | null> {
    const chat = await this.db.chat.findUnique({
      where: { channel_externalId: { channel: "ZALO", externalId: threadId } },
      select: { lastMenu: true },
    });
    const parsed = zaloMenuSchema.safeParse(chat?.lastMenu);
    return parsed.success ? parsed.data : null;
  }

  /** Records the menu just sent to a chat (null when the last message asked nothing). */
  async set(threadId: string, kind: "PRIVATE" | "GROUP", menu: ZaloMenu | null): Promise<void> {
    const lastMenu = menu ?? Prisma.DbNull;
    await this.db.chat.upsert({
      where: { channel_externalId: { channel: "ZALO", externalId: threadId } },
      create: { channel: "ZALO", externalId: threadId, kind, lastMenu },
      update: { lastMenu },
    });
  }
}
