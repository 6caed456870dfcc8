import { describe, expect, it } from "vitest";
import { dueInstant } from "../../worker/domain/deadlines";
import { classify, countState, evaluationDate, statusOn } from "../../worker/domain/progress";

const due = dueInstant("truoc-ngay", "2026-04-10"); // 2026-04-09T17:00Z

describe("lateness at the edges of an ICT day", () => {
  it("counts a plan sent at 23:59 ICT on the last day as on time, and one at 00:00 as late", () => {
    const at2359 = new Date("2026-04-09T16:59:00Z");
    const at0000 = new Date("2026-04-09T17:00:00Z");
    const atDue = new Date(due.getTime());
    expect(
      classify(
        { state: "expected", submission: "submitted", firstSubmittedAt: at2359 },
        due,
        at0000,
      ),
    ).toMatchObject({ onTime: 1, late: 0 });
    // "trước ngày 10/4" ends as 10/4 begins: sent at 00:00:00.000 on 10/4 is late.
    const sentAt = (d: Date) =>
      classify({ state: "expected", submission: "submitted", firstSubmittedAt: d }, due, at0000);
    expect(sentAt(atDue)).toMatchObject({ onTime: 0, late: 1 });
    expect(sentAt(new Date(due.getTime() - 1))).toMatchObject({ onTime: 1, late: 0 });
  });

  it("makes a missing plan late from the due instant, not before", () => {
    const before = new Date(due.getTime() - 60_000);
    expect(
      classify({ state: "expected", submission: null, firstSubmittedAt: null }, due, before),
    ).toMatchObject({ expected: 1, late: 0 });
    expect(
      classify({ state: "expected", submission: "draft", firstSubmittedAt: null }, due, due),
    ).toMatchObject({ expected: 1, late: 1 });
  });

  it("does not call a plan late for its fix when it was first sent on time", () => {
    const first = new Date(due.getTime() - 86_400_000);
    expect(
      classify(
        { state: "expected", submission: "confirmed", firstSubmittedAt: first },
        due,
        new Date(due.getTime() + 86_400_000),
      ),
    ).toEqual({
      expected: 1,
      submitted: 1,
      confirmed: 1,
      onTime: 1,
      late: 0,
      excused: 0,
    });
    // Returned and not yet re-sent after the deadline: back with its author, so late.
    expect(
      classify(
        { state: "expected", submission: "returned", firstSubmittedAt: first },
        due,
        new Date(due.getTime() + 1),
      ),
    ).toMatchObject({ submitted: 0, late: 1 });
  });
});

describe("who counts", () => {
  it("counts excused members in `excused` only, even with a voluntary plan", () => {
    expect(
      classify(
        { state: "excused", submission: "confirmed", firstSubmittedAt: new Date(0) },
        due,
        due,
      ),
    ).toEqual({
      expected: 0,
      submitted: 0,
      confirmed: 0,
      onTime: 0,
      late: 0,
      excused: 1,
    });
    expect(countState("tuoi-cao-benh", ["mien-sinh-hoat", "tuoi-cao-benh"])).toBe("excused");
    expect(countState("tuoi-cao-benh", ["mien-sinh-hoat"])).toBe("expected");
    expect(countState("chuyen-di", ["mien-sinh-hoat"])).toBe("gone");
    expect(countState("tu-tran", [])).toBe("gone");
  });

  it("reads the status in force on the day: a member excused mid-campaign moves out from that day", () => {
    const history = [
      { status: "dang-sinh-hoat", since: "2019-05-01" },
      { status: "mien-sinh-hoat", since: "2026-03-25" },
    ];
    expect(statusOn(history, "mien-sinh-hoat", "2026-03-24")).toBe("dang-sinh-hoat");
    expect(statusOn(history, "mien-sinh-hoat", "2026-03-25")).toBe("mien-sinh-hoat");
    // Before any recorded change, the member's recorded status stands.
    expect(statusOn(history, "dang-sinh-hoat", "2010-01-01")).toBe("dang-sinh-hoat");
  });

  it("evaluates on today while the campaign runs, and on the due date once it has passed", () => {
    expect(evaluationDate(new Date("2026-03-24T18:00:00Z"), due)).toBe("2026-03-25");
    expect(evaluationDate(new Date("2026-05-01T00:00:00Z"), due)).toBe("2026-04-10");
    expect(evaluationDate(new Date("2026-03-24T16:59:59Z"), null)).toBe("2026-03-24");
  });
});
