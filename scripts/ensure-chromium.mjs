// Runs before `npm test`: the chat page's browser tests drive Debian's chromium. When it is
// missing and we may install packages (root, apt-get present), install it quietly; otherwise
// say once how to get it. This never fails the test run: without chromium those tests skip.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hint = 'the chat page\'s browser tests will be skipped; install chromium with "apt-get install -y chromium" (or set CHROMIUM_PATH)';

/** Runs apt-get quietly; true when it succeeded. Ten minutes at most: a slow mirror must not hang CI. */
function aptGet(...args) {
  const result = spawnSync("apt-get", ["-y", "-qq", ...args], {
    stdio: "ignore",
    timeout: 600_000,
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

/** Debian's colour emoji font, so the page's stickers and button emoji show in screenshots. */
const emojiFont = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";

function main() {
  if (process.env.SKIP_CHROMIUM_INSTALL) return;
  const canApt = () => typeof process.getuid === "function" && process.getuid() === 0 && spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
  if (existsSync(chromium)) {
    // Best effort only: without the font, emoji show as boxes in the screenshots; nothing fails.
    if (!existsSync(emojiFont) && canApt()) aptGet("install", "fonts-noto-color-emoji");
    return;
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
  if (process.env.CHROMIUM_PATH || !isRoot || !hasApt) {
    console.warn(`No chromium at ${chromium}: ${hint}.`);
    return;
  }
  console.warn("No chromium for the browser tests: installing Debian's chromium (apt-get install -y chromium)...");
  // A fresh container often has no package lists yet: update only when the first try fails.
  const installed = aptGet("install", "chromium") || (aptGet("update") && aptGet("install", "chromium"));
  if (installed) aptGet("install", "fonts-noto-color-emoji");
  console.warn(installed && existsSync(chromium) ? "chromium installed." : `Could not install chromium: ${hint}.`);
}

try {
  main();
} catch (error) {
  console.warn(`Chromium check skipped (${error instanceof Error ? error.message : String(error)}): ${hint}.`);
}
