// Directives cascade down the tree of linked tenants. A tenant publishes a directive with the
// sections its children may not change; an approved child adopts it (its own name, number,
// dates and units, inside the parent's deadline) and may republish it to its own children,
// locking more sections but never unlocking one locked above. Each directive remembers the
// one it republishes (`sourceId`), so every campaign knows its chain: "thực hiện Kế hoạch
// 187-KH/QU của Quận ủy, thực hiện Chỉ thị 24-CT/TU của Thành ủy".
import { and, desc, eq, inArray } from "drizzle-orm";
import { directives, tenantLinks, tenants } from "../../schema/tables/control";
import type { ControlDb } from "../db/handles";
import type { TenantRecord } from "../env";
import { DomainError, notFound } from "../errors";
import { newId } from "./ids";
import { MAX_DEPTH, type LinkActor } from "./links";

export interface DirectiveInput {
  name: string;
  documentNo?: string;
  templateKey: string;
  definition: unknown;
  lockedSections: string[];
  startsOn: string;
  dueOn: string;
}

const viDate = (iso: string) => iso.split("-").reverse().join("/");

/** A date of a level below may not fall after its parent's: refused on the field named. */
export function refuseLaterThanParent(
  parent: { dueOn: string },
  child: { dueOn: string; overrides?: Record<string, string> },
) {
  const msg = `Hạn hoàn thành không được sau hạn của cấp trên (${viDate(parent.dueOn)}).`;
  const fields: Record<string, string> = {};
  if (child.dueOn > parent.dueOn) fields.dueOn = msg;
  for (const [step, on] of Object.entries(child.overrides ?? {}))
    if (on > parent.dueOn) fields[`overrides.${step}`] = msg;
  if (Object.keys(fields).length) throw new DomainError("INVALID_BODY", msg, fields);
}

export async function publishDirective(
  control: ControlDb,
  input: LinkActor & DirectiveInput & { sourceId?: string | null },
) {
  const { tenant: issuer, now } = input;
  const row = {
    id: newId(),
    parentId: issuer.id,
    name: input.name,
    documentNo: input.documentNo ?? null,
    templateKey: input.templateKey,
    definition: JSON.stringify(input.definition),
    lockedSections: JSON.stringify([...new Set(input.lockedSections)]),
    startsOn: input.startsOn,
    dueOn: input.dueOn,
    sourceId: input.sourceId ?? null,
    createdAt: now,
  };
  await control.insert(directives).values(row);
  return { id: row.id };
}

/** Passes a parent's directive down: the definition this tenant adopted it with
 *  (`adopted`, which refuses when it has not adopted it: a level passes on only what it
 *  carries out), its locked sections kept (more may be added, none removed), a deadline no
 *  later than the parent's. */
export async function republishDirective(
  control: ControlDb,
  input: LinkActor & {
    id: string;
    name: string;
    documentNo?: string;
    startsOn: string;
    dueOn: string;
    lockedSections?: string[];
    adopted: (sourceId: string) => Promise<unknown>;
  },
) {
  const source = await requireAdoptableDirective(control, input);
  const definition = await input.adopted(source.id);
  refuseLaterThanParent(source, input);
  return publishDirective(control, {
    ...input,
    templateKey: source.templateKey,
    definition,
    lockedSections: [...source.lockedSections, ...(input.lockedSections ?? [])],
    sourceId: source.id,
  });
}

/** Directives this tenant may see: its own, and those of its approved parent. */
export async function visibleDirectives(control: ControlDb, tenant: TenantRecord) {
  const parentIds = (
    await control
      .select({ id: tenantLinks.parentId })
      .from(tenantLinks)
      .where(and(eq(tenantLinks.childId, tenant.id), eq(tenantLinks.status, "approved")))
  ).map((p) => p.id);
  const rows = await control
    .select()
    .from(directives)
    .where(inArray(directives.parentId, [tenant.id, ...parentIds]))
    .orderBy(desc(directives.createdAt));
  const chains = await directiveChains(
    control,
    rows.map((d) => d.id),
  );
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    documentNo: d.documentNo,
    templateKey: d.templateKey,
    startsOn: d.startsOn,
    dueOn: d.dueOn,
    lockedSections: JSON.parse(d.lockedSections) as string[],
    own: d.parentId === tenant.id,
    sourceId: d.sourceId,
    chain: chains.get(d.id)!,
    definition: JSON.parse(d.definition) as unknown,
  }));
}

