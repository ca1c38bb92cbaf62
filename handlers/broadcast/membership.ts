// The bot's own membership: removed from a group or channel (or blocked in private), the chat's
// subscription stops with the reason; added, the chat is recorded with its kind and title so
// /subscriptions and the outbox name it right. A re-added bot waits for an admin's /subscribe.
import type { IncomingEvent } from "../../core/channel/port";
import type { ChatKind } from "../../core/db/generated/sqlite/enums";
import { deactivateSubscription } from "../../core/outbox/deactivate-subscription";
import type { BroadcastDeps } from "./deps";

const kinds: Record<string, ChatKind> = { private: "PRIVATE", group: "GROUP", supergroup: "SUPERGROUP", channel: "CHANNEL" };

/** Records a change of the bot's membership in a chat. */
export async function onMembership(deps: BroadcastDeps, event: IncomingEvent & { input: { kind: "membership" } }): Promise<void> {
  const { chat, input, from } = event;
  const kind = kinds[chat.type ?? chat.kind] ?? "GROUP";
  const row = await deps.db.chat.upsert({
    where: { channel_externalId: { channel: from.channel, externalId: chat.externalId } },
    create: { channel: from.channel, externalId: chat.externalId, kind, title: chat.title ?? null, username: chat.username ?? null },
    update: { kind, ...(chat.title !== undefined ? { title: chat.title } : {}), ...(chat.username !== undefined ? { username: chat.username } : {}) },
  });
  if (input.status === "added") return void deps.log.info({ chat: chat.externalId, admin: input.admin }, "bot added to a chat");
  const reason = `removed:${from.displayName}`;
  const stopped = await deactivateSubscription(deps.db, row.id, reason, deps.now());
  deps.log.warn({ chat: chat.externalId, kicked: input.kicked, stopped }, "bot removed from a chat");
}
