// The turns between tenants (worker/db/tenant-gate.ts) learn what a tenant's request costs,
// to start as many in a turn as the budget fits. A request's time counts what it shares with
// its tenant's other requests running beside it: 100 requests at once must not each look as
// costly as all 100 (then the tenant is let start one a turn, and a busy tenant's cheap
// requests crawl). Compared side by side: the same requests one at a time, then 100 at once.
import { describe, expect, it } from "vitest";
import { tenantGate } from "../../worker/db/tenant-gate";

/** A request: a little work of its own, in three parts with waits between them, as a route
 *  awaits its statements. */
async function request() {
  for (let part = 0; part < 3; part++) {
    const until = performance.now() + 0.1;
    while (performance.now() < until);
    await new Promise((r) => setImmediate(r));
  }
}

async function learned(concurrency: number): Promise<number> {
  const gate = tenantGate(5);
  for (let round = 0; round < 20; round++)
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const done = await gate.enter("t");
        await request();
        done();
      }),
    );
  return gate.cost("t")!;
}

describe("the tenant gate's cost of a request", () => {
  it("is the request's own share, whatever number of its tenant's requests run beside it", async () => {
    const alone = await learned(1);
    const together = await learned(100);
    expect(alone).toBeGreaterThan(0);
    // Counted whole, each of 100 concurrent requests looked ~3 times as costly as alone (the
    // gate then let the tenant start one a turn, which kept it from looking worse); shared,
    // about half (the waits between a request's parts are shared too).
    expect(together).toBeLessThan(alone * 1.5);
  });
});
