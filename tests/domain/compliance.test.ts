import { describe, expect, it } from "vitest";
import type { MeetingRules } from "../../schema/template";
import { getBuiltInTemplate } from "../../schema/templates";
import { meetingMarks, reportMark, type MeetingFacts } from "../../worker/domain/compliance";
import { dueInstant } from "../../worker/domain/deadlines";
import { heldMeeting } from "../support/meetings";

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
  ...heldMeeting(start, 72 * 3600_000, 3, [
    member("a", { leadershipRank: 1, spokeOrder: 1 }),
    member("b", { spokeOrder: 2 }),
    member("c"),
  ]),
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

describe("issue 10: meetings as the directives describe them", () => {
  const department = getBuiltInTemplate("tu-soi-tu-sua-so")!;
  const halfDay = department.meetingRules.find((r) => r.key === "hoi-nghi-hoc-tap")!;
  const district = getBuiltInTemplate("tu-soi-tu-sua")!.meetingRules[0]!;
  const ubnd = ct24.meetingRules.find((r) => r.key === "cq-sinh-hoat")!;
  const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

  it("never shows a meeting whose start is still ahead as held, nor any rule met", () => {
    const before = new Date(start.getTime() - 60_000);
    const marks = meetingMarks(cellRules, meeting(), due, before);
    expect(marks.find((x) => x.rule === "held")).toEqual({
      rule: "held",
      label: "Tổ chức sinh hoạt đúng hạn",
      status: "pending",
      reason: "Lịch ngày 19/09/2023, chưa diễn ra.",
    });
    expect(marks.filter((x) => x.status === "pass").map((x) => x.rule)).toEqual(["materials"]);
    expect(mark(cellRules, meeting(), "held", start).status).toBe("pass");
  });

  it("reads 001's half day as one 4-hour buổi: 239 minutes fail, 240 pass", () => {
    expect(mark(halfDay, meeting({ endedAt: minutes(240) }), "duration")).toEqual({
      rule: "duration",
      label: "Thời gian sinh hoạt tối thiểu 0,5 ngày (240 phút)",
      status: "pass",
      reason: "Kéo dài 240 phút.",
    });
    expect(mark(halfDay, meeting({ endedAt: minutes(239) }), "duration").reason).toBe(
      "Chỉ kéo dài 239 phút (yêu cầu tối thiểu 240 phút).",
    );
    // 30 minutes no longer passes (the finding).
    expect(mark(halfDay, meeting({ endedAt: minutes(30) }), "duration").status).toBe("fail");
    expect(mark(cellRules, meeting({ endedAt: minutes(89) }), "duration").status).toBe("fail");
    expect(mark(cellRules, meeting({ endedAt: minutes(90) }), "duration").status).toBe("pass");
  });

  it("fails leaders-first when the second leader speaks after a member", () => {
    const att = (secondLeaderOrder: number) => [
      member("bi-thu", { leadershipRank: 1, spokeOrder: 1 }),
      member("pho-bi-thu", { leadershipRank: 2, spokeOrder: secondLeaderOrder }),
      member("dv1", { spokeOrder: 2 }),
      member("dv2", { spokeOrder: 4 }),
    ];
    expect(mark(district, meeting({ attendance: att(3) }), "leaders-first")).toMatchObject({
      status: "fail",
      reason: "Đồng chí lãnh đạo phát biểu thứ 3 sau đảng viên phát biểu thứ 2.",
    });
    const ok = att(3).map((a) =>
      a.memberId === "pho-bi-thu"
        ? { ...a, spokeOrder: 2 }
        : a.memberId === "dv1"
          ? { ...a, spokeOrder: 3 }
          : a,
    );
    expect(mark(district, meeting({ attendance: ok }), "leaders-first")).toMatchObject({
      status: "pass",
      reason: "2 đồng chí lãnh đạo có mặt trình bày trước.",
    });
    const silent = ok.map((a) => (a.memberId === "pho-bi-thu" ? { ...a, spokeOrder: null } : a));
    expect(mark(district, meeting({ attendance: silent }), "leaders-first").status).toBe("fail");
  });

  it("fails the attendance rule naming the required guest who is missing", () => {
    const co = { kind: "co-quan" as const, name: "UBND phường" };
    const attendees = (m: MeetingFacts) =>
      meetingMarks(ubnd, m, due, later, co).find((x) => x.rule === "attendees")!;
    const chuTich = member("ct", { role: "lanh-dao-ubnd" });
    expect(attendees(meeting({ attendance: [chuTich] }))).toEqual({
      rule: "attendees",
      label: "Thành phần bắt buộc tham dự",
      status: "fail",
      reason: "Thiếu: Đồng chí Bí thư Đảng ủy phường.",
    });
    const guests = [
      { name: "Nguyễn Văn Bí", organisation: "Đảng ủy phường", role: "bi-thu-dang-uy" },
    ];
    expect(attendees(meeting({ attendance: [chuTich], guests })).status).toBe("pass");
    // Called but absent does not count.
    expect(
      attendees(meeting({ attendance: [{ ...chuTich, presence: "absent" }], guests })).reason,
    ).toBe(
      "Thiếu: Chủ tịch, các Phó Chủ tịch UBND, Trưởng công an, Công chức phường: Chỉ huy trưởng Ban Chỉ huy Quân sự; Văn phòng - thống kê; Địa chính - xây dựng - đô thị và môi trường; Tài chính - kế toán; Tư pháp - hộ tịch; Văn hóa - xã hội.",
    );
  });

  it("checks không lồng ghép against every kind 000 names, thematic conferences too", () => {
    expect(mark(district, meeting({ mergedWith: ["chuyen-de"] }), "separate")).toMatchObject({
      status: "fail",
      label: "Không ghép với sinh hoạt thường kỳ, hội nghị, sinh hoạt chuyên đề",
      reason: "Đã ghép với hội nghị, sinh hoạt chuyên đề.",
    });
    expect(mark(district, meeting({ mergedWith: [] }), "separate").status).toBe("pass");
    // The screen's "Tổ chức riêng" (mergedWithRegular: false) answers for every kind; not
    // recorded at all, nothing is judged yet.
    expect(mark(district, meeting({ mergedWithRegular: false }), "separate").status).toBe("pass");
    expect(
      mark(district, meeting({ mergedWithRegular: null }), "separate", new Date(due.getTime() - 1))
        .status,
    ).toBe("pending");
    expect(mark(cellRules, meeting({ mergedWithRegular: false }), "separate").status).toBe("pass");
  });
});
