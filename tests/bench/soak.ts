// soak — SOAK_SECONDS (default 600: `soak.10min`) against the built Node server as a child
// process (`npm run build:node` first), at the dashboard's rate: every second 20 reads of the
// progress page, the task list and the member list, and 10 members saving their drafts (each
// save from the version it last saw, as the client does). Reports the errors (answers ≥ 500,
// failed connections, and any 4xx but a 409 from a save racing its own member: goal 0), the
// requests served, and the server's RSS slope over the run in MiB/min (least squares over a
// sample every 2 s, after a 10 % warm-up: goal flat).
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fullPlan000 } from "../support/tree";
import { callJson, signupOver, startProcessServer } from "../support/process-server";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const READS_PER_S = 20;
const SAVES_PER_S = 10;
const MEMBERS = 50;

const ictDay = (offsetDays: number) =>
  new Date(Date.now() + 7 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : NaN;
}

/** Least-squares slope of (minutes, MiB). */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  const num = points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
  const den = points.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  return den ? num / den : 0;
}

export async function benchSoak() {
  const dataDir = mkdtempSync(join(tmpdir(), "shct-bench-soak-"));
  const server = await startProcessServer(dataDir, { args: ["--expose-gc"] });
  try {
    const token = await signupOver(server.base, "ben-bi", "Đảng bộ bền bỉ", "admin@benbi.vn");
    const api = <B = Record<string, unknown>>(method: string, path: string, body?: unknown) =>
      callJson<B>(server.base, method, `/api/t/ben-bi${path}`, { token, body });
    const root = (
      await api<{ units: { id: string; depth: number }[] }>("GET", "/units")
    ).body.units.find((u) => u.depth === 0)!;
    const cell = (
      await api<{ id: string }>("POST", "/units", {
        name: "Chi bộ 1",
        kind: "chi-bo",
        parentId: root.id,
      })
    ).body;
    const members: { id: string; name: string; version?: number }[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      const name = `Đảng viên ${i + 1}`;
      const m = await api<{ member: { id: string } }>("POST", "/members", {
        fullName: name,
        unitId: cell.id,
      });
      members.push({ id: m.body.member.id, name });
    }
    const campaign = (
      await api<{ id: string }>("POST", "/campaigns", {
        templateKey: "tu-soi-tu-sua",
        name: "Đợt bền bỉ",
        startsOn: ictDay(-1),
        dueOn: ictDay(30),
        unitIds: [root.id],
      })
    ).body;
    await api("POST", `/campaigns/${campaign.id}/launch`);

    const reads = [
      `/campaigns/${campaign.id}/progress`,
      "/my/tasks",
      `/members?unitId=${cell.id}`,
      "/campaigns",
    ];
    const errors: Record<string, number> = {};
    let served = 0;
    let conflicts = 0;
    const count = (status: number | string) => {
      if (typeof status === "number" && status < 400) served++;
      else if (status === 409) conflicts++;
      else errors[status] = (errors[status] ?? 0) + 1;
    };
    const pending = new Set<Promise<void>>();
    const fire = (p: Promise<void>) => {
      pending.add(p);
      void p.finally(() => pending.delete(p));
    };
    const read = (path: string) =>
      api("GET", path).then(
        (r) => count(r.status),
        () => count("network"),
      );
    let saveNo = 0;
    const save = (m: (typeof members)[number]) =>
      api<{ version: number }>("PUT", `/campaigns/${campaign.id}/submissions/member/${m.id}`, {
        formKey: "ke-hoach-tu-duong",
        data: { ...fullPlan000(m.name), "khac-phuc": `Lần ${++saveNo}` },
        ...(m.version ? { version: m.version } : {}),
      }).then(
        (r) => {
          if (r.status === 200) m.version = r.body.version;
          count(r.status);
        },
        () => count("network"),
      );

    const rss: [number, number][] = [];
    const started = Date.now();
    let tick = 0;
    while (Date.now() - started < SECONDS * 1000) {
      const second = Date.now();
      for (let i = 0; i < READS_PER_S; i++) fire(read(reads[(tick + i) % reads.length]!));
      for (let i = 0; i < SAVES_PER_S; i++) {
        const m = members[(tick * SAVES_PER_S + i) % members.length]!;
        fire(save(m));
      }
      if (tick % 2 === 0) rss.push([(Date.now() - started) / 60_000, rssMiB(server.child.pid!)]);
      tick++;
      await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - second))));
    }
    await Promise.all(pending);
    const steady = rss.slice(Math.floor(rss.length / 10));
    const errorCount = Object.values(errors).reduce((s, n) => s + n, 0);
    const name = SECONDS === 600 ? "soak.10min" : `soak.${SECONDS}s`;
    return [
      { name: `${name}.errors`, value: errorCount, unit: "count", served, conflicts, errors },
      {
        name: `${name}.rss_slope`,
        value: Math.round(slope(steady) * 100) / 100,
        unit: "MiB/min",
        rssStart: Math.round(steady[0]![1]),
        rssEnd: Math.round(steady[steady.length - 1]![1]),
      },
    ];
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
