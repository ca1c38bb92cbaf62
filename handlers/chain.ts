// Handlers as a chain, the way grammY composes middleware: each one either handles an event
// or passes it on with `next()`. The nomination conversation is the last link.
import type { ChannelPort, EventHandler, IncomingEvent } from "../core/channel/port";

/** A link of the chain: handles the event, or calls `next` to let the following link try. */
export type Middleware = (event: IncomingEvent, port: ChannelPort, next: () => Promise<void>) => Promise<void>;

/**
 * Runs `links` in order, ending with `last`.
 *
 * ```ts
 * const handler = chain([reviewMiddleware], conversationHandler);
 * ```
 */
export function chain(links: Middleware[], last: EventHandler): EventHandler {
  return (event, port) => {
    const run = (i: number): Promise<void> => {
      const link = links[i];
      return link ? link(event, port, () => run(i + 1)) : last(event, port);
    };
    return run(0);
  };
}
