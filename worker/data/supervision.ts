// Supervisors (MTTQ, Công đoàn, ban tuyên giáo — as the template routes them) read the
// confirmed plans routed to them and leave comments; they change nothing. Routing is
// decided per member by the template's supervision rules (first match wins), on the member's
// position code and management category and the supervising unit's body code and level —
// never on text.
import { and, asc, eq, gt, inArray, isNotNull, sql } from "drizzle-orm";
import { memberMatches, supervisionFor, type MemberForMatch } from "../../schema/template";
import {
  campaigns,
  comments,
  members,
  submissionVersions,
  submissions,
  units,
} from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { bodyIs, watchedPath, type BodyPlace, type UnitBody } from "../domain/supervision";
import type { Grant } from "../env";
import type { Form, TemplateDefinition } from "../../schema/template";
import { matchFacts } from "./campaign-targets";
import { trackedStep } from "./campaigns";
import type { Ctx } from "./context";
import { planNotice } from "./event-notices";
import { newId } from "./ids";
import { eqAll } from "./sql";

interface RoutedPlan {
  submissionId: string;
  campaignId: string;
  campaignName: string;
  memberId: string;
  fullName: string;
  position: string | null;
  unitName: string;
  formKey: string;
  confirmedAt: Date | null;
  confirmedVersion: number | null;
  /** The form the plan was written on, so a reader can label the answers. */
  form: Form | null;
}

type Unit = { id: string; name: string; kind: string; path: string; parentId: string | null };

/** One page of a routed list: the plans, and where the next page starts (null at the end). */
export interface PlanPage<P> {
  plans: P[];
  next: string | null;
}

/** Where a page starts and how long it is; `submissionId` asks about one plan alone. */
export interface PageRequest {
  after?: string;
  limit?: number;
  submissionId?: string;
}

/** Confirmed plans are read in chunks of this many, in id order, and at most SCAN_CHUNKS
 *  chunks a request: a page costs the same at 500 members as at 500,000, and a sparse list (a
 *  body that reads few plans) answers with what it found and where to go on. */
const CHUNK = 1_000;
const SCAN_CHUNKS = 5;
export const PAGE_LIMIT = 100;

type PlanPick = (
  def: TemplateDefinition,
  member: MemberForMatch & { mustPublishPlan: boolean },
  formKey: string,
  unit: Unit,
) => boolean;

/** Confirmed plans of members matching `pick`, in campaigns that are running or done, one
 *  page at a time (keyset on the submission id over the index of confirmed plans). The units
 *  are read for the chunk's members and their ancestors only, never the whole tree. */
async function confirmedPlans(
  db: TenantDb,
  pick: PlanPick,
  page: PageRequest = {},
): Promise<PlanPage<RoutedPlan>> {
  const limit = Math.min(Math.max(page.limit ?? PAGE_LIMIT, 1), PAGE_LIMIT);
  const running = new Map<string, { name: string; def: TemplateDefinition } | null>();
  const names = new Map<string, string>();
  const out: RoutedPlan[] = [];
  let cursor = page.after ?? "";
  for (let chunk = 0; chunk < SCAN_CHUNKS; chunk++) {
    // Driven by the index of confirmed plans, in id order; the campaign is looked up apart
    // (a join on campaigns would let the planner sort every plan of every running campaign).
    const rows = await db
      .select({
        s: submissions,
        m: members,
        u: { id: units.id, name: units.name, kind: units.kind, path: units.path },
        parentId: units.parentId,
      })
      .from(submissions)
      .innerJoin(members, eq(members.id, submissions.memberId))
      .innerJoin(units, eq(units.id, members.unitId))
      // A plan confirmed once stays routed with its confirmed text, even while a later edit
      // waits to be confirmed again.
      .where(
        and(
          isNotNull(submissions.confirmedVersion),
          page.submissionId ? eq(submissions.id, page.submissionId) : gt(submissions.id, cursor),
        ),
      )
      .orderBy(asc(submissions.id))
      .limit(CHUNK);
    await Promise.all([
      ancestorNames(db, rows, names),
      runningCampaigns(
        db,
        rows.map((r) => r.s.campaignId),
        running,
      ),
    ]);
    for (const { s, m, u, parentId } of rows) {
      cursor = s.id;
      const campaign = running.get(s.campaignId);
      if (!campaign) continue;
      const { def } = campaign;
      const unit = { ...u, parentId };
      const ancestors = idsOf(u.path)
        .slice(0, -1)
        .reverse()
        .map((id) => names.get(id) ?? "");
      const facts = matchFacts(m, unit, ancestors);
      if (!pick(def, { ...facts, mustPublishPlan: m.mustPublishPlan }, s.formKey, unit)) continue;
      out.push({
        submissionId: s.id,
        campaignId: s.campaignId,
        campaignName: campaign.name,
        memberId: m.id,
        fullName: m.fullName,
        position: m.position,
        unitName: u.name,
        formKey: s.formKey,
        confirmedAt: s.confirmedAt,
        confirmedVersion: s.confirmedVersion,
        form: def.forms.find((f) => f.key === s.formKey) ?? null,
      });
      if (out.length === limit) return { plans: out, next: cursor };
    }
    if (rows.length < CHUNK || page.submissionId) return { plans: out, next: null };
  }
  return { plans: out, next: cursor };
}

