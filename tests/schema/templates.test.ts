/**
 * The built-in templates as data: each parses, passes the cross-field checks, carries the
 * documents' counts and citations; launching waits for list items; 002 is 000 with 002's
 * differences; broken templates are refused with a problem naming the fault.
 */
import { toJsonSchema } from "@valibot/to-json-schema";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  formLeafFields,
  launchBlockers,
  memberMatches,
  resolveVariant,
  stepAppliesToMember,
  supervisionFor,
  TemplateDefinition,
  TemplateVariant,
  unitMatches,
  validateTemplate,
  withListItems,
  type MemberForMatch,
} from "../../schema/template";
import { positionCodeFor } from "../../schema/rules/positions";
import { builtInTemplates, getBuiltInTemplate } from "../../schema/templates/index";
import { bieuHien25, bieuHien27, quyDinh37 } from "../../schema/templates/lists";
import { tuSoiTuSua } from "../../schema/templates/tu-soi-tu-sua";
import { tuSoiTuSuaHuyenVariant } from "../../schema/templates/tu-soi-tu-sua-huyen";
import { memberUnder } from "../support/match";

function template(key: string): TemplateDefinition {
  const def = getBuiltInTemplate(key);
  if (!def) throw new Error(`no built-in ${key}`);
  return def;
}

function problemsOf(def: unknown): string[] {
  const r = validateTemplate(def);
  return r.ok ? [] : r.problems;
}

const lines = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

describe("built-in templates", () => {
  it("ship the contract's keys, each once", () => {
    expect(builtInTemplates.map((t) => t.key)).toEqual([
      "tu-soi-tu-sua",
      "tu-soi-tu-sua-so",
      "tu-soi-tu-sua-huyen",
      "ct24-sinh-hoat",
      "dien-dan-chi-bo",
    ]);
  });

  for (const def of builtInTemplates) {
    describe(def.key, () => {
      it("parses with valibot and survives a JSON round trip unchanged", () => {
        const json = JSON.parse(JSON.stringify(def)) as unknown;
        const parsed = v.safeParse(TemplateDefinition, json);
        expect(parsed.issues).toBeUndefined();
        expect(parsed.output).toEqual(def);
      });

      it("passes validateTemplate", () => {
        expect(validateTemplate(def)).toEqual({ ok: true });
      });

      it("cites its seed on every step, form and meeting rule", () => {
        const cites = [
          ...def.steps.map((s) => s.cite),
          ...def.forms.map((f) => f.cite),
          ...def.meetingRules.map((m) => m.cite),
          def.excusals.cite,
          def.schedule.cite,
          ...def.reports.map((r) => r.cite),
        ];
        for (const c of cites) expect(c).toMatch(/^00[0-4]\b/);
      });

      it("keeps every list's items empty: the text is not at hand and is never invented", () => {
        for (const l of def.lists) for (const g of l.groups) expect(g.items).toEqual([]);
      });
    });
  }

  it("is frozen; getBuiltInTemplate hands out a copy, null for an unknown key", () => {
    const shared = builtInTemplates[0]!;
    expect(Object.isFrozen(shared.steps[0])).toBe(true);
    const copy = template("tu-soi-tu-sua");
    copy.steps[0]!.title = "đã sửa";
    expect(shared.steps[0]!.title).toBe("Triển khai hướng dẫn tới từng chi bộ");
    expect(getBuiltInTemplate("khong-co")).toBeNull();
  });

  it("converts to JSON Schema, so the OpenAPI document can describe it", () => {
    expect(() => toJsonSchema(TemplateDefinition)).not.toThrow();
    expect(() => toJsonSchema(TemplateVariant)).not.toThrow();
  });
});

