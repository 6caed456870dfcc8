// Control-plane tables: one database for the whole platform. It knows where each tenant's
// database lives and holds nothing a tenant writes about its people — throttle keys are
// hashes, never e-mail addresses.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, figureColumns, id, updatedAt } from "./columns";
import { UPWARD_REPORT_STATUSES } from "../vocab/campaigns";

export const tenants = sqliteTable(
  "tenants",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    /** provisioning → (pending →) active ⇄ suspended. A `provisioning` row older than the
     *  provisioning timeout is debris from a crash and is removed by the cron. `pending` is a
     *  sign-up waiting for its first admin to follow the e-mailed link (SIGNUP=verify): not
     *  reachable by slug, its slug held for the link's lifetime (worker/data/signups.ts). */
    status: text("status", { enum: ["provisioning", "pending", "active", "suspended"] }).notNull(),
    /** `file:<name>.db` on the embedded default, `libsql://<db>-<org>.turso.io` on Workers. */
    dbUrl: text("db_url").notNull(),
    /** This database's own token, sealed (AES-GCM, worker/db/sealed.ts) with the
     *  TENANT_TOKEN_KEY secret; null for rows made before tenant tokens and on the embedded
     *  default, which needs none. */
    dbToken: text("db_token"),
    /** Count of tenant migrations applied, mirrored from the tenant's own journal. */
    schemaVersion: integer("schema_version").notNull().default(0),
    /** When the scheduled pass next has work here (epoch ms), or null for nothing at all:
     *  the earliest reminder day, deadline, digest or outbox retry the last pass saw, lowered
     *  to the write's instant by any successful write (the mark, worker/middleware/mark.ts).
     *  The fan-out walks only tenants with next_due_at <= now (worker/cron/index.ts); 0, the
     *  default, makes a new tenant (and every tenant at this column's migration) due at once. */
    nextDueAt: integer("next_due_at").default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("tenants_status_idx").on(t.status),
    // The fan-out's keyset walk: active tenants due by now, in (next_due_at, id) order.
    index("tenants_due_idx").on(t.status, t.nextDueAt, t.id),
  ],
);

/** Tenant databases made ahead of time on Turso (worker/db/turso-pool.ts): created, answering
 *  and migrated by the cron, so a signup claims one in a single statement instead of waiting
 *  for Turso to make a database. The token is sealed to the pool row (context `pool:<id>`) and
 *  sealed again to the tenant when claimed; null where the group token opens it. */
export const databasePool = sqliteTable(
  "database_pool",
  {
    id: id(),
    dbUrl: text("db_url").notNull(),
    dbToken: text("db_token"),
    /** Tenant migrations applied when it was made: a signup applies only the newer ones. */
    schemaVersion: integer("schema_version").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("database_pool_age_idx").on(t.createdAt, t.id)],
);

