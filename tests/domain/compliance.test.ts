import { describe, expect, it } from "vitest";
import type { MeetingRules } from "../../schema/template";
import { getBuiltInTemplate } from "../../schema/templates";
import { meetingMarks, reportMark, type MeetingFacts } from "../../worker/domain/compliance";
import { dueInstant } from "../../worker/domain/deadlines";

const ct24 = getBuiltInTemplate("ct24-sinh-hoat")!;
const cellRules = ct24.meetingRules.find((r) => r.key === "cb-sinh-hoat")!;
const partyRules = ct24.meetingRules.find((r) => r.key === "du-sinh-hoat")!;
const start = new Date("2023-09-19T01:00:00Z"); // 08:00 ICT on 19/9/2023
const due = dueInstant("den-het-ngay", "2023-09-19");
const later = new Date("2023-09-25T00:00:00Z");

const member = (id: string, o: Partial<MeetingFacts["attendance"][number]> = {}) => ({
  memberId: id,
  presence: "present" as const,
  isCommittee: false,
  spokeOrder: null,
  leadershipRank: 100,
  ...o,
});
const meeting = (o: Partial<MeetingFacts> = {}): MeetingFacts => ({
  scheduledAt: start,
  materialsSentAt: new Date(start.getTime() - 72 * 3600_000),
  soTayPostedAt: new Date(start.getTime() - 72 * 3600_000),
  startedAt: start,
  endedAt: new Date(start.getTime() + 90 * 60_000),
  mergedWithRegular: false,
  voteFor: 3,
  voteAgainst: 0,
  voteAbstain: 0,
  attendance: [
    member("a", { leadershipRank: 1, spokeOrder: 1 }),
    member("b", { spokeOrder: 2 }),
    member("c"),
  ],
  ...o,
});
const mark = (rules: MeetingRules, m: MeetingFacts | null, rule: string, now = later) =>
  meetingMarks(rules, m, due, now).find((x) => x.rule === rule)!;

describe("meeting duration (≥ 90 minutes, 004 §II.3)", () => {
  it("passes at exactly 90 minutes and fails at 89", () => {
    expect(mark(cellRules, meeting(), "duration")).toMatchObject({
      status: "pass",
      reason: "Kéo dài 90 phút.",
    });
    expect(
      mark(cellRules, meeting({ endedAt: new Date(start.getTime() + 89 * 60_000) }), "duration"),
    ).toEqual({
      rule: "duration",
      label: "Thời gian sinh hoạt tối thiểu 90 phút",
      status: "fail",
      reason: "Chỉ kéo dài 89 phút (yêu cầu tối thiểu 90 phút).",
    });
    expect(
      mark(
        cellRules,
        meeting({ endedAt: new Date(start.getTime() + 89 * 60_000 + 59_999) }),
        "duration",
      ).status,
    ).toBe("fail");
  });
});

describe("materials at least 3 days ahead (004 §II.4.1 Bước 1)", () => {
  it("passes when posted 72 hours ahead and is late one minute under", () => {
    expect(mark(cellRules, meeting(), "materials").status).toBe("pass");
    const oneMinuteShort = new Date(start.getTime() - 72 * 3600_000 + 60_000);
    expect(
      mark(
        cellRules,
        meeting({ soTayPostedAt: oneMinuteShort, materialsSentAt: oneMinuteShort }),
        "materials",
      ),
    ).toMatchObject({
      status: "late",
      reason: "Gửi lúc 16/09/2023 08:01, chỉ trước 71 giờ (yêu cầu 72 giờ).",
    });
  });
  it("reads the Sổ tay posting for cells (004 names the app) and the direct sending elsewhere", () => {
    const early = new Date(start.getTime() - 4 * 86400_000);
    const tooLate = new Date(start.getTime() - 3600_000);
    expect(
      mark(cellRules, meeting({ soTayPostedAt: early, materialsSentAt: tooLate }), "materials")
        .status,
    ).toBe("pass");
    expect(
      mark(partyRules, meeting({ soTayPostedAt: early, materialsSentAt: tooLate }), "materials")
        .status,
    ).toBe("late");
  });
  it("fails when nothing was sent once the meeting is less than 3 days away, and waits before", () => {
    expect(
      mark(cellRules, meeting({ soTayPostedAt: null, materialsSentAt: null }), "materials").status,
    ).toBe("fail");
    expect(
      mark(
        cellRules,
        meeting({ soTayPostedAt: null, materialsSentAt: null, startedAt: null }),
        "materials",
        new Date("2023-09-10T00:00:00Z"),
      ).status,
    ).toBe("pending");
  });
});

