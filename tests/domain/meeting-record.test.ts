// The meeting record's marks (worker/domain/meeting-record.ts) on 000's conference: the
// minutes secretary appointed, every agenda item covered with its presenter, each member
// present presenting their plan and commented on by the collective.
import { describe, expect, it } from "vitest";
import { getBuiltInTemplate } from "../../schema/templates";
import { meetingMarks, type MeetingFacts } from "../../worker/domain/compliance";
import { dueInstant } from "../../worker/domain/deadlines";
import { heldMeeting } from "../support/meetings";

const rules = getBuiltInTemplate("tu-soi-tu-sua")!.meetingRules.find(
  (r) => r.key === "hoi-nghi-tu-soi",
)!;
const start = new Date("2022-04-05T01:00:00Z");
const due = dueInstant("den-het-ngay", "2022-04-10");
const later = new Date("2022-04-06T00:00:00Z");
const agendaAll = rules.agenda!.map((a, i) => ({
  no: i + 1,
  presenter: a.presenter ? "Đ/c Bí thư" : null,
}));
const person = (id: string, o: Partial<MeetingFacts["attendance"][number]> = {}) => ({
  memberId: id,
  presence: "present" as const,
  isCommittee: false,
  spokeOrder: null,
  leadershipRank: 100,
  presentedPlan: true,
  commentedOn: true,
  ...o,
});
const meeting = (o: Partial<MeetingFacts> = {}): MeetingFacts => ({
  ...heldMeeting(start, 72 * 3600_000, 2, [person("a"), person("b")]),
  minutesSecretary: "Nguyễn Văn Thư",
  agenda: agendaAll,
  ...o,
});
const mark = (m: MeetingFacts | null, rule: string, now = later) =>
  meetingMarks(rules, m, due, now).find((x) => x.rule === rule)!;

describe("the meeting record under 000's rules", () => {
  it("the template asks for all four, and a record by the book passes each", () => {
    expect(rules.agenda!.length).toBe(4);
    for (const r of ["minutes-secretary", "agenda", "each-presents-plan", "collective-comments"])
      expect(mark(meeting(), r).status, r).toBe("pass");
    expect(mark(meeting(), "minutes-secretary").reason).toBe("Thư ký: Nguyễn Văn Thư.");
  });

  it("fails without a minutes secretary (blank counts as none)", () => {
    expect(mark(meeting({ minutesSecretary: "  " }), "minutes-secretary")).toMatchObject({
      status: "fail",
      reason: "Biên bản chưa ghi thư ký.",
    });
  });

  it("names the agenda items not covered, and an item whose named presenter is missing", () => {
    expect(mark(meeting({ agenda: agendaAll.slice(0, 1) }), "agenda")).toMatchObject({
      status: "fail",
      reason: "Chưa ghi nhận nội dung 2, 3 và 4.",
    });
    const withPresenter = rules.agenda!.findIndex((a) => a.presenter) + 1;
    expect(withPresenter).toBeGreaterThan(0);
    const blank = agendaAll.map((a) => (a.no === withPresenter ? { no: a.no, presenter: "" } : a));
    expect(mark(meeting({ agenda: blank }), "agenda")).toMatchObject({
      status: "fail",
      reason: `Nội dung ${withPresenter} chưa ghi người trình bày.`,
    });
  });

  it("one member present who did not present a plan, or was not commented on, fails", () => {
    const m = meeting({
      attendance: [person("a"), person("b", { presentedPlan: false, commentedOn: false })],
    });
    expect(mark(m, "each-presents-plan")).toMatchObject({
      status: "fail",
      reason: "Mới 1/2 đảng viên có mặt đã trình bày kế hoạch.",
    });
    expect(mark(m, "collective-comments").status).toBe("fail");
    // The absent do not count against it.
    const absent = meeting({
      attendance: [person("a"), person("b", { presence: "absent", presentedPlan: false })],
    });
    expect(mark(absent, "each-presents-plan").reason).toBe(
      "1/1 đảng viên có mặt đã trình bày kế hoạch.",
    );
  });

  it("a meeting not yet held is pending, and failed once the deadline passed", () => {
    const ahead = meeting({ startedAt: new Date(later.getTime() + 3600_000) });
    expect(mark(ahead, "agenda").status).toBe("pending");
    expect(mark(null, "minutes-secretary", new Date("2022-04-11T00:00:00Z")).status).toBe("fail");
  });
});
