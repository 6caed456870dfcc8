// The API of the unit's work in a campaign — meetings, compliance marks — and the public page.
// Kept out of api.ts so that it lands in the lazy chunks of the screens that use it: a
// member's entry chunk never carries it. Types are inferred from the routes (client/http.ts).
import type { Body } from "./http";
import { call, id, tenantApi, type PlanData, type Res, type Stored, type TenantApi } from "./http";

type A = TenantApi;
type CampaignMeetings = A["campaigns"][":id"]["meetings"];

export type MeetingSummary = Res<CampaignMeetings["$get"]>["meetings"][number];
export type MeetingPatch = Body<A["meetings"][":id"]["$patch"]>;
export type Guest = NonNullable<MeetingPatch["guests"]>[number];
export type Meeting = Stored<Res<A["meetings"][":id"]["$get"]>["meeting"], "guests", Guest[]>;
export type Attendance = Meeting["attendance"][number];
export type Presence = Attendance["presence"];
export type AttendanceEntry = Body<A["meetings"][":id"]["attendance"]["$put"]>["entries"][number];

const campaign = (tenant: string, campaignId: string) => ({
  api: tenantApi(tenant).campaigns[":id"],
  param: { id: id(campaignId) },
});

export async function listMeetings(tenant: string, campaignId: string): Promise<MeetingSummary[]> {
  const c = campaign(tenant, campaignId);
  return (await call(c.api.meetings.$get({ param: c.param }))).meetings;
}

/** 409 CONFLICT when the unit already has this meeting; 422 for a step that is no meeting. */
export async function createMeeting(
  tenant: string,
  campaignId: string,
  json: Body<CampaignMeetings["$post"]>,
): Promise<Meeting> {
  const c = campaign(tenant, campaignId);
  return (await call(c.api.meetings.$post({ param: c.param, json }))).meeting as Meeting;
}

export async function getMeeting(tenant: string, meetingId: string): Promise<Meeting> {
  const param = { id: id(meetingId) };
  return (await call(tenantApi(tenant).meetings[":id"].$get({ param }))).meeting as Meeting;
}

/** 409 VERSION_CONFLICT when someone saved since `version`. */
export async function patchMeeting(
  tenant: string,
  meetingId: string,
  json: MeetingPatch,
): Promise<Meeting> {
  const param = { id: id(meetingId) };
  return (await call(tenantApi(tenant).meetings[":id"].$patch({ param, json }))).meeting as Meeting;
}

/** Replaces the roll-call; bumps the meeting's version like a PATCH. */
export async function putAttendance(
  tenant: string,
  meetingId: string,
  json: { version: number; entries: AttendanceEntry[] },
): Promise<Meeting> {
  const param = { id: id(meetingId) };
  return (await call(tenantApi(tenant).meetings[":id"].attendance.$put({ param, json })))
    .meeting as Meeting;
}

// ---- Compliance ----

export type Compliance = Res<A["campaigns"][":id"]["compliance"]["$get"]>;
export type Mark = Compliance["units"][number]["marks"][number];
export type MarkStatus = Mark["status"];

export function getCompliance(
  tenant: string,
  campaignId: string,
  unitId?: string,
): Promise<Compliance> {
  const c = campaign(tenant, campaignId);
  return call(c.api.compliance.$get({ param: c.param, query: { unitId: unitId || undefined } }));
}

/** The saved progress points of one subtree, a day apiece (the completion chart). */
export type History = Res<A["campaigns"][":id"]["history"]["$get"]>;
export type HistoryPoint = History["points"][number];

export function getHistory(tenant: string, campaignId: string, unitId?: string): Promise<History> {
  const c = campaign(tenant, campaignId);
  return call(c.api.history.$get({ param: c.param, query: { unitId: unitId || undefined } }));
}

// ---- Public page (no login) ----

type Published = Res<A["public"]["plans"]["$get"]>;
export type PublicPlan = Stored<Published["plans"][number], "data", PlanData>;
export type PublicPlans = Stored<Published, "plans", PublicPlan[]>;

export function getPublicPlans(tenant: string, after?: string): Promise<PublicPlans> {
  return call(tenantApi(tenant).public.plans.$get({ query: { after } })) as Promise<PublicPlans>;
}
