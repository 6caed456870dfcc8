// Units of the đảng bộ. Everyone signed in sees the subtrees their grants name (an admin the
// whole tree); only admins change the structure.
import { Hono } from "hono";
import * as v from "valibot";
import { Id, UnitCloseBody, UnitCreateBody, UnitUpdateBody } from "../../schema/api";
import { closeUnit, createUnit, listUnits, toView, updateUnit } from "../data/units";
import { ROLES } from "../../schema/vocab/roles";
import type { AppEnv } from "../env";
import { guard, jsonBody, pathParams, policy } from "../http";

const ALL = policy.roles(...ROLES);
const ADMIN = policy.roles("admin");
const ById = pathParams(v.object({ id: Id }));

export const unitRoutes = new Hono<AppEnv>()
  .get("/", guard(ALL, "Cây đơn vị trong phạm vi của người gọi"), async (c) =>
    c.json({ units: await listUnits(c.var.ctx) }, 200),
  )
  .post("/", guard(ADMIN, "Tạo đơn vị"), jsonBody(UnitCreateBody), async (c) =>
    c.json(toView(await createUnit(c.var.ctx, c.req.valid("json"))), 201),
  )
  .patch(
    "/:id",
    guard(ADMIN, "Đổi tên hoặc chuyển đơn vị"),
    ById,
    jsonBody(UnitUpdateBody),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param") };
      return c.json(toView(await updateUnit(c.var.ctx, input)), 200);
    },
  )
  .post(
    "/:id/close",
    guard(ADMIN, "Giải thể đơn vị từ một ngày"),
    ById,
    jsonBody(UnitCloseBody),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param") };
      return c.json(toView(await closeUnit(c.var.ctx, input)), 200);
    },
  );
