// Control-plane tables: one database for the whole platform. It knows where each tenant's
// database lives and holds nothing a tenant writes about its people — throttle keys are
// hashes, never e-mail addresses.
import { integer, sqliteTable, text, index } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt } from "./columns";

export const tenants = sqliteTable(
  "tenants",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    /** provisioning → active ⇄ suspended. A `provisioning` row older than the provisioning
     *  timeout is debris from a crash and is removed by the cron. */
    status: text("status", { enum: ["provisioning", "active", "suspended"] }).notNull(),
    /** `file:<name>.db` on the embedded default, `libsql://<db>-<org>.turso.io` on Workers. */
    dbUrl: text("db_url").notNull(),
    /** Count of tenant migrations applied, mirrored from the tenant's own journal. */
    schemaVersion: integer("schema_version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("tenants_status_idx").on(t.status)],
);

/** Fixed-window counters for login throttling; `key` is a SHA-256 hex of what it counts. */
export const throttles = sqliteTable("throttles", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});
