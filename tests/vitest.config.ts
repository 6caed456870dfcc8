import { defineConfig } from "vitest/config";

// One vitest run covers unit, integration (app.request over real libSQL files), the Worker
// bundle in Miniflare and the browser tests. Files run in parallel processes; each test owns
// its data (fresh DATA_DIR or :memory:), so no order matters.
export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
