// Every text a person sends is put in Unicode NFC once, where events enter the handlers: a
// Vietnamese name typed on a keyboard that sends combining marks (NFD: "e" + U+0302 + U+0301)
// and the same name typed with precomposed letters ("ế") are then one name, for duplicate
// checks, searches, exports and the personal-data scan alike.
import type { IncomingEvent, Input } from "../channel/port";

function nfc<T extends string | undefined>(text: T): T {
  return (text === undefined ? text : text.normalize("NFC")) as T;
}

function normalizeInput(input: Input): Input {
  switch (input.kind) {
    case "text":
      return { ...input, text: nfc(input.text) };
    case "command":
      return { ...input, name: nfc(input.name), args: nfc(input.args) };
    case "photo":
      return input.caption === undefined ? input : { ...input, caption: nfc(input.caption) };
    default:
      return input;
  }
}

/**
 * The event with its typed text, its sender's and chat's names in NFC.
 *
 * ```ts
 * normalizeEvent(event).input // { kind: "text", text: "Nguyễn" } whatever the keyboard sent
 * ```
 */
export function normalizeEvent(event: IncomingEvent): IncomingEvent {
  return {
    from: { ...event.from, displayName: nfc(event.from.displayName) },
    chat: event.chat.title === undefined ? event.chat : { ...event.chat, title: nfc(event.chat.title) },
    input: normalizeInput(event.input),
  };
}