/** Fixed-window counters for login throttling; `key` is a SHA-256 hex of what it counts. */
export const throttles = sqliteTable("throttles", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

/** The e-mailed link that activates a `pending` tenant: single use, short-lived. Only the
 *  token's SHA-256 is kept; the admin's address stays in the tenant's own database. */
export const signupVerifications = sqliteTable(
  "signup_verifications",
  {
    tokenHash: text("token_hash").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    userId: text("user_id").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("signup_verifications_tenant_idx").on(t.tenantId)],
);

/** A child tenant reporting to a parent tenant: asked by the child, approved by the parent,
 *  revocable by either. Only aggregates ever cross a link. Approved links form a forest: a
 *  child has at most one approved parent (the partial unique index holds it under races;
 *  worker/data/links.ts refuses cycles), so the tenants above a child are a single path. */
export const tenantLinks = sqliteTable(
  "tenant_links",
  {
    id: id(),
    childId: text("child_id").notNull(),
    parentId: text("parent_id").notNull(),
    status: text("status", { enum: ["pending", "approved", "revoked"] }).notNull(),
    requestedAt: integer("requested_at", { mode: "timestamp_ms" }).notNull(),
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("tenant_links_child_idx").on(t.childId),
    index("tenant_links_parent_idx").on(t.parentId),
    uniqueIndex("tenant_links_one_parent_uq")
      .on(t.childId)
      .where(sql`${t.status} = 'approved'`),
  ],
);

/** A link event for the audit log of the tenant that did not act (the acting side writes its
 *  own row at once). Tenants never open each other's databases: the cron pass of `tenantId`
 *  moves these rows into its audit log and deletes them. Only the other tenant's slug and
 *  name — no person. */
export const linkAuditOutbox = sqliteTable(
  "link_audit_outbox",
  {
    id: id(),
    tenantId: text("tenant_id").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    action: text("action").notNull(),
    linkId: text("link_id").notNull(),
    otherSlug: text("other_slug").notNull(),
    otherName: text("other_name").notNull(),
  },
  (t) => [index("link_audit_outbox_tenant_idx").on(t.tenantId)],
);

/** A campaign a parent publishes for its linked children to adopt as their own. */
export const directives = sqliteTable(
  "directives",
  {
    id: id(),
    parentId: text("parent_id").notNull(),
    name: text("name").notNull(),
    documentNo: text("document_no"),
    templateKey: text("template_key").notNull(),
    /** The parent's template definition, frozen; `lockedSections` children may not change. */
    definition: text("definition_json").notNull(),
    lockedSections: text("locked_sections_json").notNull(),
    startsOn: text("starts_on").notNull(),
    dueOn: text("due_on").notNull(),
    /** The parent's directive this one republishes (adopted, then passed down), or null for
     *  one issued at this level: the chain "thực hiện … thực hiện …" walks these. */
    sourceId: text("source_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("directives_parent_idx").on(t.parentId),
    index("directives_source_idx").on(t.sourceId),
  ],
);

/** The latest aggregates a child pushed per campaign (no names, no text), and their history
 *  for charts. Upserted from recomputed figures, never incremented: a rerun is harmless. */
export const rollups = sqliteTable(
  "rollups",
  {
    childId: text("child_id").notNull(),
    campaignId: text("campaign_id").notNull(),
    directiveId: text("directive_id"),
    name: text("name").notNull(),
    templateKey: text("template_key").notNull(),
    ...figureColumns(),
    computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("rollups_uq").on(t.childId, t.campaignId)],
);

/** One scheduled pass per tenant at a time: a lease row, taken atomically, that expires. */
export const cronLeases = sqliteTable("cron_leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: integer("expires_at").notNull(),
});

/** A child tenant's report upward for a campaign it adopted from its parent's directive
 *  (issue 11). It lives in the control plane because it crosses a tenant boundary: it holds
 *  counts and the narrative the child's admin wrote on purpose for the parent — organisational
 *  text, never a member's name or plan text. `narrative` is the child's working copy (the
 *  parent never reads it); what the parent reads is the latest row of upwardReportFilings.
 *  `version` moves on every save, filing and return (a stale write is refused, 409). */
export const upwardReports = sqliteTable(
  "upward_reports",
  {
    id: id(),
    childId: text("child_id").notNull(),
    campaignId: text("campaign_id").notNull(),
    /** The parent's directive the campaign adopted: the parent's inbox is per directive. */
    directiveId: text("directive_id").notNull(),
    status: text("status", { enum: UPWARD_REPORT_STATUSES }).notNull(),
    version: integer("version").notNull(),
    narrative: text("narrative_json").notNull(),
    /** Filings so far; the latest is upwardReportFilings (id, filings). */
    filings: integer("filings").notNull().default(0),
    /** The first filing: what "on time" judges (a report corrected after a return keeps it). */
    firstFiledAt: integer("first_filed_at", { mode: "timestamp_ms" }),
    filedAt: integer("filed_at", { mode: "timestamp_ms" }),
    returnedAt: integer("returned_at", { mode: "timestamp_ms" }),
    /** The parent admin's reason for returning it: organisational text for the child. */
    returnComment: text("return_comment"),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("upward_reports_campaign_uq").on(t.childId, t.campaignId),
    index("upward_reports_directive_idx").on(t.directiveId),
  ],
);

/** Each filing of an upward report as the parent received it: the figures (counts only) and
 *  the narrative at that moment. */
export const upwardReportFilings = sqliteTable(
  "upward_report_filings",
  {
    reportId: text("report_id").notNull(),
    seq: integer("seq").notNull(),
    filedAt: integer("filed_at", { mode: "timestamp_ms" }).notNull(),
    narrative: text("narrative_json").notNull(),
    figures: text("figures_json").notNull(),
    /** When the figures were computed (the tenant's last rollup). */
    figuresAt: integer("figures_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("upward_report_filings_uq").on(t.reportId, t.seq)],
);
