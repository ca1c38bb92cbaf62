// Every prefix of a choice's payload (Telegram's callback_data, Zalo's numbered replies), in
// one place: whoever draws a button takes its prefix from here, whoever routes a press tests
// against it, and a test keeps the prefixes apart so no press can reach two handlers.

/**
 * The payload prefixes, by what the press is for. A payload is the prefix and then what its
 * owner encodes (e.g. `rv:ap:42:S0`, `w:17`), at most 64 bytes in all.
 *
 * ```ts
 * const payload = `${choicePrefixes.withdraw}${nomination.id}`;
 * if (input.payload.startsWith(choicePrefixes.withdraw)) ...
 * ```
 */
export const choicePrefixes = {
  /** An answer to a nomination step: `s:<step>:<value>` (core/workflow). */
  step: "s:",
  /** The main menu of /start: `m:<action>`. */
  menu: "m:",
  /** An open draft found again: `d:continue`, `d:restart`. */
  draft: "d:",
  /** The language picker: `l:vi`, `l:en`. */
  language: "l:",
  /** Withdrawing a nomination from /mine: `w:<nominationId>`. */
  withdraw: "w:",
  /** A review card's decision: `rv:<action>:<nominationId>:<status><level>` (core/review/card-actions.ts). */
  reviewCard: "rv:",
  /** Opening a card from /pending: `rvo:<nominationId>`. */
  openCard: "rvo:",
  /** The nominator's additions to a request for more information: `ai:send`. */
  answerInfo: "ai:",
  /** The subscription set-up of a group or channel: `sb:<action>:<arg>`. */
  subscriptionSetup: "sb:",
  /** The council's digest preview: `bp:<action>:<broadcastId>[:<nominationId>]`. */
  broadcastPreview: "bp:",
  /** A report's period or dossier: `rp:<x|c|s>:<periodId>:<unitId or empty>`, `rp:d:<nominationId>`. */
  report: "rp:",
  /** Erasing one's personal data: `pd:erase:yes`, `pd:erase:no` (handlers/privacy.ts). */
  privacy: "pd:",
  /**
   * A Zalo OA quick-reply button: `gs:<a payload above>`. Zalo sends its press back as text;
   * the OA adapter strips the prefix, so the handlers see the inner payload.
   */
  oaQuickReply: "gs:",
} as const;

/** What a choice can be for. */
export type ChoicePurpose = keyof typeof choicePrefixes;

/** Whether a payload belongs to `purpose`. */
export function isChoiceFor(payload: string, purpose: ChoicePurpose): boolean {
  return payload.startsWith(choicePrefixes[purpose]);
}

/** A payload for `purpose`: its prefix and the parts its owner encodes, joined by ":". */
export function choicePayload(purpose: ChoicePurpose, ...parts: (string | number)[]): string {
  return choicePrefixes[purpose] + parts.join(":");
}

/**
 * A database id carried in a payload, or null when the text is not one. Read before any query:
 * a forged or mangled payload ("w:abc", "rvo:1e99") is answered as an old button, never sent to
 * the database to fail there.
 *
 * ```ts
 * payloadId("42") // 42
 * payloadId("4x") // null
 * ```
 */
export function payloadId(raw: string | undefined): number | null {
  if (raw === undefined || !/^[1-9]\d{0,8}$/.test(raw)) return null;
  return Number(raw);
}