describe("lists", () => {
  it("27 biểu hiện: 3 groups of 9, from NQ 04-NQ/TW of 30/10/2016", () => {
    const l = bieuHien27();
    expect(l.expectedCount).toBe(27);
    expect(l.groups.map((g) => [g.key, g.expectedCount])).toEqual([
      ["nhom-1", 9],
      ["nhom-2", 9],
      ["nhom-3", 9],
    ]);
    expect(l.groups.map((g) => g.title)).toEqual([
      "Suy thoái về tư tưởng chính trị",
      "Suy thoái về đạo đức, lối sống",
      "Biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ",
    ]);
    expect(l.source).toEqual({
      document: "Nghị quyết số 04-NQ/TW (Hội nghị Trung ương 4 khóa XII)",
      date: "2016-10-30",
      issuer: "Ban Chấp hành Trung ương Đảng",
    });
  });

  it("25 biểu hiện of CT 24-CT/TU and the 19 điều of QĐ 37-QĐ/TW", () => {
    expect([bieuHien25().expectedCount, bieuHien25().groups[0]!.expectedCount]).toEqual([25, 25]);
    expect(bieuHien25().source.date).toBe("2023-08-07");
    expect([quyDinh37().expectedCount, quyDinh37().groups[0]!.expectedCount]).toEqual([19, 19]);
    expect(quyDinh37().source.date).toBe("2021-10-25");
  });

  it("are the ones each template cites", () => {
    const keys = Object.fromEntries(
      builtInTemplates.map((t) => [t.key, t.lists.map((l) => l.key)]),
    );
    expect(keys).toEqual({
      "tu-soi-tu-sua": ["qd37-19-dieu", "nq04-27-bieu-hien"],
      "tu-soi-tu-sua-so": ["qd37-19-dieu"],
      "tu-soi-tu-sua-huyen": ["qd37-19-dieu", "nq04-27-bieu-hien"],
      "ct24-sinh-hoat": ["ct24-25-bieu-hien"],
      "dien-dan-chi-bo": ["nq04-27-bieu-hien"],
    });
  });
});

describe("launchBlockers", () => {
  it("is empty where no checklist uses a list (lists only cited as reading)", () => {
    expect(launchBlockers(template("tu-soi-tu-sua"))).toEqual([]);
    expect(launchBlockers(template("tu-soi-tu-sua-so"))).toEqual([]);
    expect(launchBlockers(template("tu-soi-tu-sua-huyen"))).toEqual([]);
  });

  it("names each group of the 27 that still lacks items, and clears as they are entered", () => {
    let def = template("dien-dan-chi-bo");
    expect(launchBlockers(def)).toEqual([
      "Danh sách «27 biểu hiện (NQ 04-NQ/TW)» nhóm 1 («Suy thoái về tư tưởng chính trị») còn thiếu 9/9 nội dung: hãy nhập từ văn bản gốc trước khi phát động.",
      "Danh sách «27 biểu hiện (NQ 04-NQ/TW)» nhóm 2 («Suy thoái về đạo đức, lối sống») còn thiếu 9/9 nội dung: hãy nhập từ văn bản gốc trước khi phát động.",
      "Danh sách «27 biểu hiện (NQ 04-NQ/TW)» nhóm 3 («Biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ») còn thiếu 9/9 nội dung: hãy nhập từ văn bản gốc trước khi phát động.",
    ]);
    def = withListItems(def, "nq04-27-bieu-hien", "nhom-1", lines(5, "Nội dung thử").join("\n"));
    expect(launchBlockers(def)[0]).toBe(
      "Danh sách «27 biểu hiện (NQ 04-NQ/TW)» nhóm 1 («Suy thoái về tư tưởng chính trị») còn thiếu 4/9 nội dung: hãy nhập từ văn bản gốc trước khi phát động.",
    );
    for (const g of ["nhom-1", "nhom-2", "nhom-3"]) {
      def = withListItems(def, "nq04-27-bieu-hien", g, lines(9, `Nội dung thử ${g}`));
    }
    expect(launchBlockers(def)).toEqual([]);
  });

  it("asks for the 25 of CT 24 in one sentence and clears when entered", () => {
    const def = template("ct24-sinh-hoat");
    expect(launchBlockers(def)).toEqual([
      "Danh sách «25 biểu hiện (CT 24-CT/TU)» còn thiếu 25/25 nội dung: hãy nhập từ văn bản gốc trước khi phát động.",
    ]);
    const filled = withListItems(def, "ct24-25-bieu-hien", "tat-ca", lines(25, "Biểu hiện thử"));
    expect(launchBlockers(filled)).toEqual([]);
    // The built-in itself is untouched.
    expect(builtInTemplates[3]!.lists[0]!.groups[0]!.items).toEqual([]);
  });

  it("numbers pasted lines, dropping blanks and the paste's own numbering", () => {
    const def = withListItems(
      template("ct24-sinh-hoat"),
      "ct24-25-bieu-hien",
      "tat-ca",
      "1. Một\r\n\r\n2) Hai\n   \nBa",
    );
    expect(def.lists[0]!.groups[0]!.items).toEqual([
      { no: 1, text: "Một" },
      { no: 2, text: "Hai" },
      { no: 3, text: "Ba" },
    ]);
  });

  it("blocks a template with more items than the document has", () => {
    const def = withListItems(
      template("ct24-sinh-hoat"),
      "ct24-25-bieu-hien",
      "tat-ca",
      lines(26, "x"),
    );
    expect(launchBlockers(def)).toEqual([
      "Mẫu chưa hợp lệ: Danh sách «ct24-25-bieu-hien», nhóm «tat-ca»: có 26 nội dung, nhiều hơn 25.",
      "Mẫu chưa hợp lệ: Danh sách «ct24-25-bieu-hien», nhóm «tat-ca»: số thứ tự 26 vượt quá 25.",
    ]);
  });
});

