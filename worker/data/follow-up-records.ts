// The milestones and the year-end input as dated obligations (issue 10: "follow-up as dated
// obligations with reminders and compliance marks"): each unit the template's milestones and
// yearEndRanking concern records, by the obligation's day, that it did it — a note of what
// was done (the 6-month review held, the campaign's result sent as the year-end ranking's
// input), the day, a link. Versioned (409 when stale) and audited like a step's record;
// compliance marks each unit on time, late or missing (followUpMarks).
import { and, desc, inArray } from "drizzle-orm";
import { eqAll } from "./sql";
import { dueInstant, ictDate } from "../../schema/rules/deadlines";
import { unitMatches, type UnitKind } from "../../schema/template";
import { stepRecords } from "../../schema/tables/tenant";
import type { Mark } from "../domain/compliance";
import { followUpObligations, type Obligation } from "../domain/follow-up";
import { recordMark } from "../domain/step-completion";
import { invalidBody, notFound } from "../errors";
import { writeRecordVersion } from "./acknowledgements";
import { requireActiveCampaign, requireCampaignUnit, type Campaign } from "./campaigns";
import type { Ctx } from "./context";

/** The campaign's obligations that concern this unit. */
const obligationsOf = (c: Campaign, unit: { kind: string; name: string }) =>
  followUpObligations(c.def, c.startsOn).filter((o) =>
    unitMatches(o.appliesTo, { kind: unit.kind as UnitKind, name: unit.name }),
  );

/** A unit's milestones and year-end input, each with its latest record. */
export async function listFollowUps(
  ctx: Pick<Ctx, "db" | "scope">,
  input: { campaign: Campaign; unitId: string },
) {
  const c = input.campaign;
  const unit = await requireCampaignUnit(ctx, { campaign: c, unitId: input.unitId });
  const list = obligationsOf(c, unit);
  const rows = list.length
    ? await ctx.db
        .select()
        .from(stepRecords)
        .where(
          and(
            eqAll(stepRecords, { campaignId: c.id, unitId: unit.id, memberId: "" }),
            inArray(
              stepRecords.stepKey,
              list.map((o) => o.stepKey),
            ),
          ),
        )
        .orderBy(desc(stepRecords.version))
    : [];
  return {
    unitId: unit.id,
    followUps: list.map(({ stepKey, appliesTo: _a, ...o }) => {
      const r = rows.find((x) => x.stepKey === stepKey);
      return {
        ...o,
        record: r
          ? { version: r.version, doneOn: r.doneOn, note: r.note, link: r.link, at: r.createdAt }
          : null,
      };
    }),
  };
}

export async function saveFollowUp(
  ctx: Ctx,
  input: {
    campaign: Campaign;
    key: string;
    unitId: string;
    version: number;
    note: string;
    doneOn?: string | undefined;
    link?: string | null | undefined;
  },
) {
  const c = input.campaign;
  requireActiveCampaign(c);
  const o = followUpObligations(c.def, c.startsOn).find((x) => x.key === input.key);
  if (!o?.dueOn) throw notFound("Đợt sinh hoạt không có mốc theo dõi này.");
  const unit = await requireCampaignUnit(ctx, { campaign: c, unitId: input.unitId });
  if (!unitMatches(o.appliesTo, { kind: unit.kind as UnitKind, name: unit.name }))
    throw invalidBody({ unitId: "Mốc này không áp dụng cho đơn vị." });
  const today = ictDate(ctx.now);
  const doneOn = input.doneOn ?? today;
  if (doneOn > today) throw invalidBody({ doneOn: "Ngày thực hiện chưa đến." });
  const key = { campaignId: c.id, stepKey: o.stepKey, unitId: unit.id, memberId: "", period: "" };
  const { version } = await writeRecordVersion(
    ctx,
    { key, expected: input.version },
    { ...key, doneOn, note: input.note, link: input.link ?? null },
    (version) => ({
      action: "follow-up.save",
      entity: "unit",
      entityId: unit.id,
      after: { campaignId: c.id, key: o.key, version },
    }),
  );
  return {
    unitId: unit.id,
    key: o.key,
    version,
    doneOn,
    note: input.note,
    link: input.link ?? null,
  };
}

/** One mark per dated obligation of the unit, from the unit's first record of it. */
export function followUpMarks(
  c: Campaign,
  unit: { id: string; kind: string; name: string },
  firstAt: (unitId: string, stepKey: string) => Date | null,
  now: Date,
): Mark[] {
  return obligationsOf(c, unit)
    .filter((o): o is Obligation & { dueOn: string } => !!o.dueOn)
    .map((o) => ({
      ...recordMark(
        { key: o.stepKey, title: o.title },
        firstAt(unit.id, o.stepKey),
        dueInstant("den-het-ngay", o.dueOn),
        now,
      ),
      rule: `follow-up:${o.key}`,
      label: `Theo dõi: ${o.title}`,
    }));
}
