// Supervising bodies and who they read. A body is a unit with a body code and a level
// (units.body_code, units.body_level); routing compares those with the template's
// supervisors and never reads a unit's name. The name is read once, when a đoàn thể unit is
// created without a code, to propose one (the office can change it).
// Assumption, documented: a supervisor watches the members of the organisation its unit
// belongs to, i.e. the subtree of the unit's parent.
import type { Supervisor } from "../../schema/template";
import {
  type Level,
  type ManagementCategory,
  type SupervisingBody,
} from "../../schema/vocab/people";
import { foldVietnamese } from "./text";

export type UnitBody = { bodyCode: SupervisingBody | null; bodyLevel: Level | null };

const words = (s: string) => ` ${foldVietnamese(s).replace(/[^\p{L}\p{N}]+/gu, " ")} `;

/** The body and level a đoàn thể unit's name suggests; nulls where it says nothing. */
export function bodyFromUnitName(unitName: string): UnitBody {
  const n = words(unitName);
  const has = (...xs: string[]) => xs.some((x) => n.includes(` ${x} `));
  const bodyCode: SupervisingBody = has("ban cong tac mat tran", "ban ctmt", "bctmt")
    ? "ban-cong-tac-mat-tran"
    : has("mttq", "mat tran")
      ? "mttq"
      : has("cong doan", "lien doan lao dong")
        ? "cong-doan"
        : has("tuyen giao")
          ? "ban-tuyen-giao"
          : "doan-the";
  const bodyLevel: Level | null = has("khu dan cu", "to dan pho", "kdc")
    ? "khu-dan-cu"
    : has("co so")
      ? "co-so"
      : has("phuong", "xa", "thi tran")
        ? "cap-xa"
        : has("quan", "huyen", "quan uy", "huyen uy", "thi xa")
          ? "cap-huyen"
          : null;
  return { bodyCode, bodyLevel };
}

/** Whether a unit speaking as `unit` is one of the template's `supervisor`: same body, and
 *  the level the template names (a ward's MTTQ is not the district's). */
export function bodyIs(supervisor: Supervisor, unit: UnitBody): boolean {
  if (unit.bodyCode !== supervisor.body) return false;
  return supervisor.level === undefined || supervisor.level === unit.bodyLevel;
}

/** A member's diện quản lý. Rows written before the category existed carry only the
 *  boolean `managedByStandingCommittee`, which meant diện BTV. */
export function managementCategoryOf(m: {
  managementCategory: ManagementCategory | null;
  managedByStandingCommittee: boolean;
}): ManagementCategory | null {
  return m.managementCategory ?? (m.managedByStandingCommittee ? "dien-btv-cap-huyen" : null);
}

/** The body columns of a new unit: as given; for a đoàn thể given none, what its name
 *  suggests; nothing for other kinds of unit. */
export function unitBody(input: {
  name: string;
  kind: string;
  bodyCode?: SupervisingBody | null;
  bodyLevel?: Level | null;
}): UnitBody {
  if (input.bodyCode !== undefined)
    return { bodyCode: input.bodyCode, bodyLevel: input.bodyLevel ?? null };
  if (input.kind !== "doan-the") return { bodyCode: null, bodyLevel: null };
  const suggested = bodyFromUnitName(input.name);
  return { bodyCode: suggested.bodyCode, bodyLevel: input.bodyLevel ?? suggested.bodyLevel };
}

/** A supervising unit's place in the tree: its parent and the ancestors above it (nearest
 *  first), with their kinds and paths. */
export interface BodyPlace {
  parent: { kind: string; path: string } | null;
  ancestors: readonly { kind: string; path: string }[];
}

/**
 * The subtree (a path prefix) whose members a body reads, by the template's `scope`
 * (000 §II.4, §III.3–4); null when it reads no one:
 * - tenant: the body at the tenant's own level (Ban Tuyên giáo, MTTQ, đoàn thể Quận) reads
 *   the cadres the rule routes wherever they sit in the tenant's tree;
 * - member-unit: the body of the member's own organisation (MTTQ phường, Công đoàn cơ sở)
 *   reads that organisation: the nearest đảng bộ cơ sở above the body, else its parent;
 * - residential-area: the ban công tác mặt trận of one khu dân cư reads that area's cell,
 *   which is its parent; placed anywhere but under a cell it reads no one, rather than the
 *   whole ward.
 */
export function watchedPath(scope: Supervisor["scope"], place: BodyPlace): string | null {
  if (scope === "tenant") return "";
  if (scope === "residential-area")
    return place.parent?.kind === "chi-bo" ? place.parent.path : null;
  const org = place.ancestors.find((a) => a.kind === "dang-bo-co-so");
  return org?.path ?? place.parent?.path ?? "";
}
