// The crash test (issue 14): the built Node server as a child process, 100 members' plans
// entered on their behalf — 9 draft saves and a submit each, 1,000 writes, about 100 in
// flight at once — and SIGKILL once some 450 of them have been acknowledged. Restarted on
// the same DATA_DIR, every acknowledged write is there with the text it carried, versions run
// 1…n with none doubled, a plan is never split in two, nothing in the audit log is doubled,
// and the next save continues from the last version. Needs `npm run build:node`.
import { createClient } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { fullPlan000 } from "../support/tree";
import { callJson, startProcessServer, type ProcessServer } from "../support/process-server";

const MEMBERS = 100;
const SAVES = 9;
const KILL_AFTER = 450;

const dataDir = mkdtempSync(join(tmpdir(), "shct-crash-"));
let server: ProcessServer | undefined;
afterAll(async () => {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const ictDay = (offsetDays: number) =>
  new Date(Date.now() + 7 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);
const plan = (name: string, k: number) => ({ ...fullPlan000(name), "khac-phuc": `lan-${k}` });

it("keeps every acknowledged save and submit across a SIGKILL, and doubles none", async () => {
  server = await startProcessServer(dataDir);
  const base = server.base;
  const signup = await callJson<{ tenant: { id: string }; token: string }>(
    base,
    "POST",
    "/api/signup",
    {
      body: {
        tenant: { slug: "sap-nguon", name: "Đảng bộ mất điện", kind: "dang-uy-phuong" },
        admin: { email: "admin@sap.vn", password: "mat-khau-du-dai", fullName: "Quản Trị" },
      },
    },
  );
  expect(signup.status).toBe(201);
  const { token } = signup.body;
  const T = "/api/t/sap-nguon";
  const api = <B = Record<string, unknown>>(method: string, path: string, body?: unknown) =>
    callJson<B>(base, method, `${T}${path}`, { token, body });
  const units = await api<{ units: { id: string; depth: number }[] }>("GET", "/units");
  const root = units.body.units.find((u) => u.depth === 0)!;
  const cell = await api<{ id: string }>("POST", "/units", {
    name: "Chi bộ số 1",
    kind: "chi-bo",
    parentId: root.id,
  });
  const members: { id: string; name: string }[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const name = `Đảng viên số ${i + 1}`;
    const m = await api<{ member: { id: string } }>("POST", "/members", {
      fullName: name,
      unitId: cell.body.id,
    });
    expect(m.status).toBe(201);
    members.push({ id: m.body.member.id, name });
  }
  const campaign = await api<{ id: string }>("POST", "/campaigns", {
    templateKey: "tu-soi-tu-sua",
    name: "Đợt thử mất điện",
    startsOn: ictDay(-1),
    dueOn: ictDay(30),
    unitIds: [root.id],
  });
  expect((await api("POST", `/campaigns/${campaign.body.id}/launch`)).status).toBe(200);

  // Every member's chain of writes, all chains at once; SIGKILL mid-way.
  type Ack = { id: string; version: number; k: number; submitted: boolean };
  const acked = new Map<string, Ack>();
  const refused: string[] = [];
  let acks = 0;
  let killed: Promise<void> | undefined;
  const ack = () => {
    if (++acks === KILL_AFTER) killed = server!.kill();
  };
  const chain = async (m: { id: string; name: string }) => {
    const path = `/campaigns/${campaign.body.id}/submissions/member/${m.id}`;
    try {
      for (let k = 1; k <= SAVES; k++) {
        const r = await api<{ id: string; version: number }>("PUT", path, {
          formKey: "ke-hoach-tu-duong",
          data: plan(m.name, k),
          ...(k > 1 ? { version: k - 1 } : {}),
        });
        if (r.status !== 200) return void refused.push(`${m.name} lần ${k}: ${r.status}`);
        acked.set(m.id, { id: r.body.id, version: r.body.version, k, submitted: false });
        ack();
      }
      const s = await api<{ version: number }>("POST", `${path}/submit`, {});
      if (s.status !== 200) return void refused.push(`${m.name} nộp: ${s.status}`);
      acked.set(m.id, { ...acked.get(m.id)!, version: s.body.version, submitted: true });
      ack();
    } catch {
      // The connection died with the server: this write was never acknowledged.
    }
  };
  await Promise.all(members.map(chain));
  await killed;
  expect(refused).toEqual([]);
  expect(acks).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(acks).toBeLessThan(MEMBERS * (SAVES + 1)); // the kill came mid-way

  // Restart on the same files: it answers, and a save continues from the last version.
  server = await startProcessServer(dataDir);
  const [someone, last] = [...acked.entries()].find(([, a]) => !a.submitted)!;
  const next = await callJson<{ version: number }>(
    server.base,
    "PUT",
    `${T}/campaigns/${campaign.body.id}/submissions/member/${someone}`,
    {
      token,
      body: { formKey: "ke-hoach-tu-duong", data: plan("x", 99), version: last.version },
    },
  );
  // The server may hold a later, unacknowledged save: then this one is stale (409).
  expect([200, 409]).toContain(next.status);
  await server.stop();

  const db = createClient({
    url: `file:${join(dataDir, "tenants", `${signup.body.tenant.id}.db`)}`,
  });
  try {
    const lost: string[] = [];
    for (const [memberId, a] of acked) {
      const rows = await db.execute({
        sql: "SELECT id, version, status FROM submissions WHERE member_id = ?",
        args: [memberId],
      });
      if (rows.rows.length !== 1) lost.push(`${memberId}: ${rows.rows.length} plans`);
      const s = rows.rows[0];
      if (!s) continue;
      if (Number(s.version) < a.version)
        lost.push(`${memberId}: v${s.version} < acked v${a.version}`);
      if (a.submitted && s.status !== "submitted") lost.push(`${memberId}: ${String(s.status)}`);
      const versions = await db.execute({
        sql: "SELECT version, data_json FROM submission_versions WHERE submission_id = ? ORDER BY version",
        args: [a.id],
      });
      const numbers = versions.rows.map((r) => Number(r.version));
      const expected = Array.from({ length: Number(s.version) }, (_, i) => i + 1);
      if (JSON.stringify(numbers) !== JSON.stringify(expected))
        lost.push(`${memberId}: versions ${numbers.join(",")} for v${s.version}`);
      const ackedDraft = versions.rows.find((r) => Number(r.version) === a.k);
      if (!String(ackedDraft?.data_json ?? "").includes(`"lan-${a.k}"`))
        lost.push(`${memberId}: save ${a.k} not stored as sent`);
    }
    expect(lost).toEqual([]);
    expect(acked.size).toBeGreaterThan(MEMBERS / 2);
    const doubled = await db.execute(
      "SELECT action, entity_id, count(*) AS n FROM audit_log GROUP BY action, entity_id HAVING n > 1",
    );
    expect(doubled.rows).toEqual([]);
    const split = await db.execute(
      "SELECT member_id FROM submissions GROUP BY campaign_id, member_id, form_key HAVING count(*) > 1",
    );
    expect(split.rows).toEqual([]);
  } finally {
    db.close();
  }
}, 120_000);
