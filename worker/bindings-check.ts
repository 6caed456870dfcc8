// Type-checked only by tsconfig.worker.json, against the Workers runtime types and the `Env`
// that `wrangler types` generates from wrangler.toml: every binding wrangler.toml declares
// must fit what the app reads (`Bindings`), so a renamed var or queue fails the build.
import type { Bindings } from "./env";

export const bindingsFitEnv = (env: Env): Bindings => env;
