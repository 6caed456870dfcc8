import { describe, expect, it } from "vitest";
import type { MeetingRules } from "../../schema/template";
import { getBuiltInTemplate } from "../../schema/templates";
import { dueInstant } from "../../worker/domain/deadlines";
import { stepMeetingMarks, type SessionFacts } from "../../worker/domain/meeting-sessions";
import { heldMeeting } from "../support/meetings";

const ct24 = getBuiltInTemplate("ct24-sinh-hoat")!;
const cellRules = ct24.meetingRules.find((r) => r.key === "cb-sinh-hoat")!;
const due = dueInstant("den-het-ngay", "2023-09-19");
const later = new Date("2023-09-25T00:00:00Z");
const startsAt = new Date("2023-09-01T00:00:00+07:00");

const session = (n: number, startIso: string, o: Partial<SessionFacts> = {}): SessionFacts => {
  const start = new Date(startIso);
  return {
    session: n,
    ...heldMeeting(start, 4 * 86400_000, 1, [
      { memberId: "a", presence: "present", isCommittee: false, spokeOrder: 1, leadershipRank: 1 },
    ]),
    ...o,
  };
};
const marksOf = (
  rules: MeetingRules,
  s: SessionFacts[],
  now = later,
  dueAt: Date | null = due,
  from = startsAt,
) =>
  Object.fromEntries(
    stepMeetingMarks(rules, s, dueAt, now, { startsAt: from }).map((m) => [m.rule, m]),
  );

describe("several sessions of one step", () => {
  const two = { ...cellRules, sessions: 2 };
  it("is met only when the count the template asks for is held", () => {
    const one = [session(1, "2023-09-12T12:00:00Z")];
    expect(marksOf(two, one).held).toMatchObject({
      status: "fail",
      reason: "Mới tổ chức 1/2 buổi: 12/09/2023.",
    });
    expect(marksOf(two, one, new Date("2023-09-13T00:00:00Z")).held!.status).toBe("pending");
    const both = [...one, session(2, "2023-09-18T12:00:00Z")];
    expect(marksOf(two, both).held).toMatchObject({
      status: "pass",
      reason: "Đã tổ chức 2 buổi: 12/09/2023, 18/09/2023.",
    });
  });
  it("keeps the worst mark of any session, naming it", () => {
    const both = [
      session(1, "2023-09-12T12:00:00Z"),
      session(2, "2023-09-18T12:00:00Z", {
        endedAt: new Date(new Date("2023-09-18T12:00:00Z").getTime() + 89 * 60_000),
      }),
    ];
    expect(marksOf(two, both).duration).toMatchObject({
      status: "fail",
      reason: "Buổi 2: Chỉ kéo dài 89 phút (yêu cầu tối thiểu 90 phút).",
    });
  });
  it("with one session needed, judges exactly that meeting", () => {
    const m = marksOf(cellRules, [session(1, "2023-09-12T12:00:00Z")]);
    expect(m.held).toMatchObject({ status: "pass", reason: "Sinh hoạt ngày 12/09/2023." });
  });
});

describe("monthly sessions (001 §III.4: hằng tháng)", () => {
  const monthly = { ...cellRules, recurrence: "monthly" as const };
  it("fails a past month without a session and waits on the current one", () => {
    const now = new Date("2023-11-10T00:00:00Z");
    const s = [session(1, "2023-09-12T12:00:00Z"), session(2, "2023-10-12T12:00:00Z")];
    expect(marksOf(monthly, s, now, null).held).toMatchObject({
      status: "pending",
      reason: "Đã sinh hoạt 2/3 tháng; chưa có buổi tháng 11/2023.",
    });
    expect(marksOf(monthly, [s[0]!], now, null).held).toMatchObject({
      status: "fail",
      reason: "Đã sinh hoạt 1/3 tháng; chưa có buổi tháng 10/2023, 11/2023.",
    });
    const all = [...s, session(3, "2023-11-08T12:00:00Z")];
    expect(marksOf(monthly, all, now, null).held!.status).toBe("pass");
  });
  it("owes nothing for the month a campaign starts in after its first day", () => {
    const now = new Date("2023-11-10T00:00:00Z");
    const late = new Date("2023-09-07T00:00:00+07:00");
    const s = [session(1, "2023-10-12T12:00:00Z"), session(2, "2023-11-08T12:00:00Z")];
    expect(marksOf(monthly, s, now, null, late).held).toMatchObject({
      status: "pass",
      reason: "Đã sinh hoạt đủ 2/2 tháng.",
    });
    // Within a single month (001: 1/3–28/3), that month is owed.
    const march = new Date("2022-03-02T00:00:00+07:00");
    const due001 = new Date("2022-03-27T17:00:00Z");
    expect(
      marksOf(monthly, [], new Date("2022-04-01T00:00:00Z"), due001, march).held,
    ).toMatchObject({
      status: "fail",
      reason: "Đã sinh hoạt 0/1 tháng; chưa có buổi tháng 3/2022.",
    });
  });
});
