// The subscription and broadcast link of the handler chain: the bot's membership changes,
// the subscription and digest commands (a group's, and a resident's own), the set-up and preview buttons, and a unit typed
// during a set-up. Everything else passes on, after at most a read for typed text.
import { isChoiceFor } from "../../core/channel/choice-payloads";
import type { Middleware } from "../chain";
import { commandOf } from "../commands";
import { identify } from "../people";
import { onBroadcastNow, onBroadcasts, onSubscriptions } from "./commands";
import type { BroadcastDeps } from "./deps";
import { onMembership } from "./membership";
import { onPersonalSubscribe, onPersonalUnsubscribe } from "./personal";
import { onPreviewButton } from "./preview";
import type { ProgressFollower } from "./progress";
import { onSetupButton, onSetupText, onSubscribe, onUnsubscribe, openSetup } from "./subscribe";

/** Builds the broadcast middleware; `progress` follows the runs it starts. */
export function broadcastMiddleware(deps: BroadcastDeps, progress: ProgressFollower): Middleware {
  return async (event, port, next) => {
    const input = event.input;
    if (input.kind === "membership") return onMembership(deps, { ...event, input });
    const command = input.kind === "command" ? commandOf("broadcast", input.name) : undefined;
    const setupButton = input.kind === "choice" && isChoiceFor(input.payload, "subscriptionSetup");
    const previewButton = input.kind === "choice" && isChoiceFor(input.payload, "broadcastPreview");
    if (input.kind === "text") {
      // A typed unit is only ever expected by someone with a set-up open: one read to find out.
      const person = await deps.db.channelIdentity.findUnique({
        where: { channel_externalId: { channel: event.from.channel, externalId: event.from.externalId } },
        select: { personId: true },
      });
      const setup = person ? await openSetup(deps, person.personId) : null;
      if (!setup || setup.step !== "unit-search") return next();
      const actor = await identify(deps.db, event.from, deps.defaultLocale, deps.now());
      if (await onSetupText(deps, event, input.text, port, actor, setup)) return;
      return next();
    }
    if (!command && !setupButton && !previewButton) return next();
    const actor = await identify(deps.db, event.from, deps.defaultLocale, deps.now());
    if (input.kind === "choice") {
      if (setupButton) return onSetupButton(deps, { ...event, input }, port, actor);
      return onPreviewButton(deps, { ...event, input }, port, actor, progress);
    }
    const args = input.kind === "command" ? input.args : "";
    switch (command) {
      case "subscribe":
        return onSubscribe(deps, event, args, port, actor);
      case "unsubscribe":
        return onUnsubscribe(deps, event, args, port, actor);
      case "subscriptions":
        return onSubscriptions(deps, event, port, actor);
      case "broadcast_now":
        return onBroadcastNow(deps, event, port, actor, progress);
      case "broadcasts":
        return onBroadcasts(deps, event, port, actor);
      case "getdigest":
        return onPersonalSubscribe(deps, event, args, port, actor);
      case "stopdigest":
        return onPersonalUnsubscribe(deps, event, port, actor);
      default:
        return next();
    }
  };
}
