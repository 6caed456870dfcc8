// The real Worker bundle (wrangler deploy --dry-run) running in workerd through Miniflare,
// with every database reached over Hrana HTTP: the control plane and each tenant database
// are real libSQL files served by the test-only endpoint in tests/support/hrana.ts, and
// tenant databases are created through a stand-in of the Turso Platform API (an outside
// edge: the only thing mocked here).
import { join } from "node:path";
import { createClient } from "@libsql/client";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORG, startWorkerBundle, tenantCall } from "../support/worker-bundle";

let bundle: Awaited<ReturnType<typeof startWorkerBundle>>;
let mf: Miniflare;
let dir: string;
let standIn: typeof bundle.standIn;
let hosts: string[];

beforeAll(async () => {
  bundle = await startWorkerBundle({ queue: true });
  ({ mf, dir, standIn, hosts } = bundle);
}, 180_000);

afterAll(async () => {
  await bundle?.close();
});

const json = (body: unknown) => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

describe("the Worker bundle in workerd", () => {
  it("answers health", async () => {
    const res = await mf.dispatchFetch("https://app.example/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: "0.1.0" });
  });

  it("signs a tenant up (database made through the Platform API), logs in and reads /me", async () => {
    const signup = await mf.dispatchFetch(
      "https://app.example/api/signup",
      json({
        tenant: {
          slug: "phuong-tren-worker",
          name: "Đảng bộ phường Trên Mây",
          kind: "dang-uy-phuong",
        },
        admin: {
          email: "admin@tren-may.vn",
          password: "mat-khau-du-dai",
          fullName: "Phạm Thị Vân",
        },
      }),
    );
    expect(signup.status).toBe(201);
    const created = (await signup.json()) as { tenant: { id: string } };
    expect(standIn.databases()).toEqual([`t-${created.tenant.id}`]);
    expect(signup.headers.get("set-cookie")).toMatch(/^__Secure-sid-phuong-tren-worker=.+Secure/);

    const bad = await mf.dispatchFetch(
      "https://app.example/api/t/phuong-tren-worker/auth/login",
      json({ email: "admin@tren-may.vn", password: "sai-mat-khau-roi" }),
    );
    expect(bad.status).toBe(401);

    const login = await mf.dispatchFetch(
      "https://app.example/api/t/phuong-tren-worker/auth/login",
      json({ email: "admin@tren-may.vn", password: "mat-khau-du-dai" }),
    );
    expect(login.status).toBe(200);
    const { token, user } = (await login.json()) as { token: string; user: { fullName: string } };
    expect(user.fullName).toBe("Phạm Thị Vân");

    const me = await mf.dispatchFetch("https://app.example/api/t/phuong-tren-worker/me", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { grants: unknown }).grants).toEqual([
      { role: "admin", unitId: null },
    ]);
    expect(hosts).toContain(`t-${created.tenant.id}-${ORG}.turso.io`);
  });

  it("refuses a duplicate slug with 409 and leaves no extra database", async () => {
    const before = standIn.databases().length;
    const body = {
      tenant: { slug: "phuong-trung", name: "Đảng bộ phường Trùng", kind: "dang-uy-phuong" },
      admin: { email: "a@trung.vn", password: "mat-khau-du-dai", fullName: "Người Một" },
    };
    expect((await mf.dispatchFetch("https://app.example/api/signup", json(body))).status).toBe(201);
    const again = await mf.dispatchFetch("https://app.example/api/signup", json(body));
    expect(again.status).toBe(409);
    expect(standIn.databases().length).toBe(before + 1);
  });

  it("cleans up when the Platform API refuses to create a database", async () => {
    standIn.failNextCreate(500);
    const res = await mf.dispatchFetch(
      "https://app.example/api/signup",
      json({
        tenant: { slug: "phuong-loi", name: "Đảng bộ phường Lỗi", kind: "dang-uy-phuong" },
        admin: { email: "a@loi.vn", password: "mat-khau-du-dai", fullName: "Người Hai" },
      }),
    );
    expect(res.status).toBe(503);
    const info = await mf.dispatchFetch("https://app.example/api/tenants/phuong-loi");
    expect(info.status).toBe(404);
  });

  it("runs the cron: a scheduled event fans out per tenant through the Queue, and rollups reach the parent and the level above it", async () => {
    const signup = async (slug: string, email: string) => {
      const res = await mf.dispatchFetch(
        "https://app.example/api/signup",
        json({
          tenant: { slug, name: `Đảng bộ ${slug}`, kind: "dang-uy-phuong" },
          admin: { email, password: "mat-khau-du-dai", fullName: "Quản Trị" },
        }),
      );
      expect(res.status).toBe(201);
      return ((await res.json()) as { token: string }).token;
    };
    const parent = await signup("quan-cha", "a@cha.vn");
    const child = await signup("phuong-con", "a@con.vn");
    const call = <T>(token: string, slug: string, method: string, path: string, body?: unknown) =>
      tenantCall<T>(mf, token, slug, method, path, body);
    const cell = await call<{ id: string }>(child, "phuong-con", "POST", "/units", {
      name: "Chi bộ số 1",
      kind: "chi-bo",
    });
    await call(child, "phuong-con", "POST", "/members", {
      fullName: "Nguyễn Thị Bí Mật",
      unitId: cell.body.id,
    });
    const day = (offset: number) =>
      new Date(Date.now() + 7 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);
    const campaign = await call<{ id: string }>(child, "phuong-con", "POST", "/campaigns", {
      templateKey: "tu-soi-tu-sua",
      name: "Tự soi, tự sửa",
      startsOn: day(-5),
      dueOn: day(20),
      unitIds: [cell.body.id],
    });
    expect(
      (await call(child, "phuong-con", "POST", `/campaigns/${campaign.body.id}/launch`)).status,
    ).toBe(200);
    const link = await call<{ id: string }>(child, "phuong-con", "POST", "/links", {
      parentSlug: "quan-cha",
    });
    expect((await call(parent, "quan-cha", "POST", `/links/${link.body.id}/approve`)).status).toBe(
      200,
    );

    // A third level above: the Quận reports to a Thành ủy, which sees the whole subtree.
    const top = await signup("thanh-ong", "a@ong.vn");
    const up = await call<{ id: string }>(parent, "quan-cha", "POST", "/links", {
      parentSlug: "thanh-ong",
    });
    expect((await call(top, "thanh-ong", "POST", `/links/${up.body.id}/approve`)).status).toBe(200);

    const worker = await mf.getWorker();
    const fired = await worker.scheduled({ cron: "*/15 * * * *", scheduledTime: new Date() });
    expect(fired.outcome).toBe("ok");
    type Children = {
      children: { tenant: { slug: string }; campaigns: { name: string; expected: number }[] }[];
    };
    let children: Children["children"] = [];
    for (let i = 0; i < 50 && !children.some((c) => c.campaigns.length); i++) {
      await new Promise((r) => setTimeout(r, 200));
      children = (await call<Children>(parent, "quan-cha", "GET", "/children/progress")).body
        .children;
    }
    expect(
      children.map((c) => [c.tenant.slug, c.campaigns.map((x) => [x.name, x.expected])]),
    ).toEqual([["phuong-con", [["Tự soi, tự sửa", 1]]]]);
    expect(JSON.stringify(children)).not.toContain("Bí Mật");
    type Node = {
      tenant: { slug: string };
      totals: { expected: number }[];
      children: Node[];
    };
    const above = (await call<{ children: Node[] }>(top, "thanh-ong", "GET", "/children/progress"))
      .body.children;
    expect(
      above.map((n) => [
        n.tenant.slug,
        n.totals.map((x) => x.expected),
        n.children.map((c) => [c.tenant.slug, c.totals.map((x) => x.expected)]),
      ]),
    ).toEqual([["quan-cha", [1], [["phuong-con", [1]]]]]);
    expect(JSON.stringify(above)).not.toContain("Bí Mật");

    // A second scheduled event (at-least-once delivery, or the next tick) counts nothing twice.
    await worker.scheduled({ cron: "*/15 * * * *", scheduledTime: new Date() });
    await new Promise((r) => setTimeout(r, 2500));
    const control = createClient({ url: `file:${join(dir, "control.db")}` });
    const rows = await control.execute("SELECT count(*) AS n FROM rollups");
    control.close();
    expect(Number(rows.rows[0]!.n)).toBe(1);
  });
});
