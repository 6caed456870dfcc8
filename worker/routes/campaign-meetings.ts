// A campaign's meetings, listed and scheduled per unit: mounted at /campaigns/:id/meetings.
// One meeting's record (attendance, minutes) is /meetings/:id. Admins and secretaries, each
// within their own subtree.
import { Hono } from "hono";
import { MeetingCreateBody } from "../../schema/api-meetings";
import { createMeeting, listMeetings } from "../data/meetings";
import type { AppEnv } from "../env";
import { guard, jsonBody, policy } from "../http";
import { campaignPath, withCampaign } from "./campaign-path";

const STAFF = policy.roles("admin", "secretary");

export const campaignMeetingRoutes = new Hono<AppEnv>()
  .get(
    "/",
    guard(STAFF, "Các buổi sinh hoạt của đợt trong phạm vi"),
    campaignPath,
    withCampaign,
    async (c) => c.json({ meetings: await listMeetings(c.var.ctx, c.var.campaign) }, 200),
  )
  .post(
    "/",
    guard(STAFF, "Lên lịch buổi sinh hoạt của một đơn vị"),
    jsonBody(MeetingCreateBody),
    campaignPath,
    withCampaign,
    async (c) => {
      const input = { campaign: c.var.campaign, ...c.req.valid("json") };
      return c.json({ meeting: await createMeeting(c.var.ctx, input) }, 201);
    },
  );
