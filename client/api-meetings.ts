// The API of the unit's work in a campaign — meetings, compliance marks — and the public page.
// Kept out of api.ts so that it lands in the lazy chunks of the screens that use it: a
// member's entry chunk never carries it. Shapes follow worker/routes/meetings.ts,
// worker/routes/campaigns.ts and worker/routes/supervision.ts.
import { qs, request, t, id, type PlanData } from "./api";

export type Presence = "present" | "excused" | "absent";

export interface Attendance {
  memberId: string;
  fullName: string;
  leadershipRank: number | null;
  presence: Presence;
  reason: string | null;
  isCommittee: boolean;
  spokeOrder: number | null;
}

export interface Guest {
  name: string;
  organisation?: string;
}

export interface MeetingSummary {
  id: string;
  unitId: string;
  unitName: string;
  stepKey: string;
  scheduledAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  version: number;
}

export interface Meeting extends MeetingSummary {
  campaignId: string;
  place: string | null;
  format: string | null;
  materialsSentAt: string | null;
  soTayLink: string | null;
  soTayPostedAt: string | null;
  mergedWithRegular: boolean | null;
  minutesSecretary: string | null;
  guests: Guest[];
  minutes: string | null;
  voteFor: number | null;
  voteAgainst: number | null;
  voteAbstain: number | null;
  attendance: Attendance[];
}

export interface MeetingPatch {
  version: number;
  scheduledAt?: string | null;
  place?: string | null;
  materialsSentAt?: string | null;
  soTayLink?: string | null;
  soTayPostedAt?: string | null;
  startedAt?: string | null;
  endedAt?: string | null;
  mergedWithRegular?: boolean | null;
  minutesSecretary?: string | null;
  guests?: Guest[];
  minutes?: string | null;
  vote?: { for: number; against: number; abstain: number } | null;
}

export interface AttendanceEntry {
  memberId: string;
  presence: Presence;
  reason?: string | null;
  isCommittee?: boolean;
  spokeOrder?: number | null;
}

const c = (tenant: string, campaignId: string) => `${t(tenant)}/campaigns/${id(campaignId)}`;

export async function listMeetings(tenant: string, campaignId: string): Promise<MeetingSummary[]> {
  return (await request<{ meetings: MeetingSummary[] }>("GET", `${c(tenant, campaignId)}/meetings`))
    .meetings;
}

/** 409 CONFLICT when the unit already has this meeting; 422 for a step that is no meeting. */
export async function createMeeting(
  tenant: string,
  campaignId: string,
  body: { unitId: string; stepKey: string; scheduledAt?: string; place?: string },
): Promise<Meeting> {
  return (await request<{ meeting: Meeting }>("POST", `${c(tenant, campaignId)}/meetings`, body))
    .meeting;
}

export async function getMeeting(tenant: string, meetingId: string): Promise<Meeting> {
  return (await request<{ meeting: Meeting }>("GET", `${t(tenant)}/meetings/${id(meetingId)}`))
    .meeting;
}

/** 409 VERSION_CONFLICT when someone saved since `version`. */
export async function patchMeeting(
  tenant: string,
  meetingId: string,
  body: MeetingPatch,
): Promise<Meeting> {
  return (
    await request<{ meeting: Meeting }>("PATCH", `${t(tenant)}/meetings/${id(meetingId)}`, body)
  ).meeting;
}

/** Replaces the roll-call; bumps the meeting's version like a PATCH. */
export async function putAttendance(
  tenant: string,
  meetingId: string,
  body: { version: number; entries: AttendanceEntry[] },
): Promise<Meeting> {
  return (
    await request<{ meeting: Meeting }>(
      "PUT",
      `${t(tenant)}/meetings/${id(meetingId)}/attendance`,
      body,
    )
  ).meeting;
}

// ---- Compliance ----

export type MarkStatus = "pass" | "late" | "fail" | "pending";

export interface Mark {
  rule: string;
  label: string;
  status: MarkStatus;
  reason: string;
  step?: string;
  report?: string;
}

export interface Compliance {
  units: { unitId: string; unitName: string; marks: Mark[] }[];
  summary: Record<string, Record<MarkStatus, number>>;
}

export function getCompliance(
  tenant: string,
  campaignId: string,
  unitId?: string,
): Promise<Compliance> {
  return request<Compliance>("GET", `${c(tenant, campaignId)}/compliance${qs({ unitId })}`);
}

// ---- Public page (no login) ----

export interface PublicPlan {
  campaignId: string;
  campaignName: string;
  fullName: string;
  position: string | null;
  unitName: string;
  formKey: string;
  confirmedAt: string | null;
  data: PlanData;
}

export function getPublicPlans(
  tenant: string,
): Promise<{ tenant: { slug: string; name: string }; plans: PublicPlan[] }> {
  return request("GET", `${t(tenant)}/public/plans`);
}
