// Sending a digest run: the weekly schedule (which leaves a held run alone) and an officer's
// "send now" (which sends the open run, held or not, or a new one). Both end in planBroadcast,
// which queues every part into the outbox; the outbox worker does the sending.
import type { Db } from "../db/client";
import type { Locale, Translations } from "../i18n";
import { planBroadcast, type PlanResult } from "./plan";
import { openBroadcast, prepareBroadcast } from "./preview";

/** What planning a digest needs. */
export interface DigestPlanOptions {
  i18n: Translations;
  locale: Locale;
  nominateLink: string | null;
  /** The public site's address (PUBLIC_BASE_URL): each story then links to its page. */
  publicBaseUrl?: string | null;
}

/** What a run of the weekly job did. */
export type WeeklyOutcome = { outcome: "held"; broadcastId: number } | ({ outcome: "planned" } & PlanResult);

/** The scheduled send, as of `now`: a held run stays held; otherwise the open run (or a new one) goes out. */
export async function sendWeeklyDigest(db: Db, now: Date, opts: DigestPlanOptions): Promise<WeeklyOutcome> {
  const open = await openBroadcast(db);
  if (open?.status === "HELD") return { outcome: "held", broadcastId: open.id };
  const broadcast = open ?? (await prepareBroadcast(db, { kind: "WEEKLY_DIGEST", scheduledFor: now }));
  return { outcome: "planned", ...(await planBroadcast(db, broadcast.id, { ...opts, now })) };
}

/** An officer's "send now": the open run whatever its state, or a new manual run. */
export async function sendDigestNow(db: Db, now: Date, createdById: number, opts: DigestPlanOptions): Promise<PlanResult> {
  const broadcast = await prepareBroadcast(db, { kind: "MANUAL", scheduledFor: now, createdById });
  return planBroadcast(db, broadcast.id, { ...opts, now });
}

/** Sends one run (a released preview) if it has not started; null when it already has. */
export async function sendBroadcast(db: Db, broadcastId: number, now: Date, opts: DigestPlanOptions): Promise<PlanResult | null> {
  const broadcast = await db.broadcast.findUnique({ where: { id: broadcastId } });
  if (!broadcast || (broadcast.status !== "PLANNED" && broadcast.status !== "HELD")) return null;
  return planBroadcast(db, broadcastId, { ...opts, now });
}
