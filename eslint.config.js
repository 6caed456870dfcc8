// Lint and layering. typescript-eslint's recommended rules (without type information, so a
// run stays within seconds on a 2-core CI machine; `tsc` already checks types), and the
// layering of STYLE.md as import rules that fail `npm test`:
//   client ↛ worker except `import type`, client ↛ schema/tables and drizzle;
//   worker/domain ↛ hono, drizzle, databases, routes, data;
//   worker/data ↛ hono, routes, middleware;
//   worker/routes ↛ drizzle and the tables (they go through worker/data);
//   a tenant database is opened (`platform.tenant(…)`) only where the request's tenant, the
//   cron's tenant or a new tenant being provisioned is known.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const restricted = (...groups) => [
  "error",
  {
    patterns: groups.map(([group, message, allowTypeImports = false]) => ({
      group,
      message,
      allowTypeImports,
    })),
  },
];

const DRIZZLE = ["drizzle-orm", "drizzle-orm/*"];
const TABLES = ["**/schema/tables", "**/schema/tables/*"];
const LIBSQL = ["@libsql/*", "libsql"];

/** Where a tenant database may be opened: the request's tenant (middleware), the cron's
 *  tenant, the demo seed, and provisioning (a tenant being created has no request yet). */
const OPENS_TENANT_DB = [
  "worker/db/**",
  "worker/middleware/tenant.ts",
  "worker/cron/index.ts",
  "worker/demo.ts",
  "worker/data/tenants.ts",
  "worker/data/signups.ts",
  "worker/routes/signup.ts",
  // The reminder of issue 11 ("Nhắc"): a parent writes a notification into ONE child's
  // database, only after checking the approved link chain in the control plane.
  "worker/data/behind.ts",
];

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "data/**",
      ".wrangler/**",
      ".tmp/**",
      "node_modules/**",
      "worker/worker-configuration.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": "off",
    },
  },
  {
    files: ["client/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restricted(
        [["**/worker", "**/worker/**"], "The client imports the server's types only.", true],
        [TABLES, "The client never imports the drizzle tables."],
        [DRIZZLE, "The client never imports drizzle."],
      ),
    },
  },
  {
    files: ["schema/**"],
    ignores: ["schema/tables/**", "schema/migrations/**", "schema/drizzle.*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restricted(
        [["**/worker", "**/worker/**"], "schema/ is shared with the client: no server code."],
        [TABLES, "Only schema/tables and migrations use the drizzle tables."],
        [DRIZZLE, "schema/ outside tables is shared with the client: no drizzle."],
      ),
    },
  },
  {
    files: ["worker/domain/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restricted(
        [["hono", "hono/*"], "Domain rules are pure: no HTTP."],
        [[...DRIZZLE, ...LIBSQL], "Domain rules are pure: no database."],
        [["**/db", "**/db/*", "**/data", "**/data/*"], "Domain rules are pure: no I/O."],
        [["**/routes", "**/routes/*", "**/middleware/*", "**/http"], "Domain ↛ routes."],
        [TABLES, "Domain rules work on plain values, not tables."],
      ),
    },
  },
  {
    files: ["worker/data/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restricted(
        [["hono", "hono/*"], "Data functions know nothing of HTTP: throw DomainError."],
        [["**/routes", "**/routes/*", "**/middleware/*", "**/http"], "Data ↛ routes."],
        [LIBSQL, "Data functions take the request's TenantDb; they open nothing.", true],
        [["**/db/local", "**/db/turso"], "Data functions open no database.", true],
      ),
    },
  },
  {
    files: ["worker/routes/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restricted(
        [DRIZZLE, "Routes validate, call a data function and shape the answer: no queries."],
        [TABLES, "Routes go through worker/data, not the tables."],
        [[...LIBSQL, "**/db/local", "**/db/turso"], "Routes open no database."],
      ),
    },
  },
  {
    files: ["worker/**"],
    ignores: OPENS_TENANT_DB,
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='tenant'][arguments.length=1]",
          message:
            "A tenant database is reached only through the request (c.var.ctx.db) or the cron's tenant.",
        },
      ],
    },
  },
  {
    // Solid assigns `ref={el}` variables in compiled JSX, which the rule cannot see.
    files: ["client/**/*.tsx"],
    rules: { "no-unassigned-vars": "off" },
  },
  {
    files: ["tests/**"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
);
