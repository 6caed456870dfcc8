// Tenant tables: one database per đảng bộ holds all of its people and their work. Nothing
// here names a tenant: the database itself is the tenant boundary.
// Two files by area; drizzle-kit reads the tables through this barrel
// (schema/drizzle.tenant.config.ts), so it stays the one schema entry.
export * from "./people";
export * from "./campaigns";
export * from "./progress";
export * from "./step-records";
export * from "./compliance";
