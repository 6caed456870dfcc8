// The template language's meeting rules (issue 10): what a template must state for the engine
// to check it, refused when saved.
import { describe, expect, it } from "vitest";
import { validateTemplate, type TemplateDefinition } from "../../schema/template";
import { getBuiltInTemplate } from "../../schema/templates";

const problemsOf = (def: unknown) => {
  const r = validateTemplate(def);
  return r.ok ? [] : r.problems;
};
const ct24 = () => getBuiltInTemplate("ct24-sinh-hoat") as TemplateDefinition;
const rules = (def: TemplateDefinition, key: string) =>
  def.meetingRules.find((r) => r.key === key)!;

describe("meeting rules in a template", () => {
  it("states 001's half day, 001's and 002's monthly sessions and 000's không lồng ghép", () => {
    const so = getBuiltInTemplate("tu-soi-tu-sua-so")!;
    expect(rules(so, "hoi-nghi-hoc-tap").minDurationDays).toBe(0.5);
    expect(rules(so, "kiem-diem-thuong-ky").recurrence).toBe("monthly");
    expect(getBuiltInTemplate("tu-soi-tu-sua-huyen")!.meetingRules[0]).toMatchObject({
      recurrence: "monthly",
      notMergedWith: [],
    });
    expect(rules(getBuiltInTemplate("tu-soi-tu-sua")!, "hoi-nghi-tu-soi").notMergedWith).toEqual([
      "thuong-ky",
      "chuyen-de",
    ]);
  });

  it("refuses a required attendee with no key to fill it by", () => {
    const def = ct24();
    delete rules(def, "cb-sinh-hoat").attendance![1]!.key;
    expect(problemsOf(def)).toEqual([
      "Quy định cuộc họp «cb-sinh-hoat»: thành phần bắt buộc «Đồng chí Ủy viên Ban Thường vụ phụ trách, Đảng ủy viên theo dõi chi bộ» cần có khóa để điểm danh.",
    ]);
  });

  it("refuses a duration in both minutes and days, and sessions with a monthly rhythm", () => {
    const def = ct24();
    Object.assign(rules(def, "cb-sinh-hoat"), {
      minDurationDays: 0.5,
      sessions: 2,
      recurrence: "monthly",
    });
    expect(problemsOf(def)).toEqual([
      "Quy định cuộc họp «cb-sinh-hoat» nêu thời lượng cả theo phút và theo ngày: chỉ chọn một.",
      "Quy định cuộc họp «cb-sinh-hoat» nêu cả số buổi và lịch hằng tháng: chỉ chọn một.",
    ]);
  });

  it("refuses a duration in days that is not a multiple of half a day", () => {
    const def = ct24();
    const r = rules(def, "cb-sinh-hoat");
    delete r.minDurationMinutes;
    r.minDurationDays = 0.75;
    expect(problemsOf(def)).toEqual([
      "Sai cấu trúc tại «meetingRules.0.minDurationDays»: Số ngày phải là bội của 0,5.",
    ]);
    r.minDurationDays = 1.5;
    expect(problemsOf(def)).toEqual([]);
  });
});

describe("materials in a template", () => {
  it("accepts a material's link over http(s) and refuses any other scheme", () => {
    const def = ct24();
    def.materials![0]!.url = "https://tulieuvankien.dangcongsan.vn/chi-thi-24";
    expect(problemsOf(def)).toEqual([]);
    for (const url of ["javascript:alert(1)", "ftp://x.vn/a.pdf", "tài liệu"]) {
      def.materials![0]!.url = url;
      expect(problemsOf(def).join(" "), url).toContain(
        "Chỉ nhận đường dẫn bắt đầu bằng http:// hoặc https://.",
      );
    }
  });
});

describe("lists a form's answer is written against", () => {
  it("000's plan refers to QĐ 37 and the 27 expressions, and an unknown list is refused", () => {
    const def = getBuiltInTemplate("tu-soi-tu-sua") as TemplateDefinition;
    const plan = def.forms.find((f) => f.key === "ke-hoach-tu-duong")!;
    const section = plan.fields.find((f) => f.key === "tu-duong-ren-luyen")!;
    const field = section.type === "section" ? section.fields[1]! : null;
    expect(field).toMatchObject({ refersTo: ["qd37-19-dieu", "nq04-27-bieu-hien"] });
    if (field?.type === "longText") field.refersTo = ["qd99"];
    expect(problemsOf(def)).toEqual([
      expect.stringContaining("đối chiếu danh sách «qd99» không có trong mẫu."),
    ]);
  });
});
