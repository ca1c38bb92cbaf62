// The outbox: everything that leaves the process is written here first, then delivered by a
// worker through one sender per channel.
export { enqueue, enqueueInputSchema, outboxKey, type EnqueueInput, type EnqueueResult } from "./enqueue";
export { deactivateOnPermanentFailure, deactivateSubscription } from "./deactivate-subscription";
export { classifyUnknown, PermanentSendError, RateLimitedError, TransientSendError, type SendError } from "./errors";
export { outboxPayloadSchema, parsePayload, type Choice, type FileSource, type OutboxPayload, type PhotoItem } from "./payload";
export { defaultChannelLimits, OutboxRateLimiter, telegramLimits, unlimited, zaloLimits, type ChannelLimits } from "./rate-limiter";
export type { OutboxChat, OutboxDelivery, Sender, SendResult } from "./sender";
export { OutboxWorker, type OutboxWorkerOptions, type PermanentFailureHook, type TickResult } from "./worker";
