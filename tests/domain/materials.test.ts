// "Materials N days before the meeting" is one rule on one time base (schema/rules/materials.ts):
// the compliance mark and the secretary's reminder agree on the same instant.
import { describe, expect, it } from "vitest";
import { materialsDueAt, materialsInTime } from "../../schema/rules/materials";
import { meetingMarks, type MeetingFacts } from "../../worker/domain/compliance";
import { unitReminders } from "../../worker/domain/reminders";

const ict = (s: string) => new Date(`${s}+07:00`);
const meetingAt = ict("2024-04-10T08:00:00");

describe("materials lead time", () => {
  it("is N × 24 hours before the meeting, in ICT", () => {
    expect(materialsDueAt(meetingAt, 3)).toEqual(ict("2024-04-07T08:00:00"));
    expect(materialsInTime(ict("2024-04-07T08:00:00"), meetingAt, 3)).toBe(true);
    expect(materialsInTime(ict("2024-04-07T08:01:00"), meetingAt, 3)).toBe(false);
  });

  it("is the same instant for the compliance mark and the reminder", () => {
    const facts = (sent: Date | null): MeetingFacts => ({
      scheduledAt: meetingAt,
      materialsSentAt: sent,
      soTayPostedAt: null,
      startedAt: null,
      endedAt: null,
      mergedWithRegular: null,
      voteFor: null,
      voteAgainst: null,
      voteAbstain: null,
      attendance: [],
    });
    const mark = (sent: Date | null, now: Date) =>
      meetingMarks(
        { key: "k", title: "t", cite: "c", materialsLeadDays: 3 },
        facts(sent),
        null,
        now,
      ).find((m) => m.rule === "materials")?.status;
    const due = materialsDueAt(meetingAt, 3);
    expect(mark(due, meetingAt)).toBe("pass");
    expect(mark(new Date(due.getTime() + 1), meetingAt)).toBe("late");
    expect(mark(null, due)).toBe("pending");
    expect(mark(null, new Date(due.getTime() + 1))).toBe("fail");

    const reminder = unitReminders(
      {
        campaignId: "c",
        campaignName: "Đợt",
        unitId: "u",
        unitName: "Chi bộ 1",
        secretaryUserIds: ["s"],
        awaitingConfirmation: 0,
        meetings: [
          {
            stepKey: "hoi-nghi",
            title: "Hội nghị",
            dueAt: null,
            scheduledAt: meetingAt,
            startedAt: null,
            materialsSent: false,
            materialsLeadDays: 3,
          },
        ],
        reports: [],
      },
      3,
      ict("2024-04-06T07:00:00"),
    );
    expect(reminder.map((r) => r.text)).toEqual([
      "Chi bộ 1: gửi tài liệu cho «Hội nghị» trước 07/04/2024 (ít nhất 3 ngày trước buổi sinh hoạt).",
    ]);
  });
});
