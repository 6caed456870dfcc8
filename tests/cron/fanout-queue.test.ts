// The Workers fan-out (worker/cron/queue.ts) driven on the embedded default: the Queue is the
// outside edge, played here by an array that delivers batches — and delivers the first page
// twice, as at-least-once delivery may. Pages of 2 chain to the end; each due tenant is opened
// once, idle ones never; every message is acknowledged.
import { afterEach, describe, expect, it } from "vitest";
import { runScheduledPass } from "../../worker/cron";
import { consumeJobs, firstPage, type Job, type JobMessage } from "../../worker/cron/queue";
import { markTenantChanged } from "../../worker/data/tenants";
import { makeApp, signupTenant, type TestApp } from "../support/app";

let t: TestApp;
afterEach(() => t?.close());

describe("the Queue fan-out", () => {
  it("chains pages over the tenants due, opens each once and idle ones never, redelivery included", async () => {
    t = await makeApp();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await signupTenant(t, `phuong-${i}`)).tenant.id);
    await runScheduledPass(t.platform); // every new tenant's first pass: all idle after it
    const marked = ids.slice(0, 5);
    for (const id of marked) await markTenantChanged(t.platform.control().db, id, t.clock.now);

    const opened: string[] = [];
    const real = t.platform.tenant.bind(t.platform);
    t.platform.tenant = (x) => (opened.push(x.id), real(x));
    const queue: Job[] = [firstPage(t.clock.now.getTime())];
    const producer = {
      sendBatch: async (m: { body: Job }[]) => queue.push(...m.map((x) => x.body)),
    };
    const outcome = { delivered: 0, acked: 0, retried: 0, pages: 0 };
    let redelivered = false;
    let n = 0;
    while (queue.length) {
      const batch = queue.splice(0, 3);
      outcome.pages += batch.filter((b) => b.kind === "page").length;
      outcome.delivered += batch.length;
      const messages: JobMessage[] = batch.map((body) => ({
        id: `m-${n++}`,
        body,
        ack: () => outcome.acked++,
        retry: () => outcome.retried++,
      }));
      await consumeJobs(t.platform, producer, messages, 2);
      if (!redelivered) {
        redelivered = true;
        queue.push(firstPage(t.clock.now.getTime()));
      }
    }
    expect(opened.sort()).toEqual([...marked].sort());
    expect(outcome.retried).toBe(0);
    // 5 due tenants in pages of 2: three pages chained (and more from the redelivered first).
    expect(outcome.pages).toBeGreaterThanOrEqual(4);
    expect(outcome.acked).toBe(outcome.delivered);
    expect((await runScheduledPass(t.platform)).tenants).toEqual([]);
  });
});
