/**
 * Every step states how it is done, and a template with a step nothing can complete is
 * refused with the step named: the way missing, its form, meeting or report absent, an
 * acknowledgement without an evidence spec.
 */
import { describe, expect, it } from "vitest";
import {
  completionOf,
  completionProblems,
  meetingStepOf,
  validateTemplate,
  type TemplateDefinition,
} from "../../schema/template";
import { COMPLETIONS } from "../../schema/vocab/campaigns";
import { builtInTemplates, getBuiltInTemplate } from "../../schema/templates/index";

const def = (key: string): TemplateDefinition => getBuiltInTemplate(key)!;
const problemsOf = (d: unknown) => {
  const r = validateTemplate(d);
  return r.ok ? [] : r.problems;
};
const step = (d: TemplateDefinition, key: string) => d.steps.find((s) => s.key === key)!;

describe("completion ways", () => {
  it("every step of every built-in states its way, from the closed list, and can be done", () => {
    for (const t of builtInTemplates) {
      for (const s of t.steps) {
        expect(s.completion, `${t.key}/${s.key}`).toBeDefined();
        expect(COMPLETIONS).toContain(s.completion);
      }
      expect(completionProblems(t), t.key).toEqual([]);
    }
  });

  it("000: sending the copy to Ban Tuyên giáo and posting publicly are acknowledged with evidence, not confirmed", () => {
    const d = def("tu-soi-tu-sua");
    for (const key of ["nop-ban-tuyen-giao", "niem-yet-cong-khai", "gui-giam-sat"]) {
      expect(step(d, key).completion).toBe("acknowledged");
      expect(step(d, key).evidence?.needs.length).toBeGreaterThan(0);
      expect(step(d, key).formKey).toBeUndefined();
    }
    expect(step(d, "xac-nhan-ke-hoach").completion).toBe("all-plans-confirmed");
  });

  it("refuses a step with no way, naming it", () => {
    const d = def("tu-soi-tu-sua");
    delete step(d, "gui-giam-sat").completion;
    const problems = problemsOf(d);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("«gui-giam-sat»");
    expect(problems[0]).toContain("chưa nêu cách hoàn thành");
  });

  it("refuses an acknowledgement without an evidence spec", () => {
    const d = def("tu-soi-tu-sua");
    delete step(d, "niem-yet-cong-khai").evidence;
    expect(problemsOf(d)).toEqual([
      expect.stringMatching(/«niem-yet-cong-khai».*chưa nêu minh chứng/),
    ]);
  });

  it("refuses a form way without a form, a meeting way without rules, a report way without a report", () => {
    const d = def("dien-dan-chi-bo");
    delete step(d, "hop-chi-uy").formKey;
    delete step(d, "thong-qua-nghi-quyet").meetingRulesKey;
    const so = def("tu-soi-tu-sua-so");
    so.reports = [];
    expect(problemsOf(d).join("\n")).toMatch(/«hop-chi-uy».*không có biểu mẫu/);
    expect(problemsOf(d).join("\n")).toMatch(/«thong-qua-nghi-quyet».*quy định cuộc họp/);
    expect(problemsOf(so).join("\n")).toMatch(/«bao-cao».*không có báo cáo/);
  });

  it("refuses a way that belongs to the other owner, and attending with no meeting", () => {
    const d = def("ct24-sinh-hoat");
    step(d, "cb-bao-lich").completion = "member-form-submitted";
    const att = step(d, "dv-du-sinh-hoat");
    att.due = { kind: "campaign-end" };
    const problems = problemsOf(d).join("\n");
    expect(problems).toMatch(/«cb-bao-lich».*dành cho đảng viên/);
    expect(problems).toMatch(/«dv-du-sinh-hoat».*không tính theo bước họp nào/);
  });

  it("a frozen campaign without ways reads the way its step kind always had", () => {
    const d = def("ct24-sinh-hoat");
    for (const s of d.steps) delete s.completion;
    expect(completionOf(step(d, "dv-du-sinh-hoat"))).toBe("meeting-attended");
    expect(completionOf(step(d, "cb-sinh-hoat"))).toBe("meeting-held");
    expect(completionOf(step(d, "cb-bao-cao"))).toBe("report-filed");
    expect(meetingStepOf(d, step(d, "cb-chuan-bi"))?.key).toBe("cb-sinh-hoat");
  });
});
