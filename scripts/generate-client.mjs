// Generates the Prisma clients (SQLite and PostgreSQL) without the native engine download:
// pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing, non-executable file makes the CLI skip it.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
const schemas = ["prisma/schema.prisma", "prisma/postgres/schema.prisma"];

for (const schema of schemas) {
  execFileSync(process.execPath, [cli, "generate", "--schema", schema], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "package.json"),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
}
