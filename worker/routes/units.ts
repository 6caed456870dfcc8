// Units of the đảng bộ. Everyone signed in sees the subtrees their grants name (an admin the
// whole tree); only admins change the structure.
import { Hono } from "hono";
import { UnitCloseBody, UnitCreateBody, UnitUpdateBody } from "../../schema/api";
import { closeUnit, createUnit, listUnits, toView, updateUnit } from "../data/units";
import { ROLES } from "../../schema/vocab/roles";
import type { AppEnv } from "../env";
import { changeById, guard, jsonBody, policy } from "../http";

const ALL = policy.roles(...ROLES);
const ADMIN = policy.roles("admin");

export const unitRoutes = new Hono<AppEnv>()
  .get("/", guard(ALL, "Cây đơn vị trong phạm vi của người gọi"), async (c) =>
    c.json({ units: await listUnits(c.var.ctx) }, 200),
  )
  .post("/", guard(ADMIN, "Tạo đơn vị"), jsonBody(UnitCreateBody), async (c) =>
    c.json(toView(await createUnit(c.var.ctx, c.req.valid("json"))), 201),
  )
  .patch(
    "/:id",
    ...changeById(ADMIN, "Đổi tên hoặc chuyển đơn vị", UnitUpdateBody, updateUnit, toView),
  )
  .post(
    "/:id/close",
    ...changeById(ADMIN, "Giải thể đơn vị từ một ngày", UnitCloseBody, closeUnit, toView),
  );
