// chain.rollup.3x50 — issue 11's chain at a city's size: one Thành ủy, 30 Quận ủy, 50 phường
// each (1,530 tenants), one directive adopted all the way down (the Thành ủy's, republished by
// each Quận ủy, adopted and launched by every phường). One scheduled pass on the embedded
// default with every tenant changed; reported: the seconds until the figures are at the top
// (the pass, then the Thành ủy's GET /children/progress), each part, and the control-plane
// rows read by the pass (rows returned to it, counted on the control client).
//
// Built fast: one Quận ủy and one phường are made through the API (sign-up, link, publish,
// adopt, republish, launch); the other tenants are file copies of those two databases (one
// phường variant per Quận ủy, its campaign pointed at that Quận ủy's directive), with their
// tenant, link and directive rows written straight into the control plane. The result is
// checked: the top's total equals the sum of every tenant's own figures, exactly.
import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { migrations } from "../../schema/migrations";
import { directives, tenantLinks, tenants } from "../../schema/tables/control";
import { createSession } from "../../worker/auth/sessions";
import { runScheduledPass } from "../../worker/cron";
import { newId } from "../../worker/data/ids";
import { latestVersion } from "../../worker/db/migrate";
import { makeApp } from "../support/app";
import { buildTree, type Tree } from "../support/tree";

const round2 = (x: number) => Math.round(x * 100) / 100;
type Row = typeof tenants.$inferInsert;

