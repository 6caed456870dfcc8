// A unit's meeting record: the secretary fills it in during the meeting, on a phone.
// Admins and the secretaries of the unit's subtree only.
import { Hono } from "hono";
import * as v from "valibot";
import { Id } from "../../schema/api";
import { AttendanceBody, MeetingPatchBody } from "../../schema/api-meetings";
import { setAttendance } from "../data/meeting-attendance";
import { requireMeetingInScope, updateMeeting } from "../data/meetings";
import type { AppEnv } from "../env";
import { guard, jsonBody, pathParams, policy } from "../http";

const STAFF = policy.roles("admin", "secretary");
const idPath = pathParams(v.object({ id: Id }));

export const meetingRoutes = new Hono<AppEnv>()
  .get(
    "/:id",
    guard(STAFF, "Một buổi sinh hoạt: lịch, tài liệu, điểm danh, phát biểu, biên bản"),
    idPath,
    async (c) =>
      c.json({ meeting: await requireMeetingInScope(c.var.ctx, c.req.valid("param").id) }, 200),
  )
  .patch(
    "/:id",
    guard(STAFF, "Ghi buổi sinh hoạt (409 nếu phiên bản cũ)"),
    jsonBody(MeetingPatchBody),
    idPath,
    async (c) => {
      const input = { id: c.req.valid("param").id, patch: c.req.valid("json") };
      return c.json({ meeting: await updateMeeting(c.var.ctx, input) }, 200);
    },
  )
  .put(
    "/:id/attendance",
    guard(STAFF, "Điểm danh và thứ tự phát biểu"),
    jsonBody(AttendanceBody),
    idPath,
    async (c) => {
      const input = { id: c.req.valid("param").id, ...c.req.valid("json") };
      return c.json({ meeting: await setAttendance(c.var.ctx, input) }, 200);
    },
  );
