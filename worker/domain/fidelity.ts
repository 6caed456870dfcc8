// How much of a template the engine acts on: every step and rule of the template is an item,
// and an item counts as enforced or measured when the engine reads it — by the registry
// below, which names for each part of the template language the module that reads it.
// tests/domain/fidelity.test.ts holds the registry to the code (each named module reads
// the part), and `npm run fidelity` prints the count per built-in.
import {
  completionOf,
  completionProblems,
  formLeafFields,
  type MeetingRules,
  type TemplateDefinition,
} from "../../schema/template";
import type { Completion } from "../../schema/vocab/campaigns";

/** The module that completes a task by each way. */
export const COMPLETION_READERS: Readonly<Record<Completion, string>> = {
  "member-form-submitted": "worker/data/my-tasks.ts",
  "member-form-confirmed": "worker/data/step-completion.ts",
  "unit-form-submitted": "worker/data/acknowledgements.ts",
  "meeting-held": "worker/domain/step-completion.ts",
  "meeting-scheduled": "worker/domain/step-completion.ts",
  "materials-sent": "worker/domain/step-completion.ts",
  "meeting-attended": "worker/data/meeting-attendance.ts",
  "all-plans-confirmed": "worker/data/step-completion.ts",
  "report-filed": "worker/data/followup.ts",
  acknowledged: "worker/data/acknowledgements.ts",
};

/** Meeting-rule properties a mark or a refusal reads, and where. Absent: stored only. */
export const MEETING_RULE_READERS: Readonly<Partial<Record<keyof MeetingRules, string>>> = {
  relationToRegularMeeting: "worker/domain/compliance.ts",
  notMergedWith: "worker/domain/compliance.ts",
  formats: "worker/data/meetings.ts",
  minDurationMinutes: "worker/domain/compliance.ts",
  minDurationDays: "worker/domain/compliance.ts",
  sessions: "worker/domain/meeting-sessions.ts",
  recurrence: "worker/domain/meeting-sessions.ts",
  rollCall: "worker/domain/compliance.ts",
  materialsLeadDays: "worker/domain/compliance.ts",
  materialsChannel: "worker/domain/compliance.ts",
  leadersPresentFirst: "worker/domain/compliance.ts",
  speakers: "worker/domain/compliance.ts",
  votes: "worker/domain/compliance.ts",
  attendance: "worker/domain/compliance.ts",
  appointsMinutesSecretary: "worker/domain/meeting-record.ts",
  agenda: "worker/domain/meeting-record.ts",
  eachMemberPresentsPlan: "worker/domain/meeting-record.ts",
  collectiveCommentsOnEachMember: "worker/domain/meeting-record.ts",
};

/** Guidance no rule can judge, shown where it applies: the screen that shows it, from the
 *  campaign's frozen definition (GET /campaigns/:id sends it). Counted as shown, not enforced. */
export const SHOWN_BY = {
  /** A meeting's notes: on the secretary's meeting record and in each task's guidance. */
  notes: "client/pages/meeting/Directive.tsx",
  /** The materials list, with links: in each task's guidance and on the meeting record. */
  materials: "client/pages/tasks/StepGuidance.tsx",
  /** A list a form's answer is written against: its items beside the field, on the form. */
  refersTo: "client/pages/plan/text-fields.tsx",
  /** An undated peak ("cao điểm"): on the unit's follow-up screen, beside the dated ones. */
  milestones: "client/pages/follow-ups/FollowUps.tsx",
} as const satisfies Record<string, string>;

/** The rest of the language: each part and the module that reads it; null = stored only. */
export const PART_READERS = {
  schedule: "worker/domain/deadlines.ts",
  excusals: "worker/data/launch.ts",
  "routing.publication": "worker/data/supervision.ts",
  "routing.supervision": "worker/data/supervision.ts",
  reports: "worker/data/followup.ts",
  /** On the template's own form; a review stated without a form is prose. */
  "followUp.monthlyReview": "worker/data/follow-up-forms.ts",
  /** On the report's own form; a report stated without a form is prose. */
  "followUp.periodicReports": "worker/data/follow-up-forms.ts",
  /** A dated milestone is an obligation each unit records (worker/data/follow-up-records.ts). */
  "followUp.milestones": "worker/domain/follow-up.ts",
  "followUp.yearEndRanking": "worker/domain/follow-up.ts",
  /** Each member's own input, a dated obligation per member (worker/data/member-year-end.ts). */
  "followUp.yearEndRanking.members": "worker/domain/year-end.ts",
} as const satisfies Record<string, string | null>;

/** Properties of a meeting rule that are its identity or prose, not rules. */
const NOT_RULES = new Set(["key", "title", "cite"]);

export interface FidelityItem {
  what: string;
  /** Counted: enforced, measured or (`shown`) shown to the people it concerns. */
  enforced: boolean;
  shown?: true;
  /** The module that reads it, when one does. */
  by: string | null;
}

