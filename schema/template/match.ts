// Matching units and members against a template's filters. Positions and categories are
// compared as codes; the remaining text matches (unit names, steps' position texts) fold case
// and diacritics (schema/rules/text.ts), because those are typed freely.
import { foldVietnamese } from "../rules/text";
import type { ManagementCategory, MemberStatus, PositionCode, UnitKind } from "../vocab";
import type { SupervisionRule, TemplateDefinition } from "./definition";
import type { AppliesTo, MemberFilter, Step } from "./steps-forms";

/** Lower case without diacritics, so free-typed names and positions compare reliably. */
export const foldForMatch = foldVietnamese;

/**
 * Whole words only: without diacritics "phó" is "pho", which "phòng" also contains, and "xã"
 * is "xa", which "xây" contains.
 */
function includesAny(haystack: string, needles: readonly string[]): boolean {
  const words = (s: string) =>
    ` ${foldForMatch(s)
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()} `;
  const h = words(haystack);
  return needles.some((n) => h.includes(words(n)));
}

export type UnitForMatch = { kind: UnitKind; name: string };
export type MemberForMatch = {
  status: MemberStatus;
  /** The post as typed: only steps' text filters read it. */
  position: string | null;
  positionCode: PositionCode | null;
  managementCategory: ManagementCategory | null;
  unit: UnitForMatch;
  /** Names of the unit's ancestors, nearest first. */
  ancestorUnitNames: readonly string[];
};

export function unitMatches(
  appliesTo: Pick<AppliesTo, "unitKinds" | "unitNameIncludes" | "unitNameExcludes">,
  unit: UnitForMatch,
): boolean {
  if (appliesTo.unitKinds && !appliesTo.unitKinds.includes(unit.kind)) return false;
  if (appliesTo.unitNameIncludes && !includesAny(unit.name, appliesTo.unitNameIncludes)) {
    return false;
  }
  if (appliesTo.unitNameExcludes && includesAny(unit.name, appliesTo.unitNameExcludes)) {
    return false;
  }
  return true;
}

export function memberMatches(filter: MemberFilter, member: MemberForMatch): boolean {
  if (filter.statuses && !filter.statuses.includes(member.status)) return false;
  if (
    filter.managedByStandingCommittee !== undefined &&
    filter.managedByStandingCommittee !== (member.managementCategory === "dien-btv-cap-huyen")
  ) {
    return false;
  }
  if (
    filter.managementCategories &&
    !(member.managementCategory && filter.managementCategories.includes(member.managementCategory))
  ) {
    return false;
  }
  if (filter.positions && !(member.positionCode && filter.positions.includes(member.positionCode)))
    return false;
  const position = member.position ?? "";
  if (filter.positionIncludes && !includesAny(position, filter.positionIncludes)) return false;
  if (filter.positionExcludes && includesAny(position, filter.positionExcludes)) return false;
  if (filter.unitKinds && !filter.unitKinds.includes(member.unit.kind)) return false;
  if (
    filter.underUnitNameIncludes &&
    ![member.unit.name, ...member.ancestorUnitNames].some((n) =>
      includesAny(n, filter.underUnitNameIncludes ?? []),
    )
  ) {
    return false;
  }
  return true;
}

/** Whether a member-owned step concerns this member (excusals are applied separately). */
export function stepAppliesToMember(
  def: Pick<TemplateDefinition, "routing">,
  step: Pick<Step, "appliesTo">,
  member: MemberForMatch,
): boolean {
  const a = step.appliesTo;
  if (!unitMatches(a, member.unit)) return false;
  if (a.members && !a.members.some((f) => memberMatches(f, member))) return false;
  if (a.publication) {
    const rules = def.routing.publication.filter((r) => a.publication?.includes(r.key));
    if (!rules.some((r) => r.members.some((f) => memberMatches(f, member)))) return false;
  }
  return true;
}

/** The first supervision rule that matches decides; null when none does. */
export function supervisionFor(
  def: Pick<TemplateDefinition, "routing">,
  member: MemberForMatch,
): SupervisionRule | null {
  return (
    def.routing.supervision.find(
      (r) => r.members.length === 0 || r.members.some((f) => memberMatches(f, member)),
    ) ?? null
  );
}