/** The chunk's campaigns not seen yet: running or done ones with their definition, others
 *  as null (a draft's plans are not routed). One round trip, usually for one campaign. */
async function runningCampaigns(
  db: TenantDb,
  ids: string[],
  into: Map<string, { name: string; def: TemplateDefinition } | null>,
) {
  const missing = [...new Set(ids)].filter((id) => !into.has(id));
  if (missing.length === 0) return;
  for (const id of missing) into.set(id, null);
  for (const c of await db
    .select({ id: campaigns.id, name: campaigns.name, definition: campaigns.definition })
    .from(campaigns)
    .where(and(inArray(campaigns.id, missing), inArray(campaigns.status, ["active", "closed"]))))
    into.set(c.id, { name: c.name, def: JSON.parse(c.definition) as TemplateDefinition });
}

const idsOf = (path: string) => path.split("/").filter(Boolean);

/** The names of the chunk's units' ancestors not read yet, in one round trip. */
async function ancestorNames(
  db: TenantDb,
  rows: { u: { path: string } }[],
  names: Map<string, string>,
) {
  const missing = [...new Set(rows.flatMap((r) => idsOf(r.u.path).slice(0, -1)))].filter(
    (id) => !names.has(id),
  );
  if (missing.length === 0) return;
  for (const a of await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, missing)))
    names.set(a.id, a.name);
}

/** Plans routed to the caller's supervisor grants, a page at a time. */
export async function routedPlans(
  db: TenantDb,
  grants: Grant[],
  page: PageRequest = {},
): Promise<PlanPage<RoutedPlan>> {
  const supervisorUnits = grants
    .filter((g) => g.role === "supervisor" && g.unitId)
    .map((g) => g.unitId!);
  if (supervisorUnits.length === 0) return { plans: [], next: null };
  // Each body's unit, then its ancestors named by the materialised paths: two round trips,
  // whatever the size of the tree.
  const mine = await db
    .select({ path: units.path, bodyCode: units.bodyCode, bodyLevel: units.bodyLevel })
    .from(units)
    .where(inArray(units.id, supervisorUnits));
  const ancestorIds = [...new Set(mine.flatMap((u) => idsOf(u.path).slice(0, -1)))];
  const byId = new Map(
    (ancestorIds.length
      ? await db
          .select({ id: units.id, kind: units.kind, path: units.path })
          .from(units)
          .where(inArray(units.id, ancestorIds))
      : []
    ).map((u) => [u.id, u]),
  );
  const watch = mine.map((u) => {
    // Nearest first: the parent, then up to the root.
    const ancestors = idsOf(u.path)
      .slice(0, -1)
      .reverse()
      .flatMap((id) => {
        const a = byId.get(id);
        return a ? [{ kind: a.kind as string, path: a.path }] : [];
      });
    return {
      body: { bodyCode: u.bodyCode, bodyLevel: u.bodyLevel } satisfies UnitBody,
      place: { parent: ancestors[0] ?? null, ancestors } satisfies BodyPlace,
    };
  });
  // The template's supervisor names the body, its level and how far it reads (scope).
  return confirmedPlans(
    db,
    (def, member, formKey, unit) => {
      const rule = supervisionFor(def, member);
      if (!rule || rule.formKey !== formKey) return false;
      return watch.some((w) =>
        rule.supervisors.some((s) => {
          if (!bodyIs(s, w.body)) return false;
          const path = watchedPath(s.scope, w.place);
          return path !== null && unit.path.startsWith(path);
        }),
      );
    },
    page,
  );
}

