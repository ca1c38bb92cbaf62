// tsx as a loader for a child node process (`node --import <this> app/main.ts`), found from
// the project whatever the child's working folder: one process, so signals reach the bot itself.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "../../core/db/paths";

/** The file URL of tsx's loader, for `--import`. */
export const tsxLoader = pathToFileURL(path.join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;
