import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./schema/tables/tenant.ts",
  out: "./schema/migrations/tenant",
});
