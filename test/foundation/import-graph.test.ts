// The direction of dependencies: the domain (core/) knows no channel and no handler; the
// channel adapters (bot/) know the domain's port but not the handlers; only the composition
// root (app/) sees everything. Read from the source files' import statements.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** The top folders whose imports are checked, and the folders each must never import. */
const forbidden: Record<string, readonly string[]> = {
  core: ["bot", "handlers", "app"],
  bot: ["handlers", "app"],
  handlers: ["bot", "app"],
};

// === Reading the graph

/** Every .ts file under a folder, generated code left out. */
function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !path.join(e.parentPath, e.name).includes(`${path.sep}generated${path.sep}`))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** The relative module specifiers a file imports or re-exports, static or dynamic. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+["'](\.{1,2}\/[^"']+)["']/g, /\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g, /^\s*import\s+["'](\.{1,2}\/[^"']+)["']/gm];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]!);
  return found;
}

/** The top folder a file's import lands in (e.g. "core"), or undefined outside the project. */
function topFolderOf(file: string, specifier: string): string | undefined {
  const target = path.relative(root, path.resolve(root, path.dirname(file), specifier));
  return target.startsWith("..") ? undefined : target.split(path.sep)[0];
}

/** "from -> to" for every import that goes against the direction. */
function violations(): string[] {
  const found: string[] = [];
  for (const [folder, banned] of Object.entries(forbidden)) {
    for (const file of sourceFiles(folder)) {
      for (const specifier of importsOf(readFileSync(path.join(root, file), "utf8"))) {
        const top = topFolderOf(file, specifier);
        if (top && banned.includes(top)) found.push(`${file} -> ${specifier}`);
      }
    }
  }
  return found;
}

// === Tests

describe("import graph", () => {
  it("reads static, dynamic, type-only and side-effect imports and re-exports", () => {
    const source = [
      'import type { A } from "../bot/port";',
      'import { b,\n  c } from "./b";',
      'export { d } from "../../handlers/d";',
      'const e = await import("../app/e");',
      'import "./side-effect";',
      'import { pino } from "pino";',
    ].join("\n");
    expect(importsOf(source).sort()).toEqual(["../../handlers/d", "../app/e", "../bot/port", "./b", "./side-effect"]);
  });

  it("sees the imports that are allowed (handlers use the domain), so an empty result means something", () => {
    const handlersToCore = sourceFiles("handlers").flatMap((file) =>
      importsOf(readFileSync(path.join(root, file), "utf8")).filter((s) => topFolderOf(file, s) === "core"),
    );
    expect(handlersToCore.length).toBeGreaterThan(10);
  });

  it("has no arrow from core/ to bot/, handlers/ or app/, nor from bot/ or handlers/ to each other or app/", () => {
    expect(violations()).toEqual([]);
  });
});