describe("the other meeting rules", () => {
  it("refuses a meeting merged with the regular one", () => {
    expect(mark(cellRules, meeting({ mergedWithRegular: true }), "separate").status).toBe("fail");
    expect(mark(cellRules, meeting(), "separate").status).toBe("pass");
  });
  it("needs a roll-call and counts it", () => {
    expect(mark(cellRules, meeting({ attendance: [] }), "roll-call").status).toBe("fail");
    expect(
      mark(
        cellRules,
        meeting({
          attendance: [
            member("a"),
            member("b", { presence: "excused" }),
            member("c", { presence: "absent" }),
          ],
        }),
        "roll-call",
      ).reason,
    ).toBe("Có mặt 1, vắng có lý do 1, vắng không lý do 1.");
  });
  it("needs every committee member present to speak (100%), excused ones out of the count", () => {
    const att = [
      member("a", { isCommittee: true, spokeOrder: 1, leadershipRank: 1 }),
      member("b", { isCommittee: true, spokeOrder: 2 }),
      member("c", { isCommittee: true }),
      member("d", { isCommittee: true, presence: "excused" }),
    ];
    expect(
      mark(partyRules, meeting({ attendance: att }), "speakers-committee-members"),
    ).toMatchObject({ status: "fail", reason: "Mới có 2/3 cấp ủy viên phát biểu (cần 3)." });
    att[2]!.spokeOrder = 3;
    expect(
      mark(partyRules, meeting({ attendance: att }), "speakers-committee-members"),
    ).toMatchObject({ status: "pass", reason: "3/3 cấp ủy viên phát biểu." });
  });
  it("adopts the minutes with more than half of those present", () => {
    const four = [member("a"), member("b"), member("c"), member("d")];
    expect(
      mark(cellRules, meeting({ attendance: four, voteFor: 3, voteAgainst: 1 }), "vote-minutes")
        .status,
    ).toBe("pass");
    expect(
      mark(
        cellRules,
        meeting({ attendance: four, voteFor: 2, voteAgainst: 1, voteAbstain: 1 }),
        "vote-minutes",
      ).status,
    ).toBe("fail");
    expect(mark(cellRules, meeting({ voteFor: null }), "vote-minutes").reason).toBe(
      "Chưa ghi kết quả biểu quyết.",
    );
  });
  it("wants the highest-ranking leader present to speak first where the template says so", () => {
    const rules = getBuiltInTemplate("tu-soi-tu-sua")!.meetingRules[0]!;
    expect(mark(rules, meeting(), "leaders-first").status).toBe("pass");
    expect(
      mark(
        rules,
        meeting({
          attendance: [
            member("a", { leadershipRank: 1, spokeOrder: 2 }),
            member("b", { spokeOrder: 1 }),
          ],
        }),
        "leaders-first",
      ).status,
    ).toBe("fail");
  });
  it("marks a meeting never held as pending before its deadline and failed after", () => {
    expect(mark(cellRules, null, "held", new Date("2023-09-19T16:59:00Z")).status).toBe("pending");
    expect(mark(cellRules, null, "held", due).status).toBe("fail");
    expect(
      mark(
        cellRules,
        meeting({
          startedAt: new Date(due.getTime() + 3600_000),
          endedAt: new Date(due.getTime() + 3 * 3600_000),
        }),
        "held",
      ).status,
    ).toBe("late");
  });
});

describe("report upward on time (004 §IV.3: trước ngày 30/10/2023)", () => {
  const reportDue = dueInstant("truoc-ngay", "2023-10-30");
  it("is on time at 23:59 ICT on 29/10 and late at 00:00 on 30/10", () => {
    expect(
      reportMark("Báo cáo kết quả", new Date("2023-10-29T16:59:00Z"), reportDue, later).status,
    ).toBe("pass");
    expect(
      reportMark("Báo cáo kết quả", new Date("2023-10-29T16:59:59.999Z"), reportDue, later).status,
    ).toBe("pass");
    expect(
      reportMark("Báo cáo kết quả", new Date("2023-10-29T17:00:00Z"), reportDue, later),
    ).toMatchObject({ status: "late", reason: "Nộp ngày 30/10/2023, sau hạn 29/10/2023." });
  });
  it("is pending until the deadline and failed after it when nothing was sent", () => {
    expect(
      reportMark("Báo cáo kết quả", null, reportDue, new Date("2023-10-29T16:59:00Z")).status,
    ).toBe("pending");
    expect(reportMark("Báo cáo kết quả", null, reportDue, reportDue).status).toBe("fail");
  });
});
