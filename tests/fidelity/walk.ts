// Walks every task of a launched campaign to completion through the app, each by its step's
// declared way (schema/vocab/campaigns.ts) and nothing else, with the document's dates:
// meetings are scheduled, their materials sent ahead, held with everyone present; members
// write, submit and have their forms confirmed; units file their forms, reports and
// acknowledgements. `openTasks` then says which tasks nothing completed.
import { eq } from "drizzle-orm";
import {
  completionOf,
  evidenceOf,
  meetingStepOf,
  type Form,
  type LeafField,
  type Step,
  type TemplateDefinition,
  type TemplateList,
} from "../../schema/template";
import { submissions, tasks } from "../../schema/tables/tenant";
import type { Tree } from "../support/tree";
import type { TestApp } from "../support/app";

type T = Tree & { t: TestApp };

function leafValue(f: LeafField, lists: readonly TemplateList[]): unknown {
  switch (f.type) {
    case "shortText":
      return "Nội dung";
    case "longText":
      return "Nội dung đã điền đầy đủ.";
    case "choice":
      return f.multiple ? [f.options[0]!.value] : f.options[0]!.value;
    case "date":
      return "2020-01-02";
    case "number":
      return f.min ?? 1;
    case "commitment":
      return true;
    case "cellConfirmation":
      return undefined;
    case "checklist": {
      const list = lists.find((l) => l.key === f.listKey)!;
      const level = f.levels[f.levels.length - 1]!.value;
      return Object.fromEntries(
        list.groups
          .filter((g) => !f.groups || f.groups.includes(g.key))
          .map((g) => [
            g.key,
            Object.fromEntries(
              g.items.map((i) => [String(i.no), { level, note: "Có, mức độ ít." }]),
            ),
          ]),
      );
    }
  }
}

/** Every field of the form filled with a valid answer. */
export function filled(form: Form, lists: readonly TemplateList[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of form.fields) {
    if (f.type === "section")
      out[f.key] = Object.fromEntries(
        f.fields.flatMap((x) => {
          const v = leafValue(x, lists);
          return v === undefined ? [] : [[x.key, v]];
        }),
      );
    else {
      const v = leafValue(f, lists);
      if (v !== undefined) out[f.key] = v;
    }
  }
  return out;
}

const ict = (d: Date) => d.toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface WalkPlan {
  /** When the meetings are held (every meeting step's sessions, one day apart). */
  meetingAt: Date;
}

/** Who acts as a member: the tree's key for a member id. */
const keyOf = (tree: T, memberId: string) =>
  Object.entries(tree.ids).find(([, id]) => id === memberId)![0];

async function ok(
  res: Promise<{ status: number; body: unknown }>,
  what: string,
): Promise<{ status: number; body: unknown }> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

