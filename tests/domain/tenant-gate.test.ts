// The turns between tenants (worker/db/tenant-gate.ts) learn what a tenant's request costs,
// to start as many in a turn as the budget fits. A request's time counts what it shares with
// its tenant's other requests running beside it: 100 requests at once must not each look as
// costly as all 100 (then the tenant is let start one a turn, and a busy tenant's cheap
// requests crawl). Compared side by side: the same requests one at a time, then 100 at once.
import { describe, expect, it } from "vitest";
import { tenantGate } from "../../worker/db/tenant-gate";

/** The gate's clock, moved by the requests' own work only: the test times nothing. */
let clock = 0;

/** A request: 0.1 ms of work of its own, three times, with waits between the parts, as a
 *  route awaits its statements. */
async function request() {
  for (let part = 0; part < 3; part++) {
    clock += 0.1;
    await new Promise((r) => setImmediate(r));
  }
}

async function learned(concurrency: number): Promise<number> {
  const gate = tenantGate(5, 512, () => clock);
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
    // Counted whole, each of 100 concurrent requests looks several times as costly as alone
    // (the gate then lets the tenant start fewer a turn, which keeps it from looking worse).
    expect(alone).toBeCloseTo(0.3, 1);
    // Shared: 0.16 (the waits between a request's parts are shared too); counted whole, 1.76.
    expect(together).toBeGreaterThan(alone / 4);
    expect(together).toBeLessThan(alone * 2);
  });
});
