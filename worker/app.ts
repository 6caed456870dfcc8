// createApp(getPlatform) → the Hono app. The Workers entry and the Node entry pass
// different platforms (how to open databases, provision tenants, read the client address);
// nothing below knows which runtime it runs on.
import { Hono } from "hono";
import type { AppEnv, Bindings, Platform } from "./env";
import { DomainError, onError } from "./errors";
import { guard, policy } from "./http";
import { authenticate } from "./middleware/auth";
import { rejectForeignOrigin, requestContext } from "./middleware/context";
import { markWrites } from "./middleware/mark";
import { takeTurn } from "./middleware/turns";
import { compressLarge } from "./middleware/compress";
import { resolveTenant } from "./middleware/tenant";
import { buildOpenApi } from "./openapi";
import { auth } from "./routes/auth";
import { health } from "./routes/health";
import { me } from "./routes/me";
import { signup } from "./routes/signup";
import { tenantsPublic } from "./routes/tenants";
import { unitRoutes } from "./routes/units";
import { accountRoutes, auditRoutes, invitationRoutes } from "./routes/accounts";
import { memberRoutes } from "./routes/members";
import { campaignRoutes } from "./routes/campaigns";
import { myRoutes } from "./routes/my";
import { submissionRoutes } from "./routes/submissions";
import { templateRoutes } from "./routes/templates";
import { meetingRoutes } from "./routes/meetings";
import { childrenRoutes, directiveRoutes, linkRoutes } from "./routes/links";
import { notificationRoutes, settingsRoutes } from "./routes/notifications";
import { publicRoutes, supervisionRoutes } from "./routes/supervision";
import { archiveRoutes } from "./routes/archive";

/** Routes under /api/t/:tenant: the tenant is resolved and the caller identified first. */
export const tenantRoutes = new Hono<AppEnv>()
  .use(resolveTenant, markWrites, authenticate, takeTurn)
  .route("/auth", auth)
  .route("/me", me)
  .route("/units", unitRoutes)
  .route("/members", memberRoutes)
  .route("/invitations", invitationRoutes)
  .route("/accounts", accountRoutes)
  .route("/audit", auditRoutes)
  .route("/templates", templateRoutes)
  .route("/campaigns", campaignRoutes)
  .route("/submissions", submissionRoutes)
  .route("/my", myRoutes)
  .route("/meetings", meetingRoutes)
  .route("/supervision", supervisionRoutes)
  .route("/public", publicRoutes)
  .route("/notifications", notificationRoutes)
  .route("/settings", settingsRoutes)
  .route("/links", linkRoutes)
  .route("/children", childrenRoutes)
  .route("/directives", directiveRoutes)
  .route("/archive", archiveRoutes);

export function createApp(
  getPlatform: (env: Bindings) => Platform,
  opts: { compress?: boolean } = {},
) {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  // Members write plans on cheap phones over 3G: compress what we send (a campaign's frozen
  // definition is ~20 kB of JSON). Cloudflare compresses at its edge, so only Node asks.
  // Not answers under 1 KiB (most of them): gzip costs more than it saves (compress.ts).
  if (opts.compress) app.use("/api/*", ...compressLarge());
  app.use("/api/*", requestContext(getPlatform), rejectForeignOrigin);
  const routes = app
    .route("/api", health)
    .route("/api", signup)
    .route("/api", tenantsPublic)
    .route("/api/t/:tenant", tenantRoutes);
  let openapi: ReturnType<typeof buildOpenApi> | undefined;
  app.get("/api/openapi.json", guard(policy.public, "Tài liệu OpenAPI 3.1 của API"), (c) =>
    c.json((openapi ??= buildOpenApi(app.routes, c.get("platform").version)), 200),
  );
  app.all("/api/*", () => {
    throw new DomainError("NOT_FOUND", "Không có đường dẫn API này.");
  });
  app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: "Không tìm thấy." } }, 404));
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
