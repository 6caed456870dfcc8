// Typed handles over a libSQL client, file or HTTP: the entries choose the client, this
// module only wraps it (drizzle's `web` entry accepts any client object).
import type { Client } from "@libsql/client";
import type { LibSQLDatabase } from "drizzle-orm/libsql/driver-core";
import { drizzle } from "drizzle-orm/libsql/web";
import * as controlSchema from "../../schema/tables/control";
import * as tenantSchema from "../../schema/tables/tenant";

export type ControlDb = LibSQLDatabase<typeof controlSchema>;
/** One statement of a tenant batch (`db.batch([...])`): a round trip carries them together. */
export type BatchItem = Parameters<TenantDb["batch"]>[0][number];
export type TenantDb = LibSQLDatabase<typeof tenantSchema>;

export interface Handle<Db> {
  client: Client;
  db: Db;
}
export type ControlHandle = Handle<ControlDb>;
export type TenantHandle = Handle<TenantDb>;

export const controlHandle = (client: Client): ControlHandle => ({
  client,
  db: drizzle({ client, schema: controlSchema }),
});
export const tenantHandle = (client: Client): TenantHandle => ({
  client,
  db: drizzle({ client, schema: tenantSchema }),
});

export { controlSchema, tenantSchema };
