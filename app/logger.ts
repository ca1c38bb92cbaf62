import { pino, type Logger } from "pino";

/** Structured JSON logs on stdout; secrets and personal contact data are redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: "guong-sang" },
    redact: {
      paths: ["token", "*.token", "contactPhone", "*.contactPhone", "phone", "*.phone"],
      censor: "[redacted]",
    },
  });
}

export type { Logger };
