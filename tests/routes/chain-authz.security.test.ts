// Issue 11 at three levels: Thành ủy → Quận ủy → two Đảng ủy phường, and an outsider. Every
// route of the chain (links, children's figures, directives: publish, adopt, republish, who is
// behind, remind, chains; and the draft campaign's edit) against every role of every level;
// each level's admin against the ids of every other level (404, never a leak); and no answer
// at any level carrying a person's name, a unit's name or a plan's text of another tenant.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { members, units } from "../../schema/tables/tenant";
import { runScheduledPass } from "../../worker/cron";
import { makeApp, type TestApp } from "../support/app";
import { buildTree, fullPlan000, type Tree } from "../support/tree";

const AT = "2026-03-12T02:00:00Z";
/** The Thành ủy's template and dates, for its directive and its own campaign alike. */
const SPAN = { templateKey: "tu-soi-tu-sua", startsOn: "2026-03-11", dueOn: "2026-04-10" };
const ROLES = ["none", "member", "secretary", "supervisor", "viewer", "admin"] as const;
type RoleKey = (typeof ROLES)[number];
const USER: Record<Exclude<RoleKey, "none">, string> = {
  member: "a2",
  secretary: "a1",
  supervisor: "gs",
  viewer: "tt",
  admin: "admin",
};
const LEVELS = ["thanh", "quan", "p1", "p2"] as const;
type Level = (typeof LEVELS)[number];

let t: TestApp;
let tree: Record<Level | "out", Tree>;
let ids: {
  d1: string;
  d2: string;
  campaign: Record<Level, string>;
  upLink: Record<Exclude<Level, "thanh">, string>;
};
const answers: Record<Level | "out", string[]> = { thanh: [], quan: [], p1: [], p2: [], out: [] };
/** A marker only tenant `x`'s people, units and plans carry. */
const marker = (x: string) => `MK${x.toUpperCase()}MK`;

async function call(
  level: Level | "out",
  who: RoleKey,
  method: string,
  path: string,
  body?: unknown,
) {
  const tr = tree[level];
  const r =
    who === "none"
      ? await anonymous(tr, method, path, body)
      : await tr.api<unknown>(USER[who], method, path, body);
  answers[level].push(JSON.stringify(r.body));
  return r;
}
let anonymous: (
  tr: Tree,
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: unknown }>;

