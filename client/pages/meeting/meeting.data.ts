// Reads and writes of the secretary's meeting record /t/:tenant/dot-sinh-hoat/:c/sinh-hoat/:m
// and of the campaign page's meetings and compliance sections. Every write sends the version
// the page holds; the answer is the whole meeting, which the page keeps as its new state.
import { action, json, query, redirect } from "@solidjs/router";
import { ApiError, listMembers, type Member } from "../../api";
import {
  createMeeting,
  getCompliance,
  getMeeting,
  getPublicPlans,
  listMeetings,
  patchMeeting,
  putAttendance,
  type AttendanceEntry,
  type Meeting,
  type MeetingPatch,
} from "../../api-meetings";
import { unitQuery } from "../../lib/unit-query";
import { preloadOf } from "../../lib/preload";

export const getMeetingRecord = query(getMeeting, "meeting");

export const getCampaignMeetings = query(listMeetings, "campaign-meetings");

/** The unit's members for the roll-call, its subtree included. */
export const getUnitMembers = query(
  (tenant: string, unitId: string): Promise<Member[]> =>
    listMembers(tenant, { unitId, includeSubtree: true }),
  "meeting-members",
);

export const getCampaignCompliance = unitQuery(getCompliance, "campaign-compliance");

export const getPublic = query(
  (tenant: string, after?: string) => getPublicPlans(tenant, after),
  "public-plans",
);

export const preloadMeeting = preloadOf(getMeetingRecord, "tenant", "meetingId");

export const preloadPublic = preloadOf(getPublic, "tenant");

/** An `<input type="datetime-local">` value (ICT wall time) as an instant with its offset. */
export function fromLocalInput(v: string): string | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${v}:00+07:00` : null;
}

/** An instant as the wall time in ICT for `<input type="datetime-local">` (no DST there). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

/** Now, as an instant with the ICT offset, to the minute. */
export function nowIct(): string {
  return fromLocalInput(toLocalInput(new Date().toISOString()))!;
}

/** Schedules the unit's meeting and opens its record. */
export const scheduleMeeting = action(
  async (tenant: string, campaignId: string, form: FormData | URLSearchParams) => {
    const s = (k: string) => String(form.get(k) ?? "").trim();
    const when = s("scheduledAt");
    const scheduledAt = when ? fromLocalInput(when) : null;
    if (when && !scheduledAt) {
      throw new ApiError(422, "INVALID_BODY", "Dữ liệu chưa hợp lệ.", {
        scheduledAt: "Thời gian không hợp lệ.",
      });
    }
    const m = await createMeeting(tenant, campaignId, {
      unitId: s("unitId"),
      stepKey: s("stepKey"),
      ...(scheduledAt ? { scheduledAt } : {}),
      ...(s("place") ? { place: s("place") } : {}),
    });
    throw redirect(`/t/${tenant}/dot-sinh-hoat/${campaignId}/sinh-hoat/${m.id}`, {
      revalidate: [getCampaignMeetings.key, getCampaignCompliance.key],
    });
  },
  "schedule-meeting",
);

/** One save of the record; the page keeps the answer as its state (no refetch needed). */
export const saveMeeting = action(
  async (tenant: string, meetingId: string, patch: MeetingPatch): Promise<Meeting> => {
    const m = await patchMeeting(tenant, meetingId, patch);
    return json(m, { revalidate: [getCampaignMeetings.key, getCampaignCompliance.key] }) as never;
  },
  "save-meeting",
);

export const saveAttendance = action(
  async (
    tenant: string,
    meetingId: string,
    version: number,
    entries: AttendanceEntry[],
  ): Promise<Meeting> => {
    const m = await putAttendance(tenant, meetingId, { version, entries });
    return json(m, { revalidate: [getCampaignCompliance.key] }) as never;
  },
  "save-attendance",
);
