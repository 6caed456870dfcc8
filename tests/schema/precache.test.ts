// What the service worker precaches (client/sw/build.ts `memberFiles`): the entry and the
// member's lazy screens with every chunk they import statically and their CSS, read from the
// build's chunk graph; never a screen reached only by a dynamic import of another one.
import type { Rollup } from "vite";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { MEMBER_MODULES, memberFiles } from "../../client/sw/build";
import { ROOT } from "../support/server";

const chunk = (
  fileName: string,
  o: {
    entry?: boolean;
    modules?: string[];
    imports?: string[];
    dynamic?: string[];
    css?: string[];
  },
) =>
  ({
    type: "chunk",
    fileName,
    isEntry: o.entry ?? false,
    moduleIds: o.modules ?? [],
    imports: o.imports ?? [],
    dynamicImports: o.dynamic ?? [],
    viteMetadata: { importedCss: new Set(o.css ?? []), importedAssets: new Set() },
  }) as unknown as Rollup.OutputChunk;
const asset = (fileName: string) => ({ type: "asset", fileName }) as unknown as Rollup.OutputAsset;

describe("the service worker's precache", () => {
  it("is the entry and the plan form with what they import, not the admin screens", () => {
    const list = [
      chunk("assets/index-a.js", {
        entry: true,
        modules: ["/r/client/main.tsx"],
        dynamic: ["assets/Page-plan.js", "assets/Page-audit.js", "assets/plan.data-b.js"],
      }),
      chunk("assets/Page-plan.js", {
        modules: ["/r/client/pages/plan/Page.tsx"],
        imports: ["assets/fields-c.js"],
        css: ["assets/plan-d.css"],
      }),
      chunk("assets/plan.data-b.js", {
        modules: ["/r/client/pages/plan/plan.data.ts"],
        imports: ["assets/campaigns.data-e.js"],
      }),
      chunk("assets/fields-c.js", { modules: ["/r/client/pages/plan/fields.tsx"] }),
      chunk("assets/campaigns.data-e.js", {
        modules: ["/r/client/pages/campaigns/campaigns.data.ts"],
      }),
      chunk("assets/Page-audit.js", {
        modules: ["/r/client/pages/audit/Page.tsx"],
        imports: ["assets/admin-shared.js"],
        css: ["assets/audit.css"],
      }),
      chunk("assets/admin-shared.js", { modules: ["/r/client/components/Table.tsx"] }),
      asset("assets/index-f.css"),
      asset("assets/plan-d.css"),
      asset("assets/audit.css"),
    ];
    const bundle = Object.fromEntries(list.map((c) => [c.fileName, c])) as Rollup.OutputBundle;
    expect(memberFiles(bundle)).toEqual([
      "assets/Page-plan.js",
      "assets/campaigns.data-e.js",
      "assets/fields-c.js",
      "assets/index-a.js",
      "assets/index-f.css",
      "assets/plan-d.css",
      "assets/plan.data-b.js",
    ]);
  });

  it("lists every lazy part of the member's task list and plan page", () => {
    // A lazy import left off MEMBER_MODULES is a screen that does not open offline.
    const lazyOf = (file: string) =>
      [
        ...readFileSync(join(ROOT, file), "utf8").matchAll(/lazy\(\(\) => import\("([^"]+)"\)\)/g),
      ].map((m) => relative(ROOT, resolve(dirname(join(ROOT, file)), m[1]!)) + ".tsx");
    const lazy = [
      ...lazyOf("client/pages/tasks/TaskList.tsx"),
      ...lazyOf("client/pages/plan/Page.tsx"),
    ];
    expect(lazy.length).toBeGreaterThanOrEqual(3);
    for (const file of lazy) expect(MEMBER_MODULES).toContain(file);
  });
});
