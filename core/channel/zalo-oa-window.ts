// Zalo's consultation window: an Official Account may write to a person only within 7 days of
// that person's last message (or follow, or button press). The OA adapter refuses to ask Zalo
// outside it; the calendar names the officers it leaves out of reach.

/** Days after a person's last interaction during which the OA may write to them. */
export const zaloOaWindowDays = 7;

/** The window in milliseconds. */
const zaloOaWindowMs = zaloOaWindowDays * 24 * 3600_000;

/** Whether a person last heard from at `lastInteractionAt` is outside the window at `now`. */
export function outsideZaloOaWindow(lastInteractionAt: Date, now: Date): boolean {
  return now.getTime() - lastInteractionAt.getTime() > zaloOaWindowMs;
}
