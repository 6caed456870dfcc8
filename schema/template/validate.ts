// Cross-field checks of a template definition: what valibot alone cannot check.
import * as v from "valibot";
import { isRealDate } from "../rules/deadlines";
import { completionProblems } from "./completion";
import { TemplateDefinition } from "./definition";
import { formLeafFields, type MemberFilter, type Step } from "./steps-forms";

/** Calendar arithmetic that never throws: a date that does not exist rolls over (its own
 *  problem is reported separately). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const k of keys) (seen.has(k) ? dup : seen).add(k);
  return [...dup];
}

/** Every string in the value, with a path for the message. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* strings(value[i], `${path}[${i}]`);
  } else if (value && typeof value === "object") {
    for (const [k, x] of Object.entries(value)) yield* strings(x, path ? `${path}.${k}` : k);
  }
}

/** `at`: the problems that belong to one place of the definition, by its dot path
 *  ("steps.3.due.date"), so an editor can show each beside its input. */
export type ValidationResult =
  { ok: true } | { ok: false; problems: string[]; at: Record<string, string> };

/**
 * Shape (valibot) and everything valibot alone cannot check. Problems are Vietnamese sentences
 * for the admin who edits a template, each naming the key at fault.
 */
export function validateTemplate(input: unknown): ValidationResult {
  const parsed = v.safeParse(TemplateDefinition, input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.issues.map(
        (i) => `Sai cấu trúc tại «${v.getDotPath(i) ?? "(gốc)"}»: ${i.message}`,
      ),
      at: {},
    };
  }
  const def = parsed.output;
  const problems: string[] = [];
  const at: Record<string, string> = {};
  const say = (p: string, path?: string) => {
    problems.push(p);
    if (path) at[path] ??= p;
  };

  const dupCheck = (what: string, keys: readonly string[]) => {
    for (const k of duplicates(keys)) say(`Khóa ${what} «${k}» bị trùng.`);
  };
  const keysOf = (xs: readonly { key: string }[]) => xs.map((x) => x.key);
  dupCheck("bước", keysOf(def.steps));
  dupCheck("biểu mẫu", keysOf(def.forms));
  dupCheck("danh sách", keysOf(def.lists));
  dupCheck("quy định cuộc họp", keysOf(def.meetingRules));
  for (const [ri, r] of def.meetingRules.entries()) {
    const where = `Quy định cuộc họp «${r.key}»`;
    // A required line is filled by a roll-call entry or a guest naming its key.
    for (const a of r.attendance ?? [])
      if (a.required && !a.key)
        say(`${where}: thành phần bắt buộc «${a.who.join(", ")}» cần có khóa để điểm danh.`);
    dupCheck(
      `thành phần của ${where}`,
      (r.attendance ?? []).flatMap((a) => a.key ?? []),
    );
    if (r.minDurationMinutes !== undefined && r.minDurationDays !== undefined)
      say(
        `${where} nêu thời lượng cả theo phút và theo ngày: chỉ chọn một.`,
        `meetingRules.${ri}.minDurationMinutes`,
      );
    if (r.recurrence && r.sessions !== undefined)
      say(`${where} nêu cả số buổi và lịch hằng tháng: chỉ chọn một.`);
  }
  dupCheck("luồng", keysOf(def.flows ?? []));
  dupCheck("báo cáo", [
    ...def.reports.map((r) => r.key),
    ...def.followUp.periodicReports.map((r) => r.key),
  ]);
  dupCheck("quy tắc định tuyến", [
    ...def.routing.publication.map((r) => r.key),
    ...def.routing.supervision.map((r) => r.key),
    ...def.routing.forwarding.map((r) => r.key),
  ]);

  const steps = new Map(def.steps.map((s) => [s.key, s]));
  const forms = new Map(def.forms.map((f) => [f.key, f]));
  const lists = new Map(def.lists.map((l) => [l.key, l]));
  const meetings = new Set(def.meetingRules.map((m) => m.key));
  const flows = new Set((def.flows ?? []).map((f) => f.key));
  const publication = new Set(def.routing.publication.map((r) => r.key));

  const needForm = (where: string, key: string | undefined) => {
    if (key !== undefined && !forms.has(key))
      say(`${where} dùng biểu mẫu «${key}» không có trong mẫu.`);
  };
  const needStep = (where: string, key: string | undefined) => {
    if (key !== undefined && !steps.has(key))
      say(`${where} trỏ tới bước «${key}» không có trong mẫu.`);
  };

  // Dates.
  const dates: [string, string, string][] = [
    ["Lịch (startsOn)", def.schedule.startsOn, "schedule.startsOn"],
    ["Lịch (dueOn)", def.schedule.dueOn, "schedule.dueOn"],
    ["Văn bản nguồn", def.source.date, "source.date"],
    ...def.lists.map((l, i): [string, string, string] => [
      `Danh sách «${l.key}»`,
      l.source.date,
      `lists.${i}.source.date`,
    ]),
    ...def.followUp.milestones.flatMap((m, i): [string, string, string][] =>
      m.date ? [[`Mốc «${m.title}»`, m.date, `followUp.milestones.${i}.date`]] : [],
    ),
    ...def.steps.flatMap((s, i): [string, string, string][] =>
      s.due.kind === "absolute" ? [[`Bước «${s.key}»`, s.due.date, `steps.${i}.due.date`]] : [],
    ),
  ];
  for (const [where, d, path] of dates)
    if (!isRealDate(d)) say(`${where}: ngày «${d}» không có thật.`, path);
  if (def.schedule.startsOn > def.schedule.dueOn) {
    say(
      `Lịch: ngày bắt đầu ${def.schedule.startsOn} sau hạn hoàn thành ${def.schedule.dueOn}.`,
      "schedule.dueOn",
    );
  }

  // Steps.
  for (const [si, s] of def.steps.entries()) {
    const where = `Bước «${s.key}»`;
    needForm(where, s.formKey);
    // A step fills its own form: a secretary confirming members' plans has no formKey.
    if (s.formKey && forms.get(s.formKey) && forms.get(s.formKey)?.owner !== s.owner) {
      say(
        `${where} do ${s.owner === "unit" ? "đơn vị" : "đảng viên"} làm nhưng biểu mẫu «${s.formKey}» dành cho ${s.owner === "unit" ? "đảng viên" : "đơn vị"}.`,
      );
    }
    if (s.meetingRulesKey && !meetings.has(s.meetingRulesKey)) {
      say(`${where} dùng quy định cuộc họp «${s.meetingRulesKey}» không có trong mẫu.`);
    }
    if (s.flow && !flows.has(s.flow)) say(`${where} thuộc luồng «${s.flow}» không có trong mẫu.`);
    if (s.owner === "unit" && (s.appliesTo.members || s.appliesTo.publication)) {
      say(`${where} do đơn vị làm nên không lọc theo đảng viên.`);
    }
    for (const p of s.appliesTo.publication ?? []) {
      if (!publication.has(p)) say(`${where} trỏ tới quy tắc niêm yết «${p}» không có trong mẫu.`);
    }
    for (const a of s.after ?? []) {
      needStep(where, a);
      if (a === s.key) say(`${where} không thể làm sau chính nó.`);
    }
    if (s.due.kind === "relative") {
      needStep(where, s.due.toStep);
      const anchor = steps.get(s.due.toStep);
      if (anchor?.due.kind === "undated") {
        say(
          `${where} tính hạn theo bước «${anchor.key}» nhưng bước đó không có hạn.`,
          `steps.${si}.due.toStep`,
        );
      }
    }
    if (s.due.kind === "absolute" && s.due.rebase && isRealDate(s.due.date)) {
      const anchor =
        s.due.rebase.anchor === "campaign-start" ? def.schedule.startsOn : def.schedule.dueOn;
      const rebased = addDays(anchor, s.due.rebase.offsetDays);
      if (rebased !== s.due.date) {
        say(
          `${where}: hạn ${s.due.date} không khớp cách tính lại theo đợt (${rebased}).`,
          `steps.${si}.due.date`,
        );
      }
    }
  }

  // Every step can be done, by the way it states (schema/template/completion.ts).
  for (const p of completionProblems(def)) say(p);

  // Loops: a deadline computed from itself, or a step that must come after itself. The two
  // graphs are separate: "due 3 days before the meeting" does not order the steps.
  const findLoops = (what: string, edgesOf: (s: Step) => string[]) => {
    const state = new Map<string, 1 | 2>();
    const reported = new Set<string>();
    const visit = (key: string, path: string[]) => {
      if (state.get(key) === 2) return;
      if (state.get(key) === 1) {
        const loop = [...path.slice(path.indexOf(key)), key];
        const id = [...new Set(loop)].sort().join(",");
        if (!reported.has(id)) {
          reported.add(id);
          say(`${what} tạo thành vòng lặp: ${loop.map((k) => `«${k}»`).join(" → ")}.`);
        }
        return;
      }
      state.set(key, 1);
      const step = steps.get(key);
      for (const next of step ? edgesOf(step) : []) {
        if (steps.has(next)) visit(next, [...path, key]);
      }
      state.set(key, 2);
    };
    for (const s of def.steps) visit(s.key, []);
  };
  findLoops("Hạn của các bước", (s) => (s.due.kind === "relative" ? [s.due.toStep] : []));
  findLoops("Thứ tự các bước", (s) => s.after ?? []);

  // Forms.
  for (const f of def.forms) {
    const where = `Biểu mẫu «${f.key}»`;
    const leaves = formLeafFields(f);
    dupCheck(`trường trong biểu mẫu «${f.key}»`, [
      ...f.fields.filter((x) => x.type === "section").map((x) => x.key),
      ...leaves.map((x) => x.key),
    ]);
    const byKey = new Map(leaves.map((x) => [x.key, x]));
    for (const x of leaves) {
      const at = `${where}, trường «${x.key}»`;
      if (x.requiredIf) {
        if (x.required) say(`${at}: đã bắt buộc thì không cần điều kiện bắt buộc.`);
        if (x.requiredIf.field === x.key) say(`${at}: điều kiện bắt buộc trỏ vào chính nó.`);
        else if (!byKey.has(x.requiredIf.field)) {
          say(`${at}: điều kiện bắt buộc trỏ tới trường «${x.requiredIf.field}» không có.`);
        }
      }
      if (x.type === "choice")
        dupCheck(
          `lựa chọn trong ${at}`,
          x.options.map((o) => o.value),
        );
      if (x.type === "number" && x.min !== undefined && x.max !== undefined && x.min > x.max) {
        say(`${at}: giá trị nhỏ nhất lớn hơn giá trị lớn nhất.`);
      }
      if (x.type === "longText")
        for (const k of x.refersTo ?? [])
          if (!lists.has(k)) say(`${at} đối chiếu danh sách «${k}» không có trong mẫu.`);
      if (x.type === "checklist") {
        const list = lists.get(x.listKey);
        if (!list) say(`${at} dùng danh sách «${x.listKey}» không có trong mẫu.`);
        for (const g of x.groups ?? []) {
          if (list && !list.groups.some((lg) => lg.key === g)) {
            say(`${at}: danh sách «${x.listKey}» không có nhóm «${g}».`);
          }
        }
        const levels = x.levels.map((l) => l.value);
        dupCheck(`mức độ trong ${at}`, levels);
        for (const l of x.noteRequiredFor ?? []) {
          if (!levels.includes(l)) say(`${at}: mức «${l}» không có trong thang mức độ.`);
        }
      }
    }
  }

  // Lists.
  for (const l of def.lists) {
    const where = `Danh sách «${l.key}»`;
    dupCheck(
      `nhóm trong ${where}`,
      l.groups.map((g) => g.key),
    );
    const sum = l.groups.reduce((n, g) => n + g.expectedCount, 0);
    if (sum !== l.expectedCount) {
      say(
        `${where}: tổng số nội dung các nhóm (${sum}) khác số nội dung của danh sách (${l.expectedCount}).`,
      );
    }
    for (const g of l.groups) {
      if (g.items.length > g.expectedCount) {
        say(
          `${where}, nhóm «${g.key}»: có ${g.items.length} nội dung, nhiều hơn ${g.expectedCount}.`,
        );
      }
      for (const n of duplicates(g.items.map((i) => String(i.no)))) {
        say(`${where}, nhóm «${g.key}»: số thứ tự ${n} bị trùng.`);
      }
      for (const i of g.items) {
        if (i.no > g.expectedCount) {
          say(`${where}, nhóm «${g.key}»: số thứ tự ${i.no} vượt quá ${g.expectedCount}.`);
        }
      }
    }
  }

  // Routing, follow-up, reports.
  // Routing reads codes: a position typed as text is what misread "Phố" as "phó".
  const codesOnly = (where: string, filters: readonly MemberFilter[] | undefined) => {
    for (const f of filters ?? [])
      if (f.positionIncludes || f.positionExcludes)
        say(`${where}: chức vụ phải ghi bằng mã (positions), không ghi bằng chữ.`);
  };
  for (const r of def.routing.publication) {
    needForm(`Quy tắc niêm yết «${r.key}»`, r.formKey);
    codesOnly(`Quy tắc niêm yết «${r.key}»`, r.members);
  }
  for (const r of def.routing.supervision) {
    needForm(`Quy tắc giám sát «${r.key}»`, r.formKey);
    codesOnly(`Quy tắc giám sát «${r.key}»`, r.members);
  }
  for (const r of def.routing.forwarding) {
    codesOnly(`Quy tắc chuyển «${r.key}»`, r.members);
    needForm(`Quy tắc chuyển «${r.key}»`, r.formKey);
    needStep(`Quy tắc chuyển «${r.key}»`, r.stepKey);
  }
  const mr = def.followUp.monthlyReview;
  if (mr) {
    needForm("Rà soát hằng tháng", mr.formKey);
    needStep("Rà soát hằng tháng", mr.startsAfterStep);
  }
  for (const r of def.followUp.periodicReports) needForm(`Báo cáo định kỳ «${r.key}»`, r.formKey);
  for (const r of def.reports) {
    const where = `Báo cáo «${r.key}»`;
    needForm(where, r.formKey);
    needStep(where, r.stepKey);
    const s = steps.get(r.stepKey);
    if (s && s.kind !== "report-upward")
      say(`${where} trỏ tới bước «${s.key}» không phải bước báo cáo.`);
  }
  if (def.variantOf === def.key) say(`Mẫu «${def.key}» không thể là biến thể của chính nó.`);

  // Text is stored NFC (DESIGN §3); a decomposed string would not match in search.
  for (const [path, s] of strings(def, "")) {
    if (s !== s.normalize("NFC")) say(`Văn bản tại «${path}» chưa chuẩn hóa Unicode NFC.`);
  }

  return problems.length ? { ok: false, problems, at } : { ok: true };
}
