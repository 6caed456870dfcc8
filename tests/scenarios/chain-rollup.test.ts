// The bench chain.rollup.3x50 in miniature (tests/bench/chain.ts): two Quận ủy of three phường
// each, built from file copies, one pass. The bench itself throws unless the Thành ủy's total
// equals the sum of every tenant's own figures, so this proves the build and the sum.
import { describe, expect, it } from "vitest";
import { chainRollup } from "../bench/chain";

describe("chain.rollup in miniature", () => {
  it("brings every phường's figures to the Thành ủy in one pass, exactly", async () => {
    const lines = await chainRollup(2, 3);
    const by = Object.fromEntries(lines.map((l) => [l.name, l.value]));
    expect(by["chain.rollup.2x3.tenants"]).toBe(9);
    expect(by["chain.rollup.2x3.control_rows_read"]).toBeGreaterThan(0);
  }, 60_000);
});
