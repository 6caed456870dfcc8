// The scheduled pass on the embedded default: reminders on the right ICT day, idempotent
// passes (twice, killed midway, concurrent), the outbox, rollups pushed to linked parents.
// The outbound e-mail/webhook transport is the one mock here: it is the outside edge.
import { afterEach, describe, expect, it } from "vitest";
import { acquireLease } from "../../worker/cron/lease";
import { activeTenants, runScheduledPass, runTenantJobs } from "../../worker/cron";
import { signWebhook } from "../../worker/cron/outbox";
import type { Outbound } from "../../worker/env";
import { makeApp, openTenantBySlug, type TestApp } from "../support/app";
import {
  buildTree,
  submitPlan000,
  notificationsOf,
  ONE_CONFIRMED_PLAN,
  treeWith000,
  type Tree,
} from "../support/tree";

let t: TestApp;
afterEach(() => t?.close());

interface Sent {
  webhooks: { url: string; body: string; idempotencyKey: string; signature: string | null }[];
  emails: { to: string; subject: string; idempotencyKey: string }[];
  failWebhooks: number;
}
const capture = (): [Outbound, Sent] => {
  const sent: Sent = { webhooks: [], emails: [], failWebhooks: 0 };
  return [
    {
      async webhook(m) {
        if (sent.failWebhooks > 0) {
          sent.failWebhooks--;
          throw new Error("relay down");
        }
        sent.webhooks.push(m);
      },
      async email(m) {
        sent.emails.push(m);
      },
    },
    sent,
  ];
};

