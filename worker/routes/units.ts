// Units of the đảng bộ. Everyone signed in sees the subtrees their grants name (an admin the
// whole tree); only admins change the structure.
import { Hono } from "hono";
import { UnitCloseBody, UnitCreateBody, UnitUpdateBody } from "../../schema/api";
import { loadScope } from "../data/scope";
import { closeUnit, createUnit, listUnits, toView, updateUnit } from "../data/units";
import { ROLES, type AppEnv } from "../env";
import { actor, guard, jsonBody, policy } from "../http";

const ALL = policy.roles(...ROLES);
const ADMIN = policy.roles("admin");

export const unitRoutes = new Hono<AppEnv>()
  .get("/", guard(ALL, "Cây đơn vị trong phạm vi của người gọi"), async (c) => {
    const scope = await loadScope(c.var.db, c.var.grants, ROLES);
    return c.json({ units: await listUnits(c.var.db, scope) }, 200);
  })
  .post("/", guard(ADMIN, "Tạo đơn vị"), jsonBody(UnitCreateBody), async (c) => {
    const scope = await loadScope(c.var.db, c.var.grants, ["admin"]);
    const unit = await createUnit(
      c.var.db,
      c.req.valid("json"),
      scope,
      actor(c),
      c.var.platform.now(),
    );
    return c.json(toView(unit), 201);
  })
  .patch(
    "/:id",
    guard(ADMIN, "Đổi tên hoặc chuyển đơn vị"),
    jsonBody(UnitUpdateBody),
    async (c) => {
      const scope = await loadScope(c.var.db, c.var.grants, ["admin"]);
      const unit = await updateUnit(
        c.var.db,
        c.req.param("id"),
        c.req.valid("json"),
        scope,
        actor(c),
        c.var.platform.now(),
      );
      return c.json(toView(unit), 200);
    },
  )
  .post(
    "/:id/close",
    guard(ADMIN, "Giải thể đơn vị từ một ngày"),
    jsonBody(UnitCloseBody),
    async (c) => {
      const scope = await loadScope(c.var.db, c.var.grants, ["admin"]);
      const unit = await closeUnit(
        c.var.db,
        c.req.param("id"),
        c.req.valid("json").closedOn,
        scope,
        actor(c),
        c.var.platform.now(),
      );
      return c.json(toView(unit), 200);
    },
  );
