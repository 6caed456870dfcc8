// A draft campaign's way out when its frozen definition cannot launch (a checklist whose
// list is still empty, a date to correct): take the template again — its latest version, or
// the đảng bộ's filled-in copy — keeping the name, dates and units; or delete the draft.
// Only drafts: nothing hangs off them yet (no tasks, no figures, no submissions).
import { and, eq, sql } from "drizzle-orm";
import { launchBlockers } from "../../schema/template";
import { campaignUnits, campaigns } from "../../schema/tables/tenant";
import { DomainError } from "../errors";
import { auditInsertIf } from "./audit";
import { requireCampaign, stepDueDates } from "./campaigns";
import type { Ctx } from "./context";
import { requireTemplate } from "./templates";

const notDraft = (what: string) =>
  new DomainError("INVALID_STATE", `Chỉ ${what} được đợt sinh hoạt chưa phát động.`);

const staleCampaign = () =>
  new DomainError(
    "VERSION_CONFLICT",
    "Đợt sinh hoạt đã được người khác thay đổi. Hãy tải lại rồi làm tiếp.",
  );

export async function refreshDraftCampaign(
  { db, actor, now }: Ctx,
  id: string,
  input: { version: number; templateKey?: string | undefined },
) {
  const c = await requireCampaign(db, id);
  if (c.status !== "draft") throw notDraft("cập nhật theo mẫu");
  if (c.directiveId)
    throw new DomainError(
      "INVALID_STATE",
      "Đợt này thực hiện văn bản của cấp trên: hãy xóa đợt nháp rồi nhận lại văn bản.",
    );
  if (c.version !== input.version) throw staleCampaign();
  const { def } = await requireTemplate(db, { key: input.templateKey ?? c.templateKey });
  // The campaign's own overrides and dates must still give every step a deadline (422 if not).
  stepDueDates({ def, startsOn: c.startsOn, dueOn: c.dueOn, overrides: c.overrides });
  const version = c.version + 1;
  const [updated] = await db.batch([
    db
      .update(campaigns)
      .set({
        templateKey: def.key,
        templateVersion: def.version,
        definition: JSON.stringify(def),
        version,
        updatedAt: now,
      })
      .where(
        and(eq(campaigns.id, id), eq(campaigns.status, "draft"), eq(campaigns.version, c.version)),
      )
      .returning({ id: campaigns.id }),
    auditInsertIf(
      db,
      {
        ...actor,
        action: "campaign.refresh",
        entity: "campaign",
        entityId: id,
        before: { templateKey: c.templateKey, templateVersion: c.templateVersion },
        after: { templateKey: def.key, templateVersion: def.version },
      },
      now,
      sql`changes() = 1`,
    ),
  ]);
  if (updated.length !== 1) throw staleCampaign();
  return {
    id,
    version,
    templateKey: def.key,
    templateVersion: def.version,
    launchBlockers: launchBlockers(def),
  };
}

/** Deletes a draft; the audit row is written only when the row went (a launch racing it wins). */
export async function deleteDraftCampaign({ db, actor, now }: Ctx, id: string) {
  const c = await requireCampaign(db, id);
  if (c.status !== "draft") throw notDraft("xóa");
  const [removed] = await db.batch([
    db
      .delete(campaigns)
      .where(and(eq(campaigns.id, id), eq(campaigns.status, "draft")))
      .returning({ id: campaigns.id }),
    auditInsertIf(
      db,
      {
        ...actor,
        action: "campaign.delete",
        entity: "campaign",
        entityId: id,
        before: { name: c.name },
      },
      now,
      sql`changes() = 1`,
    ),
    // campaign_units rows of a draft that is gone (none remain when the draft stayed).
    db
      .delete(campaignUnits)
      .where(
        and(
          eq(campaignUnits.campaignId, id),
          sql`NOT EXISTS (SELECT 1 FROM ${campaigns} WHERE ${campaigns.id} = ${id})`,
        ),
      ),
  ]);
  if (removed.length !== 1) throw notDraft("xóa");
}
