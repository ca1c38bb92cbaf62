// Where the emulator's own files (the Bot API spec, the chat page) are. Found by walking up
// from this module, so the same code works from the sources (tsx) and from the compiled
// bundle, which lives elsewhere in the tree.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findEmulatorDir(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "emulator", "spec", "telegram-bot-api.json"))) return path.join(dir, "emulator");
    if (existsSync(path.join(dir, "spec", "telegram-bot-api.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error("the emulator's files (spec/telegram-bot-api.json) were not found");
  }
}

/** The emulator's folder. */
export const emulatorDir = findEmulatorDir();
