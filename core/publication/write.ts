// Writing the site to a folder for any web server or the agency's portal. Each run replaces
// the previous one whole, so a story withdrawn since leaves no page or photo behind; a folder
// that holds anything else is left alone.
import { existsSync, readdirSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteFile } from "./site";

/** The file that marks a folder as one this generator wrote (and may therefore replace). */
export const siteMarker = ".guong-sang-site";

/** Refused: the output folder has files this generator did not write. */
export class SiteOutputError extends Error {
  constructor(readonly folder: string) {
    super(`Thư mục ${folder} đã có tệp khác, không ghi đè / ${folder} holds other files; not overwriting it`);
    this.name = "SiteOutputError";
  }
}

/** Writes every file into `out` (created if missing, replaced if it holds an earlier site); returns how many. */
export async function writeSite(files: SiteFile[], out: string): Promise<number> {
  const target = path.resolve(out);
  if (existsSync(target) && readdirSync(target).length > 0 && !existsSync(path.join(target, siteMarker))) throw new SiteOutputError(target);
  // Built beside the target and swapped in, so a reader never sees half a site.
  const staging = `${target}.writing-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  for (const file of files) {
    const full = path.join(staging, file.path);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, await file.render());
  }
  await writeFile(path.join(staging, siteMarker), "Gương Sáng public site: this folder is replaced by each `npm run site`.\n");
  const previous = `${target}.previous-${process.pid}`;
  if (existsSync(target)) await rename(target, previous);
  await rename(staging, target);
  await rm(previous, { recursive: true, force: true });
  return files.length;
}
