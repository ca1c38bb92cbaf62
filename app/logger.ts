import { pino, type DestinationStream, type Logger } from "pino";

/**
 * Structured JSON logs on stdout; secrets and personal contact data are redacted. Each of
 * `secrets` (the bot tokens) is also cut out of every written line, whatever field or error
 * text carries it: the Zalo Bot Platform's token sits in its URLs.
 */
export function createLogger(level: string, options: { secrets?: readonly (string | undefined)[]; destination?: DestinationStream } = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === "string" && s.length >= 8);
  return pino(
    {
      level,
      base: { app: "guong-sang" },
      redact: {
        paths: ["token", "*.token", "contactPhone", "*.contactPhone", "phone", "*.phone"],
        censor: "[redacted]",
      },
      ...(secrets.length > 0 ? { hooks: { streamWrite: (line: string) => secrets.reduce((text, secret) => text.split(secret).join("[redacted]"), line) } } : {}),
    },
    options.destination,
  );
}

export type { Logger };