export async function walkCampaign(tree: T, campaignId: string, plan: WalkPlan) {
  const { api, db } = tree;
  const c = (
    await api<{ definition: TemplateDefinition }>("admin", "GET", `/campaigns/${campaignId}`)
  ).body;
  const def = c.definition;
  const all = await db.select().from(tasks).where(eq(tasks.campaignId, campaignId));
  const stepOf = (key: string) => def.steps.find((s) => s.key === key)!;
  const ways = (t: (typeof all)[number]) => completionOf(stepOf(t.stepKey));

  // 1. Before the meetings: schedule them with their materials out (≥ 3 days ahead).
  tree.t.clock.now = new Date(plan.meetingAt.getTime() - 5 * DAY);
  const meetingIds = new Map<string, { id: string; version: number; step: Step }[]>();
  const meetingTasks = all.filter((t) => !t.memberId && ways(t) === "meeting-held");
  for (const t of meetingTasks) {
    const step = stepOf(t.stepKey);
    const rules = def.meetingRules.find((r) => r.key === step.meetingRulesKey)!;
    const list = [];
    for (let session = 1; session <= (rules.sessions ?? 1); session++) {
      const at = new Date(plan.meetingAt.getTime() + (session - 1) * DAY);
      const created = await ok(
        api<{ meeting: { id: string; version: number } }>(
          "admin",
          "POST",
          `/campaigns/${campaignId}/meetings`,
          {
            unitId: t.unitId,
            stepKey: step.key,
            session,
            scheduledAt: ict(at),
            place: "Hội trường",
            ...(rules.formats?.length ? { format: rules.formats[0]!.value } : {}),
          },
        ),
        `lịch họp ${step.key}`,
      );
      const m = (created.body as { meeting: { id: string; version: number } }).meeting;
      const sent = await ok(
        api<{ meeting: { version: number } }>("admin", "PATCH", `/meetings/${m.id}`, {
          version: m.version,
          materialsSentAt: ict(tree.t.clock.now),
          soTayLink: "https://sotaydangvien.vn/tai-lieu/1",
          soTayPostedAt: ict(tree.t.clock.now),
        }),
        `tài liệu ${step.key}`,
      );
      list.push({
        id: m.id,
        version: (sent.body as { meeting: { version: number } }).meeting.version,
        step,
      });
    }
    meetingIds.set(`${t.unitId}|${step.key}`, list);
  }

  // 2. Members' forms, units' forms and acknowledgements, before the meetings.
  const confirmations: string[] = [];
  const byMember = new Map<string, Set<string>>();
  for (const t of all.filter((x) => x.memberId)) {
    const step = stepOf(t.stepKey);
    const way = ways(t);
    if (way === "member-form-submitted" || way === "member-form-confirmed") {
      const forms =
        byMember.get(t.memberId) ?? byMember.set(t.memberId, new Set()).get(t.memberId)!;
      if (!forms.has(step.formKey!)) {
        forms.add(step.formKey!);
        const who = keyOf(tree, t.memberId);
        const form = def.forms.find((f) => f.key === step.formKey)!;
        await ok(
          api(who, "PUT", `/campaigns/${campaignId}/submissions/mine`, {
            formKey: form.key,
            data: filled(form, def.lists),
          }),
          `${who} viết ${form.key}`,
        );
        const sub = await ok(
          api<{ id: string }>(who, "POST", `/campaigns/${campaignId}/submissions/mine/submit`, {
            formKey: form.key,
          }),
          `${who} nộp ${form.key}`,
        );
        confirmations.push((sub.body as { id: string }).id);
      }
    } else if (way === "acknowledged") {
      await ok(
        api(keyOf(tree, t.memberId), "PUT", `/campaigns/${campaignId}/steps/${step.key}/mine`, {
          version: 0,
          ...evidenceBody(tree, step),
        }),
        `${t.memberId} ghi nhận ${step.key}`,
      );
    }
  }
  for (const t of all.filter((x) => !x.memberId)) {
    const step = stepOf(t.stepKey);
    const way = ways(t);
    if (way === "acknowledged" || way === "unit-form-submitted") {
      const form = def.forms.find((f) => f.key === step.formKey);
      await ok(
        api("admin", "PUT", `/campaigns/${campaignId}/steps/${step.key}/units/${t.unitId}`, {
          version: 0,
          ...(way === "acknowledged"
            ? evidenceBody(tree, step)
            : { data: filled(form!, def.lists) }),
        }),
        `đơn vị ghi nhận ${step.key}`,
      );
    }
  }
  for (const id of confirmations)
    await ok(
      api("admin", "POST", `/submissions/${id}/confirm`, { opinion: "Đồng ý." }),
      "xác nhận",
    );

  // 3. The meetings, held with everyone called present, then the reports.
  // Those called: the members whose step is done by attending this meeting (the Đảng ủy's
  // members sit in cells), else every member with a task in the unit.
  const attendees = (unitId: string, meetingKey: string) => {
    const attending = new Set(
      def.steps
        .filter(
          (s) =>
            completionOf(s) === "meeting-attended" && meetingStepOf(def, s)?.key === meetingKey,
        )
        .map((s) => s.key),
    );
    const called = all.filter((x) =>
      attending.size
        ? attending.has(x.stepKey) && (x.unitId === unitId || unitId === tree.root.id)
        : x.memberId && x.unitId === unitId,
    );
    return [...new Set(called.map((x) => x.memberId))];
  };
  for (const [key, list] of meetingIds) {
    const [unitId, stepKey] = key.split("|") as [string, string];
    for (const [i, m] of list.entries()) {
      const rules = def.meetingRules.find((r) => r.key === m.step.meetingRulesKey)!;
      const start = new Date(plan.meetingAt.getTime() + i * DAY);
      const minutes = Math.max(rules.minDurationMinutes ?? 90, (rules.minDurationDays ?? 0) * 480);
      const end = new Date(start.getTime() + (minutes + 10) * 60_000);
      tree.t.clock.now = new Date(end.getTime() + HOUR);
      const present = attendees(unitId, stepKey);
      const rc = await ok(
        api<{ meeting: { version: number } }>("admin", "PUT", `/meetings/${m.id}/attendance`, {
          version: m.version,
          entries: present.map((memberId, n) => ({
            memberId,
            presence: "present",
            spokeOrder: n + 1,
            presentedPlan: true,
            commentedOn: true,
          })),
        }),
        `điểm danh ${stepKey}`,
      );
      await ok(
        api("admin", "PATCH", `/meetings/${m.id}`, {
          version: (rc.body as { meeting: { version: number } }).meeting.version,
          startedAt: ict(start),
          endedAt: ict(end),
          mergedWith: [],
          minutesSecretary: "Thư ký",
          agenda: (rules.agenda ?? []).map((_, no) => ({ no: no + 1, presenter: "Bí thư" })),
          minutes: "Biên bản.",
          vote: { for: present.length, against: 0, abstain: 0 },
        }),
        `họp ${stepKey}`,
      );
    }
  }
  // The minutes of each held meeting on the meeting's own form (CT 24: the 25 expressions).
  for (const t of meetingTasks) {
    const step = stepOf(t.stepKey);
    const form = def.forms.find((f) => f.key === step.formKey && f.owner === "unit");
    if (!form) continue;
    await ok(
      api("admin", "PUT", `/campaigns/${campaignId}/steps/${step.key}/units/${t.unitId}`, {
        version: 0,
        data: filled(form, def.lists),
      }),
      `biên bản ${step.key}`,
    );
  }
  for (const t of all.filter((x) => !x.memberId && ways(x) === "report-filed")) {
    const report = def.reports.find((r) => r.stepKey === t.stepKey)!;
    const form = def.forms.find((f) => f.key === report.formKey);
    await ok(
      api("admin", "PUT", `/campaigns/${campaignId}/reports/${t.unitId}`, {
        reportKey: report.key,
        data: form ? filled(form, def.lists) : {},
      }),
      `báo cáo ${report.key}`,
    );
  }
  return { def, tasks: all };
}