describe("000 Tự soi, tự sửa", () => {
  const def = template("tu-soi-tu-sua");

  it("prints the personal plan form section by section with its headings", () => {
    const form = def.forms.find((f) => f.key === "ke-hoach-tu-duong")!;
    expect(form.title).toBe(
      "KẾ HOẠCH TU DƯỠNG, RÈN LUYỆN ĐẠO ĐỨC, KHẮC PHỤC HẠN CHẾ, THIẾU SÓT CỦA CÁ NHÂN NĂM {nam}",
    );
    expect(form.fields.map((f) => [f.type, f.label])).toEqual([
      ["shortText", "Họ và tên"],
      ["number", "Năm sinh"],
      ["shortText", "Chức vụ (đảng, chính quyền, đoàn thể)"],
      ["shortText", "Hiện đang sinh hoạt tại chi bộ"],
      ["shortText", "Thuộc đảng bộ"],
      ["section", "1. Về tu dưỡng, rèn luyện:"],
      ["longText", "2. Về khắc phục hạn chế, thiếu sót của bản thân"],
      ["commitment", "NGƯỜI CAM KẾT"],
      ["cellConfirmation", "XÁC NHẬN CỦA CHI BỘ"],
    ]);
    const section = form.fields[5]!;
    expect(section.type === "section" && section.fields.map((f) => f.label)).toEqual([
      "Phẩm chất chính trị; đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc",
      'Thực hiện những điều đảng viên không được làm; trách nhiệm nêu gương; liên hệ kiểm điểm các biểu hiện suy thoái, "tự diễn biến", "tự chuyển hóa" trong nội bộ',
      "Thực hiện chức trách, nhiệm vụ được giao",
    ]);
    const commitment = form.fields[7]!;
    expect(commitment.type === "commitment" && commitment.statement).toBe(
      "Tôi cam kết phát huy những ưu điểm, nỗ lực, cố gắng khắc phục hạn chế nêu trên. Rất mong cán bộ, đảng viên và nhân dân theo dõi, góp ý, giúp đỡ!",
    );
    expect(formLeafFields(form).filter((f) => f.type === "longText").length).toBe(4);
  });

  it("has the document's steps, deadlines and meeting rules", () => {
    expect(def.steps.map((s) => s.key)).toEqual([
      "trien-khai-huong-dan",
      "chuan-bi",
      "gui-tai-lieu",
      "viet-ke-hoach",
      "hoi-nghi",
      "hoan-thien-ky-nop",
      "xac-nhan-ke-hoach",
      "niem-yet-cong-khai",
      "nop-ban-tuyen-giao",
      "gui-giam-sat",
    ]);
    expect(def.schedule).toMatchObject({ dueOn: "2022-04-10", dueRule: "truoc-ngay" });
    expect(def.steps.find((s) => s.key === "gui-tai-lieu")!.due).toEqual({
      kind: "relative",
      toStep: "hoi-nghi",
      offsetDays: -3,
      rule: "den-het-ngay",
    });
    expect(def.steps.find((s) => s.key === "nop-ban-tuyen-giao")!.due).toEqual({
      kind: "absolute",
      date: "2022-04-15",
      rule: "truoc-ngay",
      rebase: { anchor: "campaign-end", offsetDays: 5 },
    });
    expect(def.meetingRules[0]).toMatchObject({
      relationToRegularMeeting: "separate",
      materialsLeadDays: 3,
      leadersPresentFirst: true,
      eachMemberPresentsPlan: true,
    });
    expect(def.excusals).toMatchObject({ statuses: ["mien-sinh-hoat", "tuoi-cao-benh"] });
  });

  const member = memberUnder("Đảng bộ Cơ quan Quận");

  it("routes publication by position, ignoring case and diacritics, not deputies", () => {
    const publish = def.steps.find((s) => s.key === "niem-yet-cong-khai")!;
    // Routing reads the code the roster's text maps to (schema/rules/positions.ts).
    const who = (position: string) =>
      stepAppliesToMember(
        def,
        publish,
        member({ position, positionCode: positionCodeFor(position) }),
      );
    expect(who("Trưởng phòng Nội vụ")).toBe(true);
    expect(who("Phó Trưởng phòng Nội vụ")).toBe(false);
    expect(who("Hiệu trưởng Trường THCS Gia Thụy")).toBe(true);
    expect(who("Phó Hiệu trưởng Trường THCS Gia Thụy")).toBe(false);
    expect(who("Chủ tịch UBND phường Bồ Đề")).toBe(true);
    expect(who("Phó Chủ tịch UBND phường Bồ Đề")).toBe(false);
    expect(who("Quận uỷ viên, Bí thư Đảng uỷ phường")).toBe(true);
    expect(who("Chuyên viên")).toBe(false);
  });

  it("routes supervision: first matching rule wins", () => {
    expect(supervisionFor(def, member({ managementCategory: "dien-btv-cap-huyen" }))?.key).toBe(
      "dien-btv-quan-ly",
    );
    expect(
      supervisionFor(def, member({ ancestorUnitNames: ["Đảng bộ phường Bồ Đề", "Quận ủy"] }))?.key,
    ).toBe("dang-bo-phuong");
    expect(supervisionFor(def, member({}))?.key).toBe("tccs-khac");
  });
});

