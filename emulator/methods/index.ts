import { botMethods } from "./bot";
import { chatMethods } from "./chats";
import type { MethodHandler } from "./context";
import { editMethods } from "./edit";
import { fileMethods } from "./files";
import { sendMethods } from "./send";

/** Every Bot API method the emulator implements, by its spec name. */
export const methodHandlers: Readonly<Record<string, MethodHandler>> = {
  ...botMethods,
  ...sendMethods,
  ...editMethods,
  ...chatMethods,
  ...fileMethods,
};

export type { MethodContext, MethodHandler } from "./context";
