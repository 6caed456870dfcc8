import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./schema/tables/control.ts",
  out: "./schema/migrations/control",
});