/** A parent's directive this tenant may adopt (not its own); otherwise 404. */
export async function requireAdoptableDirective(
  control: ControlDb,
  { tenant, id }: { tenant: TenantRecord; id: string },
) {
  const directive = (await visibleDirectives(control, tenant)).find((d) => d.id === id && !d.own);
  if (!directive) throw notFound("Không tìm thấy văn bản chỉ đạo.");
  return directive;
}

const KINDS: [RegExp, string][] = [
  [/-CT\//i, "Chỉ thị"],
  [/-KH\//i, "Kế hoạch"],
  [/-NQ\//i, "Nghị quyết"],
  [/-HD\//i, "Hướng dẫn"],
  [/-KL\//i, "Kết luận"],
  [/-TB\//i, "Thông báo"],
  [/-QĐ\//i, "Quyết định"],
];

/** "Kế hoạch 187-KH/QU" from the number's kind mark; the name when there is no number. */
function title(d: { documentNo: string | null; name: string }) {
  if (!d.documentNo) return d.name;
  const kind = KINDS.find(([re]) => re.test(d.documentNo!))?.[1] ?? "Văn bản";
  return `${kind} ${d.documentNo}`;
}

export interface ChainLink {
  directiveId: string;
  documentNo: string | null;
  name: string;
  issuer: string;
}

type Republished = { id: string; sourceId: string | null };

/** The directives `ids` and those they republish (`sourceId`), MAX_DEPTH levels up at most,
 *  by id: `read` fetches one level's rows, so one round trip per level for any number. */
export async function directivesUp<R extends Republished>(
  ids: Iterable<string>,
  read: (want: string[]) => Promise<R[]>,
): Promise<Map<string, R>> {
  const known = new Map<string, R>();
  let want = [...new Set(ids)];
  for (let i = 0; i < MAX_DEPTH && want.length; i++) {
    const rows = await read(want);
    for (const r of rows) known.set(r.id, r);
    want = [
      ...new Set(rows.map((r) => r.sourceId).filter((x): x is string => !!x && !known.has(x))),
    ];
  }
  return known;
}

/** The chain from directive `id` up through what it republishes, nearest first, as far as
 *  `known` (from directivesUp) holds it. */
export function chainUp<R extends Republished>(known: Map<string, R>, id: string | null): R[] {
  const chain: R[] = [];
  for (let d = id ? known.get(id) : undefined; d && chain.length < MAX_DEPTH;) {
    chain.push(d);
    d = d.sourceId ? known.get(d.sourceId) : undefined;
  }
  return chain;
}

/** The chains of many directives at once, one round trip per level: each directive and
 *  those it republishes, nearest first, and their wording. Only document titles and the
 *  issuing organisations' names: no person. */
export async function directiveChains(
  control: ControlDb,
  ids: string[],
): Promise<Map<string, { links: ChainLink[]; text: string }>> {
  const known = await directivesUp(ids, (want) =>
    control
      .select({
        id: directives.id,
        name: directives.name,
        documentNo: directives.documentNo,
        sourceId: directives.sourceId,
        issuer: tenants.name,
      })
      .from(directives)
      .innerJoin(tenants, eq(tenants.id, directives.parentId))
      .where(inArray(directives.id, want)),
  );
  const out = new Map<string, { links: ChainLink[]; text: string }>();
  for (const id of ids) {
    const links = chainUp(known, id).map((d): ChainLink => ({
      directiveId: d.id,
      documentNo: d.documentNo,
      name: d.name,
      issuer: d.issuer,
    }));
    out.set(id, {
      links,
      text: links.map((l) => `thực hiện ${title(l)} của ${l.issuer}`).join(", "),
    });
  }
  return out;
}

/** One directive's chain (empty for none: a campaign of the tenant's own). */
export async function directiveChain(control: ControlDb, directiveId: string | null) {
  if (!directiveId) return { links: [] as ChainLink[], text: "" };
  return (await directiveChains(control, [directiveId])).get(directiveId)!;
}