export async function chainRollup(quanCount: number, phuongPerQuan: number) {
  const t = await makeApp();
  try {
    t.clock.now = new Date("2026-03-12T02:00:00Z");
    const [thanh, quan, phuong] = [
      await buildTree(t, "thanh-uy"),
      await buildTree(t, "quan-0"),
      await buildTree(t, "phuong-0-0"),
    ];
    const ok = async (tree: Tree, method: string, path: string, body?: unknown) => {
      const r = await tree.api<{ id: string }>("admin", method, path, body);
      if (r.status >= 300)
        throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const link = async (child: Tree, parent: Tree) =>
      ok(
        parent,
        "POST",
        `/links/${(await ok(child, "POST", "/links", { parentSlug: parent.slug })).id}/approve`,
      );
    await link(quan, thanh);
    await link(phuong, quan);
    const d1 = await ok(thanh, "POST", "/directives", {
      templateKey: "tu-soi-tu-sua",
      name: "Chỉ thị về kỷ cương",
      documentNo: "24-CT/TU",
      startsOn: "2026-03-11",
      dueOn: "2026-04-10",
    });
    const qc = await ok(quan, "POST", `/directives/${d1.id}/adopt`, { unitIds: [quan.root.id] });
    await ok(quan, "POST", `/campaigns/${qc.id}/launch`);
    const d2 = await ok(quan, "POST", `/directives/${d1.id}/republish`, {
      name: "Kế hoạch thực hiện",
      documentNo: "187-KH/QU",
      startsOn: "2026-03-11",
      dueOn: "2026-04-05",
    });
    const pc = await ok(phuong, "POST", `/directives/${d2.id}/adopt`, {
      unitIds: [phuong.root.id],
    });
    await ok(phuong, "POST", `/campaigns/${pc.id}/launch`);

    const control = t.platform.control().db;
    const all = await control.select().from(tenants);
    const idOf = (slug: string) => all.find((r) => r.slug === slug)!.id;
    const file = (id: string) => join(t.dataDir, "tenants", `${id}.db`);
    for (const slug of ["quan-0", "phuong-0-0"]) {
      const rec = all.find((r) => r.slug === slug)!;
      await t.platform.tenant(rec).client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const [d2Row] = await control.select().from(directives).where(eq(directives.id, d2.id));
    const now = t.clock.now;
    const rows: Row[] = [];
    const links: (typeof tenantLinks.$inferInsert)[] = [];
    const dirs: (typeof directives.$inferInsert)[] = [];
    const tenant = (slug: string, from: string, parentId: string) => {
      const id = newId();
      copyFileSync(from, file(id));
      rows.push({
        id,
        slug,
        name: `Đảng bộ ${slug}`,
        kind: "dang-uy-phuong",
        status: "active",
        dbUrl: `file:tenants/${id}.db`,
        schemaVersion: latestVersion(migrations.tenant),
        nextDueAt: 0,
        createdAt: now,
        updatedAt: now,
      });
      links.push({
        id: newId(),
        childId: id,
        parentId,
        status: "approved",
        requestedAt: now,
        approvedAt: now,
      });
      return id;
    };
    const t0 = performance.now();
    for (let q = 0; q < quanCount; q++) {
      const quanId =
        q === 0 ? idOf("quan-0") : tenant(`quan-${q}`, file(idOf("quan-0")), idOf("thanh-uy"));
      let variant = file(idOf("phuong-0-0"));
      if (q > 0) {
        // This Quận ủy's own directive, and a phường whose campaign adopts it.
        const dId = newId();
        dirs.push({ ...d2Row!, id: dId, parentId: quanId });
        const first = tenant(`phuong-${q}-0`, variant, quanId);
        const db = createClient({ url: `file:${file(first)}` });
        await db.execute({ sql: "UPDATE campaigns SET directive_id = ?", args: [dId] });
        await db.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        db.close();
        variant = file(first);
      }
      for (let p = 1; p < phuongPerQuan; p++) tenant(`phuong-${q}-${p}`, variant, quanId);
    }
    for (let i = 0; i < rows.length; i += 500)
      await control.insert(tenants).values(rows.slice(i, i + 500));
    for (let i = 0; i < links.length; i += 500)
      await control.insert(tenantLinks).values(links.slice(i, i + 500));
    if (dirs.length) await control.insert(directives).values(dirs);
    const built = (performance.now() - t0) / 1000;

    // Count what the control plane returns to the pass.
    const client = t.platform.control().client;
    let rowsRead = 0;
    const execute = client.execute.bind(client);
    const batch = client.batch.bind(client);
    client.execute = (async (...a: Parameters<typeof execute>) => {
      const r = await execute(...a);
      rowsRead += r.rows.length;
      return r;
    }) as typeof client.execute;
    client.batch = (async (...a: Parameters<typeof batch>) => {
      const rs = await batch(...a);
      for (const r of rs) rowsRead += r.rows.length;
      return rs;
    }) as typeof client.batch;
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    const report = await runScheduledPass(t.platform);
    const pass = (performance.now() - t1) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const passRows = rowsRead;
    const t2 = performance.now();
    // The pass closed the handles the build held: a fresh session through the platform.
    const top = all.find((r) => r.slug === "thanh-uy")!;
    const { token } = await createSession(t.platform.tenant(top).db, thanh.userIds.admin!, now);
    const res = await t.request("GET", "/api/t/thanh-uy/children/progress", { token });
    const children = ((await res.json()) as { children: { totals: { expected: number }[] }[] })
      .children;
    const read = (performance.now() - t2) / 1000;
    const tenantsCount = 1 + quanCount + quanCount * phuongPerQuan;
    const ran = report.tenants.filter((r) => r.ran).length;
    if (ran < tenantsCount) throw new Error(`pass ran ${ran} of ${tenantsCount} tenants`);
    // Exact: every Quận ủy and phường counts its 5 expected members once, at the top.
    const expected = children.reduce((s, c) => s + (c.totals[0]?.expected ?? 0), 0);
    const want = 5 * (quanCount + quanCount * phuongPerQuan);
    if (expected !== want) throw new Error(`top expected ${expected}, want ${want}`);
    const name = `chain.rollup.${quanCount === 30 && phuongPerQuan === 50 ? "3x50" : `${quanCount}x${phuongPerQuan}`}`;
    return [
      { name, value: round2(pass + read), unit: "s" },
      { name: `${name}.pass`, value: round2(pass), unit: "s" },
      // CPU seconds of this process in the pass: on a shared machine, the wall clock above
      // is mostly waiting for a core.
      { name: `${name}.pass_cpu`, value: round2((cpu.user + cpu.system) / 1e6), unit: "s" },
      { name: `${name}.read_top`, value: Math.round(read * 1000), unit: "ms" },
      { name: `${name}.control_rows_read`, value: passRows, unit: "rows" },
      { name: `${name}.tenants`, value: tenantsCount, unit: "tenants" },
      { name: `${name}.build`, value: round2(built), unit: "s" },
    ];
  } finally {
    t.close();
  }
}

export async function benchChain() {
  const quan = Number(process.env.CHAIN_QUAN ?? 30);
  const phuong = Number(process.env.CHAIN_PHUONG ?? 50);
  return chainRollup(quan, phuong);
}
