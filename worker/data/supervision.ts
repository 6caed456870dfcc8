// Supervisors (MTTQ, Công đoàn, ban tuyên giáo — as the template routes them) read the
// confirmed plans routed to them and leave comments; they change nothing. Routing is
// decided per member by the template's supervision rules (first match wins), on the member's
// position code and management category and the supervising unit's body code and level —
// never on text.
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
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
import { matchFacts, unitTree } from "./campaign-targets";
import { trackedStep } from "./campaigns";
import type { Ctx } from "./context";
import { planNotice } from "./event-notices";
import { newId } from "./ids";

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

/** Confirmed plans of members matching `pick`, in campaigns that are running or done. */
async function confirmedPlans(
  db: TenantDb,
  pick: (
    def: TemplateDefinition,
    member: MemberForMatch & { mustPublishPlan: boolean },
    formKey: string,
    unit: Unit,
  ) => boolean,
): Promise<RoutedPlan[]> {
  const rows = await db
    .select({
      s: submissions,
      m: members,
      campaignName: campaigns.name,
      definition: campaigns.definition,
    })
    .from(submissions)
    .innerJoin(members, eq(members.id, submissions.memberId))
    .innerJoin(campaigns, eq(campaigns.id, submissions.campaignId))
    // A plan confirmed once stays routed with its confirmed text, even while a later edit
    // waits to be confirmed again.
    .where(
      and(inArray(campaigns.status, ["active", "closed"]), isNotNull(submissions.confirmedVersion)),
    );
  if (rows.length === 0) return [];
  const { byId, ancestors: ancestorsOf } = await unitTree(db);
  const defs = new Map<string, TemplateDefinition>();
  const out: RoutedPlan[] = [];
  for (const { s, m, campaignName, definition } of rows) {
    const def =
      defs.get(s.campaignId) ??
      defs.set(s.campaignId, JSON.parse(definition) as TemplateDefinition).get(s.campaignId)!;
    const unit = byId.get(m.unitId);
    if (!unit) continue;
    const ancestors = ancestorsOf(unit);
    const facts: MemberForMatch & { mustPublishPlan: boolean } = {
      ...matchFacts(m, unit, ancestors),
      mustPublishPlan: m.mustPublishPlan,
    };
    if (!pick(def, facts, s.formKey, unit)) continue;
    out.push({
      submissionId: s.id,
      campaignId: s.campaignId,
      campaignName,
      memberId: m.id,
      fullName: m.fullName,
      position: m.position,
      unitName: unit.name,
      formKey: s.formKey,
      confirmedAt: s.confirmedAt,
      confirmedVersion: s.confirmedVersion,
      form: def.forms.find((f) => f.key === s.formKey) ?? null,
    });
  }
  return out;
}

/** Plans routed to the caller's supervisor grants. */
export async function routedPlans(db: TenantDb, grants: Grant[]): Promise<RoutedPlan[]> {
  const supervisorUnits = grants
    .filter((g) => g.role === "supervisor" && g.unitId)
    .map((g) => g.unitId!);
  if (supervisorUnits.length === 0) return [];
  // Each body's unit, then its ancestors named by the materialised paths: two round trips,
  // whatever the size of the tree.
  const mine = await db
    .select({ path: units.path, bodyCode: units.bodyCode, bodyLevel: units.bodyLevel })
    .from(units)
    .where(inArray(units.id, supervisorUnits));
  const idsOf = (path: string) => path.split("/").filter(Boolean);
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
  return confirmedPlans(db, (def, member, formKey, unit) => {
    const rule = supervisionFor(def, member);
    if (!rule || rule.formKey !== formKey) return false;
    return watch.some((w) =>
      rule.supervisors.some((s) => {
        if (!bodyIs(s, w.body)) return false;
        const path = watchedPath(s.scope, w.place);
        return path !== null && unit.path.startsWith(path);
      }),
    );
  });
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
export async function publicPlans(db: TenantDb) {
  const plans = await confirmedPlans(db, PUBLIC_PICK);
  if (plans.length === 0) return [];
  const versions = await db
    .select({
      submissionId: submissionVersions.submissionId,
      version: submissionVersions.version,
      data: submissionVersions.data,
    })
    .from(submissionVersions)
    .where(
      inArray(
        submissionVersions.submissionId,
        plans.map((p) => p.submissionId),
      ),
    );
  return plans.map((p) => {
    const frozen = versions.find(
      (v) => v.submissionId === p.submissionId && v.version === p.confirmedVersion,
    );
    return {
      campaignId: p.campaignId,
      campaignName: p.campaignName,
      fullName: p.fullName,
      position: p.position,
      unitName: p.unitName,
      formKey: p.formKey,
      form: p.form,
      confirmedAt: p.confirmedAt,
      data: frozen ? (JSON.parse(frozen.data) as unknown) : null,
    };
  });
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
