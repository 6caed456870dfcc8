import { defineConfig } from "vitest/config";

// `npm run test:scale`: tests/scale at 500,000 members (SCALE_MEMBERS), on demand. The heap is
// capped as a Worker's memory is: a job that loads the tenant dies instead of passing.
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["tests/scale/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 1,
    execArgv: ["--max-old-space-size=128", "--expose-gc"],
    env: { SCALE_MEMBERS: process.env.SCALE_MEMBERS ?? "500000" },
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
  },
});
