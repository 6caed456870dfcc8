import { defineConfig } from "vitest/config";

// One vitest run covers every project; `--project <name>` runs one (`npm run test:unit` is
// the pure rules and schemas, seconds). Files run in parallel processes; each test owns its
// data (fresh DATA_DIR or :memory:), so no order matters.
const project = (name: string, include: string[]) => ({
  extends: true as const,
  test: { name, include },
});

export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      // Pure functions: domain rules, template schemas, roster files, the Hrana fixture.
      project("unit", [
        "tests/domain/**/*.test.ts",
        "tests/schema/**/*.test.ts",
        "tests/layout/**/*.test.ts",
      ]),
      // The real app over real libSQL files (app.request), scenarios and the cron.
      project("integration", [
        "tests/routes/**/*.test.ts",
        "tests/scenarios/**/*.test.ts",
        "tests/cron/**/*.test.ts",
        "tests/support/**/*.test.ts",
      ]),
      // One tenant of 10,000 members through launch, reminders and rollup under a Worker-sized
      // heap (`npm run test:scale` runs 500,000: tests/scale/vitest.config.ts).
      {
        extends: true as const,
        test: {
          name: "scale",
          include: ["tests/scale/**/*.test.ts"],
          execArgv: ["--max-old-space-size=128", "--expose-gc"],
          testTimeout: 300_000,
        },
      },
      // The built Worker bundle in workerd (Miniflare) against libSQL over Hrana HTTP.
      project("workers", ["tests/workers/**/*.test.ts"]),
      // Debian's Chromium driving the built client against the Node server.
      project("e2e", ["tests/e2e/**/*.test.ts"]),
    ],
  },
});