function evidenceBody(tree: T, step: Step) {
  const needs = evidenceOf(step).needs;
  const today = new Date(tree.t.clock.now.getTime() + 7 * HOUR).toISOString().slice(0, 10);
  return {
    doneOn: today,
    ...(needs.includes("note") ? { note: "Đã thực hiện." } : {}),
    ...(needs.includes("place") ? { place: "Trụ sở" } : {}),
    ...(needs.includes("link") || needs.includes("link-or-file")
      ? { link: "https://example.vn/minh-chung" }
      : {}),
    ...(needs.includes("file") ? { fileRef: "Số 12/CV" } : {}),
  };
}

/** Tasks that nothing completed: a member's form step is done once its form is submitted (or,
 *  for the steps done by the cell's confirmation, confirmed); every other step by its task. */
export async function openTasks(tree: T, campaignId: string, def: TemplateDefinition) {
  const all = await tree.db.select().from(tasks).where(eq(tasks.campaignId, campaignId));
  const subs = await tree.db
    .select()
    .from(submissions)
    .where(eq(submissions.campaignId, campaignId));
  const open = [];
  for (const t of all) {
    const step = def.steps.find((s) => s.key === t.stepKey)!;
    const way = completionOf(step);
    if (way === "member-form-submitted") {
      const s = subs.find((x) => x.memberId === t.memberId && x.formKey === step.formKey);
      if (s && (s.status === "submitted" || s.status === "confirmed")) continue;
    } else if (t.doneAt) continue;
    open.push(`${t.stepKey}${t.memberId ? ` (đảng viên ${t.memberId})` : ` (đơn vị ${t.unitId})`}`);
  }
  return open.sort();
}