beforeAll(async () => {
  t = await makeApp();
  t.clock.now = new Date(AT);
  const trees: Tree[] = [];
  for (const slug of ["thanh-uy", "quan-uy", "phuong-mot", "phuong-hai", "ngoai"])
    trees.push(await buildTree(t, slug));
  const [thanh, quan, p1, p2, out] = trees as [Tree, Tree, Tree, Tree, Tree];
  tree = { thanh, quan, p1, p2, out };
  anonymous = async (tr, method, path, body) => {
    const res = await t.request(method, `/api/t/${tr.slug}${path}`, { body });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
  for (const [key, tr] of Object.entries(tree)) {
    await tr.addUser("gs", [["supervisor", tr.cellB.id]]);
    await tr.addUser("tt", [["viewer", tr.root.id]]);
    // Names only this tenant has: any of them in another tenant's answer is a leak.
    await tr.db.update(units).set({ name: sql`${units.name} || ' ' || ${marker(key)}` });
    await tr.db
      .update(members)
      .set({ fullName: sql`${members.fullName} || ' ' || ${marker(key)}` });
  }
  const ok = async <T = { id: string }>(tr: Tree, method: string, path: string, body?: unknown) => {
    const r = await tr.api<T>("admin", method, path, body);
    expect(r.status, `${method} ${path} ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  };
  const link = async (child: Tree, parent: Tree) => {
    const { id } = await ok(child, "POST", "/links", { parentSlug: parent.slug });
    await ok(parent, "POST", `/links/${id}/approve`);
    return id;
  };
  const upLink = {
    quan: await link(quan, thanh),
    p1: await link(p1, quan),
    p2: await link(p2, quan),
  };
  const d1 = (
    await ok(thanh, "POST", "/directives", {
      ...SPAN,
      name: "Chỉ thị về kỷ cương",
      documentNo: "24-CT/TU",
    })
  ).id;
  const own = (
    await ok(thanh, "POST", "/campaigns", {
      ...SPAN,
      name: "Đợt riêng của Thành ủy",
      unitIds: [thanh.root.id],
    })
  ).id;
  const quanCampaign = (
    await ok(quan, "POST", `/directives/${d1}/adopt`, { unitIds: [quan.root.id] })
  ).id;
  await ok(quan, "POST", `/campaigns/${quanCampaign}/launch`);
  const d2 = (
    await ok(quan, "POST", `/directives/${d1}/republish`, {
      name: "Kế hoạch thực hiện Chỉ thị 24",
      documentNo: "187-KH/QU",
      startsOn: "2026-03-11",
      dueOn: "2026-04-05",
    })
  ).id;
  const campaign = { thanh: own, quan: quanCampaign } as Record<Level, string>;
  for (const key of ["p1", "p2"] as const) {
    campaign[key] = (
      await ok(tree[key], "POST", `/directives/${d2}/adopt`, { unitIds: [tree[key].root.id] })
    ).id;
    await ok(tree[key], "POST", `/campaigns/${campaign[key]}/launch`);
  }
  // A plan written in the phường một, with a text only it has.
  await p1.api("a2", "PUT", `/campaigns/${campaign.p1}/submissions/mine`, {
    formKey: "ke-hoach-tu-duong",
    data: fullPlan000(marker("p1plan")),
  });
  await p1.api("a2", "POST", `/campaigns/${campaign.p1}/submissions/mine/submit`, {});
  await runScheduledPass(t.platform);
  ids = { d1, d2, campaign, upLink };
}, 120_000);

afterAll(() => t?.close());

/** A write on the directive of the level's approved parent (none at the top). */
const parentDirective = (l: Level, verb: string, body: unknown) =>
  l === "thanh"
    ? null
    : { method: "POST", path: `/directives/${l === "quan" ? ids.d1 : ids.d2}/${verb}`, body };

/** Who may call what, at every level: the chain's routes are the admin's, the figures also
 *  the viewer's (counts only). `own` is a directive the level issued, `parent` one its approved
 *  parent issued (none at the top). */
const ROUTES: {
  name: string;
  allowed: RoleKey[];
  req: (l: Level) => { method: string; path: string; body?: unknown } | null;
  ok?: number | ((l: Level) => number);
}[] = [
  { name: "GET /links", allowed: ["admin"], req: () => ({ method: "GET", path: "/links" }) },
  {
    name: "GET /children/progress",
    allowed: ["admin", "viewer"],
    req: () => ({ method: "GET", path: "/children/progress" }),
  },
  {
    name: "GET /directives",
    allowed: ["admin"],
    req: () => ({ method: "GET", path: "/directives" }),
  },
  // The figures of a directive the level issued: who is behind, and its history (the chart).
  ...(["behind", "history"] as const).map((what) => ({
    name: `GET /directives/:id/${what}`,
    allowed: ["admin", "viewer"] as RoleKey[],
    req: (l: Level) => {
      const own = l === "thanh" ? ids.d1 : l === "quan" ? ids.d2 : null;
      return own ? { method: "GET", path: `/directives/${own}/${what}` } : null;
    },
  })),
  {
    name: "GET /directives/campaigns/:id/chain",
    allowed: ["admin"],
    req: (l) => ({ method: "GET", path: `/directives/campaigns/${ids.campaign[l]}/chain` }),
  },
  {
    // Refused before any write for every role but the admin, whose body is incomplete (422).
    name: "POST /directives/:id/adopt",
    allowed: ["admin"],
    ok: 422,
    req: (l) => parentDirective(l, "adopt", { unitIds: [] }),
  },
  {
    name: "POST /directives/:id/republish",
    allowed: ["admin"],
    ok: 422,
    req: (l) => parentDirective(l, "republish", { name: "x" }),
  },
  {
    name: "POST /directives",
    allowed: ["admin"],
    ok: 422,
    req: () => ({ method: "POST", path: "/directives", body: { name: "x" } }),
  },
  {
    // The Thành ủy's own campaign is a draft; the others are launched.
    name: "PATCH /campaigns/:id",
    allowed: ["admin"],
    ok: (l) => (l === "thanh" ? 200 : 409),
    req: (l) => ({
      method: "PATCH",
      path: `/campaigns/${ids.campaign[l]}`,
      body: { version: 1, name: "Tên mới của đợt" },
    }),
  },
];

const okFor = (route: (typeof ROUTES)[number], level: Level) =>
  typeof route.ok === "function" ? route.ok(level) : (route.ok ?? 200);

/** Every level's matrix of `routes`. */
function matrix(routes: typeof ROUTES) {
  for (const level of LEVELS)
    for (const route of routes)
      it(`${level}: ${route.name}`, async () => {
        const req = route.req(level);
        if (!req) return;
        const got: Record<string, number> = {};
        const want: Record<string, number> = {};
        for (const who of ROLES) {
          got[who] = (await call(level, who, req.method, req.path, req.body)).status;
          want[who] = route.allowed.includes(who)
            ? okFor(route, level)
            : who === "none"
              ? 401
              : 403;
        }
        expect(got).toEqual(want);
      });
}

describe("the chain's routes at three levels", () => {
  matrix(ROUTES);
});
describe("other levels' ids", () => {
  it("answer 404 to every other level's admin, and to an outsider", async () => {
    const notFound: [Level | "out", string, string, unknown?][] = [
      // A grandparent's directive is not adoptable below its own children, nor passed on.
      ["p1", "POST", `/directives/${ids.d1}/adopt`, { unitIds: [tree.p1.root.id] }],
      [
        "p1",
        "POST",
        `/directives/${ids.d1}/republish`,
        { name: "Kế hoạch", startsOn: "2026-03-11", dueOn: "2026-04-01" },
      ],
      ["out", "POST", `/directives/${ids.d1}/adopt`, { unitIds: [tree.out.root.id] }],
      ["out", "POST", `/directives/${ids.d2}/adopt`, { unitIds: [tree.out.root.id] }],
      // Who is behind is the issuer's: not its children's, not its parent's; a reminder
      // reaches only a tenant below the issuer (at any depth), never one outside its tree.
      ["quan", "GET", `/directives/${ids.d1}/behind`],
      ["p1", "GET", `/directives/${ids.d2}/behind`],
      ["thanh", "GET", `/directives/${ids.d2}/behind`],
      ["out", "GET", `/directives/${ids.d1}/behind`],
      ["thanh", "POST", `/directives/${ids.d2}/behind/phuong-mot/remind`],
      ["quan", "POST", `/directives/${ids.d2}/behind/ngoai/remind`],
      ["thanh", "POST", `/directives/${ids.d1}/behind/ngoai/remind`],
      // Campaigns live in their own tenant's database.
      ["thanh", "GET", `/directives/campaigns/${ids.campaign.quan}/chain`],
      ["quan", "GET", `/directives/campaigns/${ids.campaign.p1}/chain`],
      ["p2", "GET", `/directives/campaigns/${ids.campaign.p1}/chain`],
      ["thanh", "GET", `/campaigns/${ids.campaign.p1}`],
      ["quan", "PATCH", `/campaigns/${ids.campaign.thanh}`, { version: 1, name: "Đổi tên đợt" }],
      // Links: only the two ends act on one.
      ["p1", "POST", `/links/${ids.upLink.quan}/revoke`],
      ["p2", "POST", `/links/${ids.upLink.p1}/revoke`],
      ["out", "POST", `/links/${ids.upLink.p2}/approve`],
      ["thanh", "POST", `/links/${ids.upLink.p1}/revoke`],
    ];
    const got = [];
    for (const [level, method, path, body] of notFound)
      got.push([level, method, path, (await call(level, "admin", method, path, body)).status]);
    expect(got).toEqual(notFound.map(([l, m, p]) => [l, m, p, 404]));
  });

  it("never carry another tenant's people, units or plans in any answer at any level", async () => {
    // Every level reads everything the chain shows it.
    for (const level of LEVELS) {
      for (const path of [
        "/links",
        "/children/progress",
        "/directives",
        `/campaigns/${ids.campaign[level]}`,
      ])
        expect((await call(level, "admin", "GET", path)).status).toBe(200);
    }
    for (const level of [...LEVELS, "out"] as const) {
      const text = answers[level].join("\n");
      for (const other of [...LEVELS, "out", "p1plan"].filter((x) => x !== level))
        expect(text, `${level} sees ${other}`).not.toContain(marker(other));
    }
    // The reads did reach across: the top sees every phường's figures, by name of đảng bộ.
    const top = answers.thanh.join("\n");
    for (const slug of ["quan-uy", "phuong-mot", "phuong-hai"]) expect(top).toContain(slug);
  });
});

// Last: the admin's revoke succeeds, so it runs after everything that reads the chain.
describe("revoking at every level", () => {
  matrix([
    {
      name: "POST /links/:id/revoke",
      allowed: ["admin"],
      req: (l) =>
        l === "thanh" ? null : { method: "POST", path: `/links/${ids.upLink[l]}/revoke` },
    },
  ]);
});
