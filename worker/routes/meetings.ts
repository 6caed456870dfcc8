// A unit's meeting record: the secretary fills it in during the meeting, on a phone.
// Admins and the secretaries of the unit's subtree only.
import { Hono } from "hono";
import { AttendanceBody, MeetingPatchBody } from "../../schema/api";
import { requireCampaign } from "../data/campaigns";
import { requireMeetingInScope, setAttendance, updateMeeting } from "../data/meetings";
import { loadScope } from "../data/scope";
import type { AppEnv } from "../env";
import { actor, guard, jsonBody, policy } from "../http";

const STAFF = ["admin", "secretary"] as const;

export const meetingRoutes = new Hono<AppEnv>()
  .get(
    "/:id",
    guard(
      policy.roles(...STAFF),
      "Một buổi sinh hoạt: lịch, tài liệu, điểm danh, phát biểu, biên bản",
    ),
    async (c) => {
      const scope = await loadScope(c.var.db, c.var.grants, STAFF);
      return c.json(
        { meeting: await requireMeetingInScope(c.var.db, c.req.param("id"), scope) },
        200,
      );
    },
  )
  .patch(
    "/:id",
    guard(policy.roles(...STAFF), "Ghi buổi sinh hoạt (409 nếu phiên bản cũ)"),
    jsonBody(MeetingPatchBody),
    async (c) => {
      const scope = await loadScope(c.var.db, c.var.grants, STAFF);
      const current = await requireMeetingInScope(c.var.db, c.req.param("id"), scope);
      const campaign = await requireCampaign(c.var.db, current.campaignId);
      return c.json(
        {
          meeting: await updateMeeting(
            c.var.db,
            campaign,
            current.id,
            c.req.valid("json"),
            scope,
            actor(c),
            c.var.platform.now(),
          ),
        },
        200,
      );
    },
  )
  .put(
    "/:id/attendance",
    guard(policy.roles(...STAFF), "Điểm danh và thứ tự phát biểu"),
    jsonBody(AttendanceBody),
    async (c) => {
      const scope = await loadScope(c.var.db, c.var.grants, STAFF);
      return c.json(
        {
          meeting: await setAttendance(
            c.var.db,
            c.req.param("id"),
            c.req.valid("json"),
            scope,
            actor(c),
            c.var.platform.now(),
          ),
        },
        200,
      );
    },
  );