describe("002 as a clone of 000", () => {
  const huyen = template("tu-soi-tu-sua-huyen");
  const quan = template("tu-soi-tu-sua");

  it("is exactly resolveVariant(000, its differences)", () => {
    expect(huyen).toEqual(resolveVariant(tuSoiTuSua, tuSoiTuSuaHuyenVariant));
    expect(huyen.variantOf).toBe("tu-soi-tu-sua");
    expect(huyen.source).toMatchObject({ documentNo: "05-HD/HU", date: "2022-03-31" });
  });

  it("keeps 000's steps, form fields, excusals and lists", () => {
    expect(huyen.steps.map((s) => s.key)).toEqual(quan.steps.map((s) => s.key));
    const fields = (d: TemplateDefinition) =>
      d.forms.find((f) => f.key === "ke-hoach-tu-duong")!.fields;
    expect(fields(huyen)).toEqual(fields(quan));
    expect(huyen.excusals).toEqual(quan.excusals);
    expect(huyen.lists).toEqual(quan.lists);
  });

  it("changes what 002 states: flexible forms within monthly meetings, no dated deadline", () => {
    expect(huyen.meetingRules[0]!.relationToRegularMeeting).toBe("either");
    expect(huyen.meetingRules[0]!.formats!.map((f) => f.value)).toEqual([
      "hoi-nghi-kiem-diem",
      "toa-dam-khoa-hoc",
      "sinh-hoat-chuyen-de",
    ]);
    expect(quan.meetingRules[0]!.relationToRegularMeeting).toBe("separate");
    expect(huyen.schedule).toMatchObject({ dueOn: "2022-12-31", dueRule: "den-het-ngay" });
    expect(huyen.steps.find((s) => s.key === "nop-ban-tuyen-giao")!.due.kind).toBe("undated");
    expect(huyen.routing.supervision.map((r) => r.key)).toEqual([
      "dien-btv-quan-ly",
      "dang-bo-xa",
      "tccs-khac",
    ]);
    expect(huyen.followUp.milestones).toHaveLength(3);
  });

  it("refuses a variant applied to the wrong base", () => {
    expect(() => resolveVariant(template("ct24-sinh-hoat"), tuSoiTuSuaHuyenVariant)).toThrow(
      "Mẫu «tu-soi-tu-sua-huyen» là biến thể của «tu-soi-tu-sua», không phải của «ct24-sinh-hoat»",
    );
  });
});

