// The tenant gate (db/tenant-gate.ts) on Node: a flood of anonymous requests to one tenant —
// logins with made-up e-mails — fills that tenant's anonymous lane and is refused there (503),
// while the tenant's signed-in people keep being served (middleware/turns.ts).
import { describe, expect, it } from "vitest";
import { tenantGate } from "../../worker/db/tenant-gate";
import { treeAt } from "../support/tree";

describe("the tenant gate's lanes", () => {
  it("refuses an anonymous flood past its lane's limit, never a signed-in request", async () => {
    const tree = await treeAt();
    // No budget: one request a lane a turn, and at most 4 waiting in a lane.
    tree.t.platform.tenantGate = tenantGate(0, 4);
    let n = 0;
    tree.t.platform.clientAddress = () => `10.1.0.${++n}`;
    const logins = Array.from({ length: 20 }, (_, i) =>
      tree.t.request("POST", "/api/t/phuong-mau/auth/login", {
        body: { email: `khong-co-${i}@phuong-mau.vn`, password: "doan-bua-di-thoi" },
      }),
    );
    const me = tree.api("admin", "GET", "/me");
    const [meAnswer, ...floodAnswers] = await Promise.all([me, ...logins]);
    // The flood did fill its lane…
    expect(floodAnswers.filter((r) => r.status === 503).length).toBeGreaterThan(0);
    // …and the signed-in admin was served all the same.
    expect(meAnswer.status).toBe(200);
  });
});
