import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // End-to-end tests bind ports and SQLite files; a few at a time keeps a 2-core machine calm.
    maxWorkers: 2,
  },
});