describe("004 CT 24 sinh hoạt", () => {
  const def = template("ct24-sinh-hoat");

  it("runs separate flows for chi bộ, đảng ủy and UBND/MTTQ/đoàn thể", () => {
    const byFlow = (flow: string) => def.steps.filter((s) => s.flow === flow).map((s) => s.key);
    expect(byFlow("chi-bo")).toEqual([
      "cb-chuan-bi",
      "cb-dang-tai-lieu",
      "cb-bao-lich",
      "cb-sinh-hoat",
      "dv-du-sinh-hoat",
      "cb-bao-cao",
    ]);
    expect(byFlow("dang-uy")).toEqual([
      "du-chuan-bi",
      "du-gui-tai-lieu",
      "du-sinh-hoat",
      "duv-du-sinh-hoat",
      "tuyen-giao-bao-cao",
    ]);
    expect(byFlow("ubnd-mttq-doan-the")).toEqual([
      "cq-chuan-bi",
      "cq-gui-tai-lieu",
      "cq-sinh-hoat",
    ]);
  });

  it("states ≥ 90 minutes, separate, ≥ 3 days' materials, roll-call, vote; 100% of committee", () => {
    for (const m of def.meetingRules) {
      expect(m).toMatchObject({
        minDurationMinutes: 90,
        relationToRegularMeeting: "separate",
        materialsLeadDays: 3,
        rollCall: true,
        votes: [{ subject: "minutes" }],
      });
    }
    expect(def.meetingRules.find((m) => m.key === "du-sinh-hoat")!.speakers).toEqual([
      { who: "committee-members", minShare: 1, cite: "004 §II.4.2 Bước 2, Lưu ý" },
    ]);
    expect(def.meetingRules.find((m) => m.key === "cb-sinh-hoat")!.materialsChannel).toBe(
      "so-tay-dang-vien-dien-tu",
    );
    expect(def.steps.find((s) => s.key === "cb-bao-cao")!.due).toMatchObject({
      date: "2023-10-30",
      rule: "truoc-ngay",
    });
  });

  it("tells MTTQ from the other đoàn thể by name for attendance", () => {
    const rules = def.meetingRules.find((m) => m.key === "cq-sinh-hoat")!.attendance!;
    const forUnit = (name: string) =>
      rules
        .filter(
          (a) =>
            a.role === "thanh-phan" &&
            (!a.appliesTo || unitMatches(a.appliesTo, { kind: "doan-the", name })),
        )
        .flatMap((a) => a.who);
    expect(forUnit("Ủy ban MTTQ phường Long Biên")).toEqual(["Ban Thường trực Ủy ban MTTQ phường"]);
    expect(forUnit("Hội Liên hiệp Phụ nữ phường")).toEqual([
      "Ban Thường vụ các đoàn thể chính trị - xã hội phường",
    ]);
  });

  it("gives đảng ủy viên, wherever their cell, the attend step", () => {
    const step = def.steps.find((s) => s.key === "duv-du-sinh-hoat")!;
    const m = (position: string): MemberForMatch => ({
      status: "dang-sinh-hoat",
      position,
      positionCode: null,
      managementCategory: null,
      unit: { kind: "chi-bo", name: "Chi bộ Tổ dân phố 3" },
      ancestorUnitNames: [],
    });
    expect(stepAppliesToMember(def, step, m("Đảng uỷ viên, Bí thư chi bộ"))).toBe(true);
    expect(stepAppliesToMember(def, step, m("Bí thư chi bộ"))).toBe(false);
    expect(memberMatches({ statuses: ["tuoi-cao-benh"] }, m(""))).toBe(false);
  });
});

