// The part of zca-js the bot depends on, and nothing more: everything Zalo does for the bot
// goes through these few calls, so a test can stand in with a fake of exactly this shape
// (zca-js's wire protocol is encrypted; faking below its API object is not an option).
import type { API, CloseReason, Message, ThreadType } from "zca-js";

/**
 * The listener methods the adapter uses: subscribe, unsubscribe, connect, disconnect, and ask
 * the socket for the latest messages (answered by an `old_messages` event; see catch-up.ts).
 * zca-js's `Listener` fits it (login.ts returns one as this type, so the compiler checks).
 */
export interface ZaloListener {
  on(event: "message", listener: (message: Message) => void): unknown;
  on(event: "connected", listener: () => void): unknown;
  on(event: "disconnected" | "closed", listener: (code: CloseReason, reason: string) => void): unknown;
  on(event: "error", listener: (error: unknown) => void): unknown;
  on(event: "old_messages", listener: (messages: Message[], type: ThreadType) => void): unknown;
  /** The socket's key arrived: from now on what it delivers can be read (each connection). */
  on(event: "cipher_key", listener: (key: string) => void): unknown;
  off(event: "message", listener: (message: Message) => void): unknown;
  off(event: "connected", listener: () => void): unknown;
  off(event: "disconnected" | "closed", listener: (code: CloseReason, reason: string) => void): unknown;
  off(event: "error", listener: (error: unknown) => void): unknown;
  off(event: "old_messages", listener: (messages: Message[], type: ThreadType) => void): unknown;
  off(event: "cipher_key", listener: (key: string) => void): unknown;
  /** Asks for the latest messages of people or of groups, older than `lastMsgId` when given. */
  requestOldMessages(threadType: ThreadType, lastMsgId?: string | null): void;
  start(): void;
  stop(): void;
}

/**
 * The calls the adapter and the outbox sender make on a logged-in account: send, read a
 * group's members and admins (for permissions), and the account's own id.
 *
 * @example
 * const api: ZaloApi = await loginWithCredentials(config.ZALO_CREDENTIALS_PATH, log);
 * await api.sendMessage({ msg: "Xin chào" }, threadId, ThreadType.User);
 */
export type ZaloApi = Pick<API, "sendMessage" | "getGroupInfo" | "getOwnId"> & {
  /** The account's web socket: one per account, closed when Zalo Web opens elsewhere. */
  listener: ZaloListener;
};