/** Every step and rule of the template, and whether the engine enforces or measures it. */
export function fidelityItems(def: TemplateDefinition): FidelityItem[] {
  const items: FidelityItem[] = [];
  const add = (what: string, by: string | null | undefined, shown = false) =>
    items.push({
      what,
      enforced: !!by,
      by: by ?? null,
      ...(by && shown ? { shown: true as const } : {}),
    });
  const stuck = new Set(
    completionProblems(def).flatMap((p) => def.steps.filter((s) => p.includes(`«${s.key}»`))),
  );
  add("schedule", PART_READERS.schedule);
  // A step is enforced when it states a way the engine completes tasks by, and can be done.
  for (const s of def.steps)
    add(
      `step:${s.key}`,
      s.completion && !stuck.has(s) ? COMPLETION_READERS[completionOf(s)] : null,
    );
  // A form is enforced when something validates it: a step done by it, a meeting's own record
  // form (the minutes the secretary fills), or a report on it.
  const unitForm = (key: string | undefined) =>
    def.forms.some((f) => f.key === key && f.owner === "unit");
  const formsRead = new Set([
    ...def.steps
      .filter(
        (s) =>
          ["member-form-submitted", "member-form-confirmed", "unit-form-submitted"].includes(
            completionOf(s),
          ) ||
          (completionOf(s) === "meeting-held" && unitForm(s.formKey)),
      )
      .flatMap((s) => s.formKey ?? []),
    ...def.reports.flatMap((r) => r.formKey ?? []),
    ...(def.followUp.monthlyReview?.formKey ? [def.followUp.monthlyReview.formKey] : []),
    ...def.followUp.periodicReports.flatMap((r) => r.formKey ?? []),
  ]);
  for (const f of def.forms)
    add(`form:${f.key}`, formsRead.has(f.key) ? "worker/domain/forms.ts" : null);
  // A list is read when a checklist of a validated form asks about it item by item.
  const listsRead = new Set(
    def.forms
      .filter((f) => formsRead.has(f.key))
      .flatMap((f) =>
        formLeafFields(f).flatMap((x) => (x.type === "checklist" ? [x.listKey] : [])),
      ),
  );
  // …else shown when a validated form's answer is written against it ("đối chiếu").
  const listsShown = new Set(
    def.forms
      .filter((f) => formsRead.has(f.key))
      .flatMap((f) =>
        formLeafFields(f).flatMap((x) => (x.type === "longText" ? (x.refersTo ?? []) : [])),
      ),
  );
  for (const l of def.lists)
    if (listsRead.has(l.key)) add(`list:${l.key}`, "worker/domain/forms.ts");
    else add(`list:${l.key}`, listsShown.has(l.key) ? SHOWN_BY.refersTo : null, true);
  for (const r of def.meetingRules)
    for (const [k, v] of Object.entries(r))
      if (!NOT_RULES.has(k) && v !== undefined)
        if (MEETING_RULE_READERS[k as keyof MeetingRules])
          add(`meeting:${r.key}.${k}`, MEETING_RULE_READERS[k as keyof MeetingRules]);
        else if (k in SHOWN_BY)
          add(`meeting:${r.key}.${k}`, SHOWN_BY[k as keyof typeof SHOWN_BY], true);
        else add(`meeting:${r.key}.${k}`, null);
  add("excusals", PART_READERS.excusals);
  for (const r of def.routing.publication)
    add(`publication:${r.key}`, PART_READERS["routing.publication"]);
  for (const r of def.routing.supervision)
    add(`supervision:${r.key}`, PART_READERS["routing.supervision"]);
  // Forwarding is measured through the step it names; without one it is prose.
  for (const r of def.routing.forwarding) {
    const step = def.steps.find((s) => s.key === r.stepKey);
    add(`forwarding:${r.key}`, step?.completion ? COMPLETION_READERS[completionOf(step)] : null);
  }
  for (const r of def.reports) add(`report:${r.key}`, PART_READERS.reports);
  const f = def.followUp;
  if (f.monthlyReview)
    add(
      "followUp.monthlyReview",
      f.monthlyReview.formKey ? PART_READERS["followUp.monthlyReview"] : null,
    );
  for (const r of f.periodicReports)
    add(
      `followUp.periodicReport:${r.key}`,
      r.formKey ? PART_READERS["followUp.periodicReports"] : null,
    );
  // A milestone with a day (its own, or the half-year's or year's end) is an obligation;
  // an undated peak is shown.
  f.milestones.forEach((m, i) =>
    m.date || m.at
      ? add(`followUp.milestone:${i + 1}`, PART_READERS["followUp.milestones"])
      : add(`followUp.milestone:${i + 1}`, SHOWN_BY.milestones, true),
  );
  if (f.yearEndRanking) add("followUp.yearEndRanking", PART_READERS["followUp.yearEndRanking"]);
  if (f.yearEndRanking?.members)
    add("followUp.yearEndRanking.members", PART_READERS["followUp.yearEndRanking.members"]);
  (def.materials ?? []).forEach((_, i) => add(`material:${i + 1}`, SHOWN_BY.materials, true));
  return items;
}

/** The JSON line `npm run fidelity` prints for a template. */
export function fidelityLine(def: TemplateDefinition) {
  const items = fidelityItems(def);
  return {
    name: `fidelity.${def.key}`,
    value: items.filter((i) => i.enforced).length,
    unit: "items",
    baseline: items.length,
  };
}