describe("003 Diễn đàn chi bộ", () => {
  const def = template("dien-dan-chi-bo");

  it("has self-relating, resolution, 2-in-1 plan, commitment, monthly review and 6-monthly report", () => {
    expect(def.steps.map((s) => [s.key, s.owner, s.formKey ?? null])).toEqual([
      ["ke-hoach-chi-dao", "unit", null],
      ["chuan-bi", "unit", null],
      ["tu-lien-he", "member", "tu-lien-he-27"],
      ["dien-dan", "unit", "ket-luan-dien-dan"],
      ["hop-chi-uy", "unit", "du-thao-nghi-quyet"],
      ["thong-qua-nghi-quyet", "unit", null],
      ["ke-hoach-ca-nhan", "member", "ke-hoach-2-trong-1"],
      ["le-ky-cam-ket", "unit", null],
      ["ky-cam-ket", "member", "cam-ket"],
    ]);
    const checklist = formLeafFields(def.forms.find((f) => f.key === "tu-lien-he-27")!)[0]!;
    expect(checklist).toMatchObject({ type: "checklist", listKey: "nq04-27-bieu-hien" });
    expect(def.followUp.monthlyReview).toMatchObject({
      by: "chi-uy",
      subjects: ["unit-action-plan", "personal-plan"],
    });
    expect(def.followUp.periodicReports).toMatchObject([
      { every: "6-thang", to: "Ban Tuyên giáo Tỉnh ủy" },
    ]);
    expect(def.meetingRules.find((m) => m.key === "thong-qua-nghi-quyet")!.votes).toEqual([
      { subject: "resolution", cite: "003 §II.3.1" },
    ]);
  });
});

