// Compiles the bot into dist/app/main.mjs for `npm start`: plain node on one bundle starts in
// about half the time of tsx and without its memory. Packages stay in node_modules (not
// bundled); a channel loaded with import() becomes its own chunk, read only when that channel
// is on. The bundle sits two folders below the root, as app/main.ts does, and finds the
// project's files (locales, prisma, emulator) by walking up.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Bundles `entry` (a path from the root) into `dist/<folder>/<name>.mjs`, the way the app is
 * bundled, after emptying that folder; resolves with the bundle's path. The bench compiles
 * its bot process with it too, so both run the bot as `npm start` does.
 */
export async function bundle(entry, folder, name) {
  const outdir = path.join(root, "dist", folder);
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { [name]: entry },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
  });
  return path.join(outdir, `${name}.mjs`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle("app/main.ts", "app", "main");
}