const notes = notificationsOf;
const count = async (t: TestApp, tree: Tree, table: string) => {
  const { client } = await openTenantBySlug(t, tree.slug);
  return Number((await client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
};

describe("reminders", () => {
  it("reminds a member 3 ICT days before the plan is due — not at 23:59 the day before — and once overdue", async () => {
    t = await makeApp();
    const { tree } = await treeWith000(t);
    // The plan is due before 9/4 (8/4 17:00 UTC); three days' notice starts on 6/4 ICT.
    t.clock.now = new Date("2026-04-05T16:59:00Z"); // 23:59 on 5/4 ICT
    await runScheduledPass(t.platform);
    expect(await notes(tree, "a2")).toEqual([]);
    t.clock.now = new Date("2026-04-05T17:00:00Z"); // 00:00 on 6/4 ICT
    await runScheduledPass(t.platform);
    expect((await notes(tree, "a2")).map((n) => n.title)).toEqual([
      "Kế hoạch cá nhân (Tự soi, tự sửa 2026) cần nộp hạn cuối 08/04/2026.",
    ]);
    // Excused members are not reminded.
    expect(await notes(tree, "a3")).toEqual([]);
    t.clock.now = new Date("2026-04-08T17:00:00Z");
    await runScheduledPass(t.platform);
    expect((await notes(tree, "a2")).map((n) => n.title)[0]).toBe(
      "Kế hoạch cá nhân (Tự soi, tự sửa 2026) đã quá hạn 08/04/2026: hãy hoàn thành và nộp.",
    );
  });

  it("gives a secretary one digest of the day's items, and nothing twice when the pass runs again", async () => {
    t = await makeApp();
    const { tree, id } = await treeWith000(t);
    await submitPlan000(tree.api, id, "a2", "Trần Thị Bình");
    await tree.api("a1", "POST", `/campaigns/${id}/meetings`, {
      unitId: tree.cellA.id,
      stepKey: "hoi-nghi",
      scheduledAt: "2026-04-09T19:30:00+07:00",
    });
    t.clock.now = new Date("2026-04-06T01:00:00Z");
    await runScheduledPass(t.platform);
    // (Beside the plan-submitted notification of a2's plan, an event's: event-notices.test.ts.)
    const secretary = (await notes(tree, "a1")).filter((n) => n.kind === "reminder-digest");
    expect(secretary).toHaveLength(1);
    expect(secretary[0]!.title).toBe("Việc cần làm (06/04/2026): 3 việc");
    expect(secretary[0]!.body.split("\n").sort()).toEqual(
      [
        "• Chi bộ Khu dân cư số 1: 1 kế hoạch đang chờ chi bộ xác nhận (Tự soi, tự sửa 2026).",
        "• Chi bộ Khu dân cư số 1: gửi tài liệu cho «Tổ chức hội nghị sinh hoạt chính trị “Tự soi, tự sửa”» trước 06/04/2026 (ít nhất 3 ngày trước buổi sinh hoạt).",
        "• Kế hoạch cá nhân (Tự soi, tự sửa 2026) cần nộp hạn cuối 08/04/2026.",
      ].sort(),
    );
    const before = {
      notifications: await count(t, tree, "notifications"),
      ledger: await count(t, tree, "reminder_ledger"),
      snapshots: await count(t, tree, "progress_snapshots"),
    };
    // Nothing is due until the next ICT day: the next pass does not even open the tenant, and
    // running its jobs anyway changes nothing.
    expect((await runScheduledPass(t.platform)).tenants).toEqual([]);
    const [record] = (await activeTenants(t.platform)).filter((x) => x.slug === tree.slug);
    const again = await runTenantJobs(t.platform, record!, "forced");
    expect(again).toMatchObject({
      ran: true,
      reminders: { notifications: 0 },
      rollup: { skipped: 1, snapshots: 0 },
    });
    expect({
      notifications: await count(t, tree, "notifications"),
      ledger: await count(t, tree, "reminder_ledger"),
      snapshots: await count(t, tree, "progress_snapshots"),
    }).toEqual(before);
  });

  it("finishes a pass that died midway, without duplicates", async () => {
    t = await makeApp();
    const { tree } = await treeWith000(t);
    t.clock.now = new Date("2026-04-07T01:00:00Z");
    // The first pass dies after deciding the reminders, before any digest is written: at its
    // fourth batch (the first reads what every pass reads, the day's cursor with it; the
    // second what the day decides from, with the page of members; the third writes the
    // ledger's items and reads the first page of people; the fourth would write their digests).
    const real = t.platform.tenant.bind(t.platform);
    let batches = 0;
    t.platform.tenant = (x) => {
      const h = real(x);
      const db = new Proxy(h.db, {
        get(target, prop, receiver) {
          if (prop === "batch" && ++batches === 4) {
            return () => Promise.reject(new Error("process killed (simulated)"));
          }
          return Reflect.get(target, prop, receiver);
        },
      });
      return { ...h, db };
    };
    const died = await runScheduledPass(t.platform);
    expect(died.tenants.find((r) => r.tenant === tree.slug)!.ran).toBe(false);
    expect(await count(t, tree, "reminder_ledger")).toBeGreaterThan(0);
    expect(await count(t, tree, "notifications")).toBe(0);
    t.platform.tenant = real;
    // The tenant is retried once the dead pass's lease has run out.
    expect((await runScheduledPass(t.platform)).tenants).toEqual([]);
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    await runScheduledPass(t.platform);
    const afterRerun = await count(t, tree, "notifications");
    // a1, a2, a5, b1, b2 are reminded of their plan; a1 and b1 get it with their cell items.
    expect(afterRerun).toBe(5);
    await runScheduledPass(t.platform);
    expect(await count(t, tree, "notifications")).toBe(afterRerun);
  });
});

describe("leases", () => {
  it("lets exactly one of many concurrent takers hold a tenant, and a pass skip a held tenant", async () => {
    t = await makeApp();
    const one = await buildTree(t, "phuong-mot");
    await buildTree(t, "phuong-hai");
    const control = t.platform.control().db;
    const now = t.clock.now;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        acquireLease(control, "tenant:x", `holder-${i}`, 60_000, now),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const [tenantOne] = (await activeTenants(t.platform)).filter((x) => x.slug === one.slug);
    expect(
      await acquireLease(control, `tenant:${tenantOne!.id}`, "another-pass", 15 * 60_000, now),
    ).toBe(true);
    const pass = await runScheduledPass(t.platform, "this-pass");
    expect(Object.fromEntries(pass.tenants.map((r) => [r.tenant, r.ran]))).toEqual({
      "phuong-mot": false,
      "phuong-hai": true,
    });
    // Once the other pass's lease expires, the tenant is run again.
    t.clock.now = new Date(now.getTime() + 16 * 60_000);
    expect((await runTenantJobs(t.platform, tenantOne!, "later")).ran).toBe(true);
  });
});

describe("outbox", () => {
  it("signs webhooks, retries with backoff, and holds messages in quiet hours", async () => {
    const [outbound, sent] = capture();
    t = await makeApp({ outbound });
    const { tree } = await treeWith000(t);
    const settings = {
      daysBefore: 3,
      quietHours: { from: "21:00", to: "07:00" },
      email: true,
      webhookUrl: "https://relay.example/zalo",
      webhookSecret: "bi-mat-cua-phuong-2026",
    };
    expect((await tree.api("admin", "PUT", "/settings/notifications", settings)).status).toBe(204);
    // 22:00 ICT: the digest is made in-app, but nothing leaves until 07:00.
    t.clock.now = new Date("2026-04-06T15:00:00Z");
    sent.failWebhooks = 1;
    await runScheduledPass(t.platform);
    expect((await notes(tree, "a2")).length).toBe(1);
    expect(sent.webhooks.length + sent.emails.length).toBe(0);
    t.clock.now = new Date("2026-04-07T00:00:00Z"); // 07:00 ICT
    await runScheduledPass(t.platform);
    // Five people are reminded; each has an e-mail address on file.
    expect(sent.emails.length).toBe(5);
    // The first webhook failed and waits one minute; the other four went.
    expect(sent.webhooks.length).toBe(4);
    t.clock.now = new Date("2026-04-07T00:01:00Z");
    await runScheduledPass(t.platform);
    expect(sent.webhooks.length).toBe(5);
    for (const w of sent.webhooks)
      expect(w.signature).toBe(signWebhook(settings.webhookSecret, w.body));
    expect(new Set(sent.webhooks.map((w) => w.idempotencyKey)).size).toBe(5);
    await runScheduledPass(t.platform);
    expect(sent.webhooks.length + sent.emails.length).toBe(10);
  });
});

describe("parents", () => {
  it("pushes aggregates to an approved parent — never names or plan text — and stops when revoked", async () => {
    t = await makeApp();
    const { tree: child, id } = await treeWith000(t, "phuong-con");
    const parent = await buildTree(t, "quan-cha");
    const stranger = await buildTree(t, "phuong-la");
    const subId = await submitPlan000(child.api, id, "a2", "Trần Thị Bình");
    await child.api("a1", "POST", `/submissions/${subId}/confirm`);

    const link = await child.api<{ id: string; status: string }>("admin", "POST", "/links", {
      parentSlug: "quan-cha",
    });
    expect(link).toEqual({ status: 201, body: { id: expect.any(String), status: "pending" } });
    await runScheduledPass(t.platform);
    expect(
      (await parent.api<{ children: unknown[] }>("admin", "GET", "/children/progress")).body
        .children,
    ).toEqual([]);
    // Only the parent approves; the child cannot approve its own request; a stranger sees no link.
    expect((await child.api("admin", "POST", `/links/${link.body.id}/approve`)).status).toBe(403);
    expect((await stranger.api("admin", "POST", `/links/${link.body.id}/approve`)).status).toBe(
      404,
    );
    expect((await parent.api("admin", "POST", `/links/${link.body.id}/approve`)).body).toEqual({
      id: link.body.id,
      status: "approved",
    });

    await runScheduledPass(t.platform);
    const res = await parent.api<{
      children: { tenant: { slug: string }; campaigns: Record<string, unknown>[] }[];
    }>("admin", "GET", "/children/progress");
    expect(res.body.children).toEqual([
      {
        tenant: { slug: "phuong-con", name: "Đảng bộ phuong-con" },
        campaigns: [
          {
            name: "Tự soi, tự sửa 2026",
            templateKey: "tu-soi-tu-sua",
            directiveId: null,
            directiveName: null,
            ...ONE_CONFIRMED_PLAN,
            computedAt: "2026-03-12T02:00:00.000Z",
          },
        ],
        // The child's subtree total (no directive of the parent's: null), and its own
        // children, none here.
        totals: [
          {
            directiveId: null,
            directiveName: null,
            ...ONE_CONFIRMED_PLAN,
            oldestComputedAt: "2026-03-12T02:00:00.000Z",
          },
        ],
        children: [],
      },
    ]);
    const text = JSON.stringify(res.body);
    for (const secret of [
      "Trần Thị Bình",
      "Nguyễn Văn An",
      "Giữ gìn phẩm chất",
      "Khắc phục hạn chế",
    ])
      expect(text).not.toContain(secret);
    expect(
      (await stranger.api<{ children: unknown[] }>("admin", "GET", "/children/progress")).body
        .children,
    ).toEqual([]);
    // A member of the parent cannot read it; the parent's viewer can.
    expect((await parent.api("a2", "GET", "/children/progress")).status).toBe(403);

    expect((await child.api("admin", "POST", `/links/${link.body.id}/revoke`)).body).toEqual({
      id: link.body.id,
      status: "revoked",
    });
    expect(
      (await parent.api<{ children: unknown[] }>("admin", "GET", "/children/progress")).body
        .children,
    ).toEqual([]);
  });

  it("lets a linked child adopt the parent's directive, and groups the child's figures under it", async () => {
    t = await makeApp();
    t.clock.now = new Date("2026-03-12T02:00:00Z");
    const child = await buildTree(t, "phuong-con");
    const parent = await buildTree(t, "quan-cha");
    const link = await child.api<{ id: string }>("admin", "POST", "/links", {
      parentSlug: "quan-cha",
    });
    await parent.api("admin", "POST", `/links/${link.body.id}/approve`);
    const directive = await parent.api<{ id: string }>("admin", "POST", "/directives", {
      templateKey: "tu-soi-tu-sua",
      name: "Hướng dẫn 05-HD/QU",
      startsOn: "2026-03-11",
      dueOn: "2026-04-10",
    });
    expect(directive.status).toBe(201);
    const seen = (
      await child.api<{ directives: { id: string; own: boolean; lockedSections: string[] }[] }>(
        "admin",
        "GET",
        "/directives",
      )
    ).body.directives;
    expect(seen.map((d) => [d.id, d.own, d.lockedSections])).toEqual([
      [directive.body.id, false, ["steps", "forms", "lists"]],
    ]);
    const adopted = await child.api<{ id: string }>(
      "admin",
      "POST",
      `/directives/${directive.body.id}/adopt`,
      { unitIds: [child.root.id] },
    );
    expect(adopted.status).toBe(201);
    await child.api("admin", "POST", `/campaigns/${adopted.body.id}/launch`);
    await runScheduledPass(t.platform);
    const res = await parent.api<{
      children: { campaigns: { directiveName: string; expected: number }[] }[];
    }>("admin", "GET", "/children/progress");
    expect(res.body.children[0]!.campaigns.map((c) => [c.directiveName, c.expected])).toEqual([
      ["Hướng dẫn 05-HD/QU", 5],
    ]);
    // An unlinked tenant cannot adopt it.
    const other = await buildTree(t, "phuong-khac");
    expect(
      (
        await other.api("admin", "POST", `/directives/${directive.body.id}/adopt`, {
          unitIds: [other.root.id],
        })
      ).status,
    ).toBe(404);
  });
});