describe("validateTemplate refuses broken templates", () => {
  const base = () => template("tu-soi-tu-sua");
  const step = (def: TemplateDefinition, key: string) => def.steps.find((s) => s.key === key)!;

  it("a cycle among deadlines, naming the steps", () => {
    const def = base();
    step(def, "hoi-nghi").due = {
      kind: "relative",
      toStep: "chuan-bi",
      offsetDays: 1,
      rule: "truoc-ngay",
    };
    expect(problemsOf(def)).toEqual([
      "Hạn của các bước tạo thành vòng lặp: «chuan-bi» → «gui-tai-lieu» → «hoi-nghi» → «chuan-bi».",
    ]);
  });

  it("a cycle in the order of steps", () => {
    const def = base();
    step(def, "chuan-bi").after = ["hoi-nghi"];
    expect(problemsOf(def)).toEqual([
      "Thứ tự các bước tạo thành vòng lặp: «chuan-bi» → «hoi-nghi» → «chuan-bi».",
    ]);
  });

  it("a missing form, list, step, meeting rule or field", () => {
    const def = base();
    step(def, "viet-ke-hoach").formKey = "khong-co";
    step(def, "hoi-nghi").meetingRulesKey = "khong-co";
    step(def, "hoan-thien-ky-nop").after = ["buoc-ma"];
    def.routing.forwarding[0]!.stepKey = "buoc-ma";
    const review = def.forms.find((f) => f.key === "nhan-xet-hang-thang")!;
    const last = review.fields[5]!;
    if (last.type === "longText") last.requiredIf = { field: "khong-co", equals: "co" };
    // A checklist as CT 24's, on a list this template does not have.
    const ct24 = template("ct24-sinh-hoat").forms.flatMap(formLeafFields);
    const checklist = ct24.find((f) => f.type === "checklist")!;
    review.fields.push({ ...checklist, key: "lien-he", listKey: "danh-sach-ma" });
    expect(problemsOf(def)).toEqual([
      "Bước «viet-ke-hoach» dùng biểu mẫu «khong-co» không có trong mẫu.",
      "Bước «hoi-nghi» dùng quy định cuộc họp «khong-co» không có trong mẫu.",
      "Bước «hoan-thien-ky-nop» trỏ tới bước «buoc-ma» không có trong mẫu.",
      "Biểu mẫu «nhan-xet-hang-thang», trường «bao-cao-lam-ro»: điều kiện bắt buộc trỏ tới trường «khong-co» không có.",
      "Biểu mẫu «nhan-xet-hang-thang», trường «lien-he» dùng danh sách «danh-sach-ma» không có trong mẫu.",
      "Quy tắc chuyển «nop-chi-bo» trỏ tới bước «buoc-ma» không có trong mẫu.",
    ]);
  });

  // An impossible date is refused by the shape since issue 14 (one date type, schema/scalars.ts),
  // before the other checks run.
  it("an impossible date, with its path", () => {
    const def = base();
    def.schedule.startsOn = "2022-02-30";
    expect(problemsOf(def)).toEqual(["Sai cấu trúc tại «schedule.startsOn»: Ngày không có thật."]);
  });

  it("duplicate keys, a rebase that does not reproduce the date, counts", () => {
    const def = base();
    def.steps.push(structuredClone(step(def, "chuan-bi")));
    const nop = step(def, "nop-ban-tuyen-giao");
    if (nop.due.kind === "absolute") nop.due.date = "2022-04-16";
    def.lists[0]!.expectedCount = 20;
    expect(problemsOf(def)).toEqual([
      "Khóa bước «chuan-bi» bị trùng.",
      "Bước «nop-ban-tuyen-giao»: hạn 2022-04-16 không khớp cách tính lại theo đợt (2022-04-15).",
      "Danh sách «qd37-19-dieu»: tổng số nội dung các nhóm (19) khác số nội dung của danh sách (20).",
    ]);
  });

  it("text that is not NFC", () => {
    const def = base();
    def.name = "Tự soi, tự sửa".normalize("NFD");
    expect(problemsOf(def)).toEqual(["Văn bản tại «name» chưa chuẩn hóa Unicode NFC."]);
  });

  it("a wrong shape, with the path", () => {
    const def = base() as unknown as Record<string, unknown>;
    def.key = "Tu Soi";
    expect(problemsOf(def)).toEqual([
      "Sai cấu trúc tại «key»: Khóa phải viết thường, không dấu, nối bằng gạch ngang",
    ]);
    expect(problemsOf({})[0]).toMatch(/^Sai cấu trúc tại «key»/);
  });

  it("and launchBlockers says why the campaign cannot start", () => {
    const def = base();
    step(def, "viet-ke-hoach").formKey = "khong-co";
    expect(launchBlockers(def)).toEqual([
      "Mẫu chưa hợp lệ: Bước «viet-ke-hoach» dùng biểu mẫu «khong-co» không có trong mẫu.",
    ]);
  });
});