/** Routed to publication by the template's rules; or flagged on the roster as posting
 *  publicly, for the form the template publishes (its tracked plan where it names none). */
const PUBLIC_PICK = (
  def: TemplateDefinition,
  member: MemberForMatch & { mustPublishPlan: boolean },
  formKey: string,
) => {
  const rules = def.routing.publication;
  if (
    rules.some(
      (rule) => rule.formKey === formKey && rule.members.some((f) => memberMatches(f, member)),
    )
  )
    return true;
  if (!member.mustPublishPlan) return false;
  return rules.length
    ? rules.some((r) => r.formKey === formKey)
    : trackedStep(def)?.formKey === formKey;
};

/** What the tenant's public page shows: confirmed plans of members the template routes to
 *  publication (or whom the roster flags as posting publicly), as they were confirmed. */
export async function publicPlans(db: TenantDb, page: PageRequest = {}) {
  const { plans, next } = await confirmedPlans(db, PUBLIC_PICK, page);
  if (plans.length === 0) return { plans: [], next };
  // The confirmed version of each plan of the page only: the text as the cell confirmed it.
  const frozen = new Map(
    (
      await db
        .select({ submissionId: submissionVersions.submissionId, data: submissionVersions.data })
        .from(submissionVersions)
        .innerJoin(
          submissions,
          eqAll(submissionVersions, {
            submissionId: submissions.id,
            version: submissions.confirmedVersion,
          }),
        )
        .where(
          inArray(
            submissionVersions.submissionId,
            plans.map((p) => p.submissionId),
          ),
        )
    ).map((v) => [v.submissionId, v.data]),
  );
  return {
    plans: plans.map((p) => {
      const data = frozen.get(p.submissionId);
      return {
        campaignId: p.campaignId,
        campaignName: p.campaignName,
        fullName: p.fullName,
        position: p.position,
        unitName: p.unitName,
        formKey: p.formKey,
        form: p.form,
        confirmedAt: p.confirmedAt,
        data: data ? (JSON.parse(data) as unknown) : null,
      };
    }),
    next,
  };
}

/** Adds a góp ý and, in the same batch, the plan author's notification. */
export async function addComment(
  { db, now }: Pick<Ctx, "db" | "now">,
  input: {
    plan: { id: string; memberId: string; campaignId: string };
    authorUserId: string;
    authorRole: string;
    body: string;
  },
) {
  const { plan, ...rest } = input;
  const row = { id: newId(), submissionId: plan.id, ...rest, createdAt: now };
  await db.batch([
    db.insert(comments).values(row),
    planNotice(
      db,
      {
        event: "commented",
        submissionId: plan.id,
        memberId: plan.memberId,
        campaignId: plan.campaignId,
        eventId: row.id,
        actorUserId: input.authorUserId,
      },
      now,
      sql`EXISTS (SELECT 1 FROM comments WHERE id = ${row.id})`,
    ),
  ]);
  return row;
}

export async function listComments(db: TenantDb, submissionId: string) {
  return db
    .select()
    .from(comments)
    .where(eq(comments.submissionId, submissionId))
    .orderBy(asc(comments.createdAt));
}
