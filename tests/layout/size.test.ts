// The house stays readable: no source file outside the built-in templates' data and the
// tests is longer than one can hold in the head (issue 9's limit).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const SOURCE = /\.(ts|tsx|js|css|html)$/;
const EXEMPT = [/^schema\/templates\//, /^tests\//, /^schema\/migrations\//, /\.d\.ts$/];
const MAX_LINES = 400;

describe("layout", () => {
  it(`keeps every source file at ${MAX_LINES} lines or fewer`, () => {
    const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
      encoding: "utf8",
    })
      .split("\n")
      .filter((f) => SOURCE.test(f) && !EXEMPT.some((re) => re.test(f)));
    expect(files.length).toBeGreaterThan(50);
    const long = files
      .map((f) => ({ f, lines: readFileSync(f, "utf8").split("\n").length - 1 }))
      .filter((x) => x.lines > MAX_LINES)
      .map((x) => `${x.f}: ${x.lines}`);
    expect(long).toEqual([]);
  });
});
