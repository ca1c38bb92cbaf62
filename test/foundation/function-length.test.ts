// Functions stay short enough to read in one screen: none in the project's source is over 80
// lines (a long one is split into named parts, as startBotApp and the conversation handler).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const maxLines = 80;

/** Every function, method, arrow and constructor with a body, and its length in lines. */
function functionLengths(file: string, source: string): { name: string; lines: number }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const named = node.name?.getText(sf) ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(sf) : "(anonymous)");
      found.push({ name: `${path.relative(root, file)}:${first + 1} ${named}`, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function sourceFiles(): string[] {
  return ["app", "bot", "core", "handlers", "emulator", "scripts"].flatMap((dir) =>
    readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
      .map((e) => path.join(e.parentPath, e.name))
      .filter((f) => f.endsWith(".ts") && !f.includes(`${path.sep}generated${path.sep}`)),
  );
}

describe("function length", () => {
  it("measures a function from its first line to its last", () => {
    const lengths = functionLengths(path.join(root, "x.ts"), "function a() {\n  return 1;\n}\nconst b = () => {\n\n};\n");
    expect(lengths.map((l) => [l.name, l.lines])).toEqual([
      ["x.ts:1 a", 3],
      ["x.ts:4 b", 3],
    ]);
  });

  it(`has no function over ${maxLines} lines`, () => {
    const long = sourceFiles()
      .flatMap((file) => functionLengths(file, readFileSync(file, "utf8")))
      .filter((f) => f.lines > maxLines)
      .map((f) => `${f.name} (${f.lines} lines)`);
    expect(long).toEqual([]);
  });
});
