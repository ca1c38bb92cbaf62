// Watches what a bot shows in each private chat, straight from the emulator's events: the time a
// reply (a new message or an edit) reaches the emulator, and waits on the chat's visible state.
// One listener for all chats, so hundreds of residents waiting at once cost the driver little.
import type { Emulator } from "../../emulator/index";
import type { MessageRecord } from "../../emulator/state";

/** The newest message a bot shows in a chat, as a resident reads it. */
export interface Shown {
  messageId: number;
  text: string;
  /** Button labels, row by row flattened. */
  buttons: string[];
  editCount: number;
}

interface Waiter {
  check: () => boolean;
  resolve: (at: number) => void;
}

/** Per-chat reply times and waits over one bot's messages in an emulator. */
export class ChatWatch {
  private readonly replies = new Map<number, number>();
  private readonly waiters = new Map<number, Set<Waiter>>();
  private readonly onRecord = (record: MessageRecord): void => {
    if (record.sentByBot !== this.token) return;
    const chatId = record.message.chat.id;
    this.replies.set(chatId, (this.replies.get(chatId) ?? 0) + 1);
    const at = performance.now();
    for (const waiter of this.waiters.get(chatId) ?? []) if (waiter.check()) waiter.resolve(at);
  };

  constructor(
    private readonly emulator: Emulator,
    private readonly token: string,
  ) {
    emulator.state.events.on("message", this.onRecord);
    emulator.state.events.on("edit", this.onRecord);
  }

  /** Stops listening. */
  close(): void {
    this.emulator.state.events.off("message", this.onRecord);
    this.emulator.state.events.off("edit", this.onRecord);
  }

  /** How many replies (messages and edits) the chat has had so far. */
  count(chatId: number): number {
    return this.replies.get(chatId) ?? 0;
  }

  /** Waits for the chat's next reply after `count` replies; resolves with the time it arrived. */
  nextReply(chatId: number, count: number, timeoutMs: number): Promise<number> {
    return this.until(chatId, () => this.count(chatId) > count, timeoutMs, `a reply in chat ${chatId}`);
  }

  /** The newest bot message of the chat that is not deleted. */
  latest(chatId: number): Shown | undefined {
    const state = this.emulator.state;
    const chat = state.chats.get(chatId)?.chat;
    if (!chat) return undefined;
    const records = state.conversationMessages(state.conversationKey(this.token, chat));
    for (let i = records.length - 1; i >= 0; i -= 1) {
      const r = records[i]!;
      if (r.sentByBot !== this.token || r.deleted) continue;
      return {
        messageId: r.message.message_id,
        text: r.message.text ?? r.message.caption ?? "",
        buttons: r.message.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [],
        editCount: r.editCount,
      };
    }
    return undefined;
  }

  /**
   * Waits until the newest bot message of the chat satisfies `test`; returns it with the time
   * (performance.now()) the emulator got the message or edit that made it so.
   */
  async shows(chatId: number, test: (shown: Shown) => boolean, timeoutMs: number, what: string): Promise<{ shown: Shown; at: number }> {
    const ok = () => {
      const shown = this.latest(chatId);
      return shown !== undefined && test(shown);
    };
    const at = await this.until(chatId, ok, timeoutMs, what);
    return { shown: this.latest(chatId)!, at };
  }

  /** Resolves with the time of the event after which `check` held (now, if it holds already). */
  private until(chatId: number, check: () => boolean, timeoutMs: number, what: string): Promise<number> {
    if (check()) return Promise.resolve(performance.now());
    return new Promise((resolve, reject) => {
      let set = this.waiters.get(chatId);
      if (!set) this.waiters.set(chatId, (set = new Set()));
      const waiter: Waiter = {
        check,
        resolve: (at) => {
          clearTimeout(timer);
          set.delete(waiter);
          resolve(at);
        },
      };
      const timer = setTimeout(() => {
        set.delete(waiter);
        const shown = this.latest(chatId);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; the bot shows ${JSON.stringify(shown?.text.slice(0, 200))} with buttons ${JSON.stringify(shown?.buttons)}`));
      }, timeoutMs);
      set.add(waiter);
    });
  }
}
