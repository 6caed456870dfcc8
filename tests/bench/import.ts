// import.members.10k: importing 10,000 members through the real route (parse, validate,
// match, write in one transaction), against a raw multi-row INSERT of the same rows into an
// identical fresh tenant database — the floor any import must stand on.
import { eq } from "drizzle-orm";
import { members, units } from "../../schema/tables/tenant";
import { newMemberRow } from "../../worker/data/members";
import { newUnitRow } from "../../worker/data/units";
import { login, makeAppWithDemo, signupTenant, type TestApp } from "../support/app";
import { median, vietnameseName } from "./support";

const N = 10_000;
const CELLS = 40;

async function freshTenant(t: TestApp, slug: string) {
  const { tenant } = await signupTenant(t, slug);
  const row = (
    await t.platform
      .control()
      .client.execute({ sql: "SELECT db_url FROM tenants WHERE id = ?", args: [tenant.id] })
  ).rows[0]!;
  const handle = t.platform.tenant({ id: tenant.id, dbUrl: String(row.db_url) });
  const [root] = await handle.db.select().from(units).where(eq(units.depth, 0));
  const cells = Array.from({ length: CELLS }, (_, i) =>
    newUnitRow({ name: `Chi bộ số ${i + 1}`, kind: "chi-bo" }, root!, new Date()),
  );
  await handle.db.insert(units).values(cells);
  return { ...handle, cells };
}

export async function benchImport() {
  const t = await makeAppWithDemo();
  const header = "ho_ten,nam_sinh,email,don_vi,chuc_vu,trang_thai,dien_quan_ly";
  const rows = Array.from({ length: N }, (_, i) => ({
    name: vietnameseName(i),
    year: 1950 + (i % 55),
    email: `dv${i}@vi-du.vn`,
    cell: i % CELLS,
  }));
  const csv = [
    header,
    ...rows.map((r) => `${r.name},${r.year},${r.email},Chi bộ số ${r.cell + 1},,dang-sinh-hoat,`),
  ].join("\n");

  // Setup (signup, login, units) stays outside the timings: only the import request and
  // the raw inserts are timed, alternately, three rounds each.
  const times: [number, number][] = [];
  for (let i = 0; i < 3; i++) {
    const slug = `bench-route-${i}`;
    await freshTenant(t, slug);
    const { token } = await login(t, slug, `admin@${slug}.vn`, "mat-khau-du-dai");
    const rawTenant = await freshTenant(t, `bench-raw-${i}`);
    const t0 = performance.now();
    const res = await t.app.request(`http://localhost/api/t/${slug}/members/import`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/csv" },
      body: csv,
    });
    const body = (await res.json()) as { created: number };
    const tRoute = performance.now() - t0;
    if (body.created !== N) throw new Error(`import created ${body.created}`);
    const t1 = performance.now();
    const now = new Date();
    const values = rows.map((r) =>
      newMemberRow(
        {
          fullName: r.name,
          birthYear: r.year,
          email: r.email,
          unitId: rawTenant.cells[r.cell]!.id,
          status: "dang-sinh-hoat",
        },
        now,
      ),
    );
    const stmts = [];
    for (let j = 0; j < values.length; j += 500)
      stmts.push(rawTenant.db.insert(members).values(values.slice(j, j + 500)));
    await rawTenant.db.batch(stmts as [(typeof stmts)[number], ...(typeof stmts)[number][]]);
    times.push([tRoute, performance.now() - t1]);
  }
  t.close();
  const value = median(times.map((x) => x[0])) / 1000;
  const baseline = median(times.map((x) => x[1])) / 1000;
  return [
    {
      name: "import.members.10k",
      value: round3(value),
      unit: "s",
      baseline: round3(baseline),
      ratio: round3(value / baseline),
    },
  ];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
