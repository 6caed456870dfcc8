// api.progress.bytes — the bytes of GET /campaigns/:id/progress at the root of a generated
// 50,000-member tenant (tests/gen, ~136 committees as a city has), answered as one page of
// the tree (the root and its direct children), against the bytes of the whole-tree answer
// the route gave before (every unit's row) for the same campaign. Goal: ≤ 100 KB.
// api.progress.ms — the same request's time, median of 3.
import { eq } from "drizzle-orm";
import { units } from "../../schema/tables/tenant";
import { createSession } from "../../worker/auth/sessions";
import { systemCtx } from "../../worker/data/context";
import { requireCampaign } from "../../worker/data/campaigns";
import { countsByUnit } from "../../worker/data/progress";
import { writeCity } from "../gen/city";
import { makeApp, openTenant, signupTenant } from "../support/app";
import { median } from "./support";

const MEMBERS = Number(process.env.BENCH_PROGRESS_MEMBERS ?? 50_000);

export async function benchProgress() {
  const t = await makeApp();
  const { tenant, user } = await signupTenant(t, "ha-noi");
  const { db, client } = await openTenant(t, tenant.id);
  const [root] = await db.select().from(units).where(eq(units.depth, 0));
  await writeCity(client, { id: root!.id, path: root!.path }, { members: MEMBERS, seed: 1 });
  t.clock.now = new Date("2026-03-12T02:00:00Z");
  const token = (await createSession(db, user.id, t.clock.now)).token;
  const api = async (method: string, path: string, body?: unknown) =>
    t.request(method, `/api/t/ha-noi${path}`, { token, body });
  const created = await api("POST", "/campaigns", {
    templateKey: "tu-soi-tu-sua",
    name: "Tự soi, tự sửa",
    startsOn: "2026-03-11",
    dueOn: "2026-04-10",
    unitIds: [root!.id],
  });
  const { id } = (await created.json()) as { id: string };
  const launched = await api("POST", `/campaigns/${id}/launch`);
  if (launched.status !== 200) throw new Error(`launch: ${launched.status}`);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const res = await api("GET", `/campaigns/${id}/progress`);
    const text = await res.text();
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`progress: ${res.status}`);
    bytes = new TextEncoder().encode(text).length;
  }
  // The whole-tree answer: every unit's own row, as the route answered before.
  const c = await requireCampaign(db, id);
  const { dueAt, evaluatedOn, perUnit } = await countsByUnit(systemCtx(db, t.clock.now), {
    campaign: c,
  });
  const whole = JSON.stringify({
    dueAt,
    evaluatedOn,
    units: [...perUnit].map(([unitId, counts]) => ({ unitId, ...counts })),
  });
  t.close();
  const kb = (n: number) => Math.round(n / 102.4) / 10;
  return [
    {
      name: "api.progress.bytes",
      value: kb(bytes),
      unit: "KiB",
      baseline: kb(new TextEncoder().encode(whole).length),
      ratio: Math.round((bytes / whole.length) * 1000) / 1000,
      members: MEMBERS,
      units: perUnit.size,
    },
    { name: "api.progress.ms", value: Math.round(median(times)), unit: "ms", members: MEMBERS },
  ];
}
