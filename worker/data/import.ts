// Roster import: the whole file or nothing. Every row is validated and matched first —
// by e-mail, or by name + birth year + unit where there is no e-mail — and only a file
// without a single error is written, in one batch (one transaction). Re-importing the same
// file finds every row unchanged and writes nothing.
//
// Positions are typed freely; each text is mapped to the controlled list
// (schema/rules/positions.ts) and kept as typed. A text the list does not know is reported by
// line (in the dry run too) and refused by nobody: the member is imported without a code.
import { eq, inArray } from "drizzle-orm";
import * as v from "valibot";
import { Email } from "../../schema/api";
import { MEMBER_STATUSES, type ManagementCategory } from "../../schema/vocab/people";
import { memberStatusHistory, members, units } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { detectKind, MAX_ROSTER_ROWS, parseRosterFile, type RawRow } from "../domain/roster-file";
import { foldVietnamese } from "../domain/text";
import { ictDate } from "../domain/deadlines";
import { DomainError } from "../errors";
import { audit } from "./audit";
import { markUnits } from "./progress-marks";
import type { Ctx } from "./context";
import { historyRow, newMemberRow, type MemberRow, type MemberStatus } from "./members";
import { positionCodeFor } from "../../schema/rules/positions";
import type { PositionCode } from "../../schema/vocab/positions";
import { chunks } from "./sql";

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  errors: { line: number; message: string }[];
  /** Lines whose position the controlled list does not know: imported with no code, so
   *  routing passes them by until someone picks one. */
  unmappedPositions: { line: number; position: string }[];
}

interface Parsed {
  line: number;
  fullName: string;
  birthYear: number | null;
  email: string | null;
  unitId: string;
  position: string | null;
  positionCode: PositionCode | null;
  status: MemberStatus;
  statusSince: string | null;
  managementCategory: ManagementCategory | null;
  managedByStandingCommittee: boolean;
  phone?: string | null;
  mustPublishPlan?: boolean;
}

const YES = new Set(["co", "x", "1", "true", "yes"]);
const NO = new Set(["", "khong", "0", "false", "no"]);
const CHUNK = 500;

/** dien_quan_ly: "co" (as our export writes it) or a name of the category; empty for none. */
const CATEGORY_WORDS: Record<string, ManagementCategory> = {
  co: "dien-btv-cap-huyen",
  x: "dien-btv-cap-huyen",
  "1": "dien-btv-cap-huyen",
  btv: "dien-btv-cap-huyen",
  "dien btv": "dien-btv-cap-huyen",
  "dien btv cap huyen": "dien-btv-cap-huyen",
  "dang uy": "dien-dang-uy-cap-xa",
  "dien dang uy": "dien-dang-uy-cap-xa",
  "dien dang uy cap xa": "dien-dang-uy-cap-xa",
};

function parseCategory(value: string | undefined): ManagementCategory | null | undefined {
  const f = foldVietnamese(value ?? "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (NO.has(f)) return null;
  return CATEGORY_WORDS[f];
}

function parseFlag(value: string | undefined): boolean | null {
  const f = foldVietnamese(value ?? "");
  return YES.has(f) ? true : NO.has(f) ? false : null;
}

function parseDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : [];
  if (!y) return null;
  const date = `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
  return Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
    new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
    ? null
    : date;
}

const nameKey = (name: string) => name.normalize("NFC").toLocaleLowerCase("vi");

/** Validates the rows against the tenant's units; returns the parsed rows or the errors. */
function validateRows(
  rows: RawRow[],
  unitList: { id: string; name: string; closedOn: string | null }[],
  now: Date,
): { parsed: Parsed[]; errors: ImportResult["errors"] } {
  const byId = new Map(unitList.map((u) => [u.id, u]));
  const byName = new Map<string, { id: string; closedOn: string | null }[]>();
  for (const u of unitList) {
    const k = nameKey(u.name.trim());
    byName.set(k, [...(byName.get(k) ?? []), u]);
  }
  const thisYear = Number(ictDate(now).slice(0, 4));
  const errors: ImportResult["errors"] = [];
  const parsed: Parsed[] = [];
  const seenEmail = new Map<string, number>();
  const seenKey = new Map<string, number>();

  for (const { line, cells } of rows) {
    const problems: string[] = [];
    const fullName = (cells.ho_ten ?? "").trim();
    if (fullName.length < 2 || fullName.length > 120)
      problems.push("Họ tên phải có từ 2 đến 120 ký tự.");
    let birthYear: number | null = null;
    if (cells.nam_sinh) {
      birthYear = /^\d{4}$/.test(cells.nam_sinh) ? Number(cells.nam_sinh) : NaN;
      if (!(birthYear >= 1900 && birthYear <= thisYear))
        problems.push(`Năm sinh «${cells.nam_sinh}» không hợp lệ.`);
    }
    let email: string | null = null;
    if (cells.email) {
      const r = v.safeParse(Email, cells.email);
      if (r.success) email = r.output;
      else problems.push(`Thư điện tử «${cells.email}» không hợp lệ.`);
    }
    const unitRef = (cells.don_vi ?? "").trim();
    let unitId = "";
    if (!unitRef) problems.push("Thiếu đơn vị (don_vi).");
    else {
      const byRef = byId.get(unitRef);
      const named = byName.get(nameKey(unitRef)) ?? [];
      const unit = byRef ?? (named.length === 1 ? named[0] : undefined);
      if (!byRef && named.length > 1)
        problems.push(
          `Có ${named.length} đơn vị cùng tên «${unitRef}»: hãy ghi mã đơn vị thay cho tên.`,
        );
      else if (!unit) problems.push(`Không tìm thấy đơn vị «${unitRef}».`);
      else if (unit.closedOn) problems.push(`Đơn vị «${unitRef}» đã giải thể.`);
      else unitId = unit.id;
    }
    const position = (cells.chuc_vu ?? "").trim() || null;
    if (position && position.length > 200) problems.push("Chức vụ tối đa 200 ký tự.");
    const statusText = (cells.trang_thai ?? "").trim() || "dang-sinh-hoat";
    if (!(MEMBER_STATUSES as readonly string[]).includes(statusText))
      problems.push(
        `Trạng thái «${statusText}» không hợp lệ (dùng: ${MEMBER_STATUSES.join(", ")}).`,
      );
    const managed = parseCategory(cells.dien_quan_ly);
    if (managed === undefined)
      problems.push(
        `Diện quản lý «${cells.dien_quan_ly}» không hợp lệ (ghi «co» cho diện BTV, «dang uy» cho diện Đảng ủy, hoặc để trống).`,
      );
    let statusSince: string | null = null;
    if (cells.ngay_trang_thai) {
      statusSince = parseDate(cells.ngay_trang_thai);
      if (!statusSince) problems.push(`Ngày trạng thái «${cells.ngay_trang_thai}» không hợp lệ.`);
    }
    const row: Parsed = {
      line,
      fullName,
      birthYear,
      email,
      unitId,
      position,
      positionCode: positionCodeFor(position),
      status: statusText as MemberStatus,
      statusSince,
      managementCategory: managed ?? null,
      managedByStandingCommittee: managed === "dien-btv-cap-huyen",
    };
    if ("so_dien_thoai" in cells) {
      // Our own export writes "+84…" as "'+84…" (formula-injection escape); take it back.
      row.phone = cells.so_dien_thoai?.trim().replace(/^'(?=\+)/, "") || null;
      if (row.phone && !/^[0-9+ .()-]{1,20}$/.test(row.phone))
        problems.push("Số điện thoại không hợp lệ.");
    }
    if ("dang_cong_khai" in cells) {
      const publish = parseFlag(cells.dang_cong_khai);
      if (publish === null) problems.push(`Đăng công khai «${cells.dang_cong_khai}» không hợp lệ.`);
      row.mustPublishPlan = publish ?? false;
    }
    // The same person twice in one file is a mistake the office must settle, not a merge.
    if (email) {
      const first = seenEmail.get(email);
      if (first) problems.push(`Thư điện tử trùng với dòng ${first}.`);
      else seenEmail.set(email, line);
    } else if (fullName && unitId) {
      const key = `${nameKey(fullName)}|${birthYear ?? ""}|${unitId}`;
      const first = seenKey.get(key);
      if (first) problems.push(`Trùng họ tên, năm sinh và đơn vị với dòng ${first}.`);
      else seenKey.set(key, line);
    }
    if (problems.length) errors.push({ line, message: problems.join(" ") });
    else parsed.push(row);
  }
  return { parsed, errors };
}

async function findExisting(db: TenantDb, parsed: Parsed[]): Promise<Map<number, MemberRow>> {
  const emails = [...new Set(parsed.flatMap((p) => (p.email ? [p.email] : [])))];
  const names = [...new Set(parsed.filter((p) => !p.email).map((p) => foldVietnamese(p.fullName)))];
  const found: MemberRow[] = [];
  const lookups = [
    ...chunks(emails, CHUNK).map((c) => inArray(members.email, c)),
    ...chunks(names, CHUNK).map((c) => inArray(members.searchName, c)),
  ];
  for (const where of lookups) found.push(...(await db.select().from(members).where(where)));
  const byEmail = new Map(found.filter((m) => m.email).map((m) => [m.email!, m]));
  const byKey = new Map(
    found.map((m) => [`${nameKey(m.fullName)}|${m.birthYear ?? ""}|${m.unitId}`, m]),
  );
  const result = new Map<number, MemberRow>();
  for (const p of parsed) {
    const match = p.email
      ? byEmail.get(p.email)
      : byKey.get(`${nameKey(p.fullName)}|${p.birthYear ?? ""}|${p.unitId}`);
    if (match) result.set(p.line, match);
  }
  return result;
}

const COMPARED = [
  "fullName",
  "birthYear",
  "email",
  "unitId",
  "position",
  "positionCode",
  "status",
  "managementCategory",
  "managedByStandingCommittee",
  "phone",
  "mustPublishPlan",
] as const;

/** An uploaded roster file (CSV or XLSX, told apart by its type and first bytes), read and
 *  imported whole. A file that cannot be read row by row answers with its line errors. */
export async function importRosterFile(
  ctx: Ctx,
  input: { contentType: string | undefined; bytes: Uint8Array; dryRun: boolean },
): Promise<ImportResult> {
  const kind = detectKind(input.contentType, input.bytes);
  if (!kind)
    throw new DomainError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Tệp phải là CSV (text/csv) hoặc Excel (.xlsx).",
    );
  const parsed = await parseRosterFile(kind, input.bytes);
  if (parsed.ok) return importMembers(ctx, { rows: parsed.rows, dryRun: input.dryRun });
  if (parsed.tooLarge)
    throw new DomainError(
      "PAYLOAD_TOO_LARGE",
      `Mỗi tệp tối đa ${MAX_ROSTER_ROWS.toLocaleString("vi-VN")} dòng.`,
    );
  return { created: 0, updated: 0, unchanged: 0, errors: parsed.errors, unmappedPositions: [] };
}

export async function importMembers(
  ctx: Ctx,
  { rows, dryRun }: { rows: RawRow[]; dryRun: boolean },
): Promise<ImportResult> {
  const { db, now } = ctx;
  const unitList = await db
    .select({ id: units.id, name: units.name, closedOn: units.closedOn })
    .from(units);
  const { parsed, errors } = validateRows(rows, unitList, now);
  if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors, unmappedPositions: [] };
  const existing = await findExisting(db, parsed);
  const unmappedPositions: ImportResult["unmappedPositions"] = [];

  const inserts: MemberRow[] = [];
  const history: ReturnType<typeof historyRow>[] = [];
  const updates: { before: MemberRow; after: MemberRow }[] = [];
  let unchanged = 0;
  for (const p of parsed) {
    const { line: _line, ...fields } = p;
    const current = existing.get(p.line);
    // The same text as stored keeps the stored code: one picked by hand for a text the list
    // does not know survives re-importing the file it came from.
    if (current && current.position === fields.position) fields.positionCode = current.positionCode;
    if (fields.position && !fields.positionCode)
      unmappedPositions.push({ line: p.line, position: fields.position });
    if (!current) {
      const row = newMemberRow(fields, now);
      inserts.push(row);
      history.push(historyRow(row, now, ctx.actor.actorUserId));
      continue;
    }
    const next = { ...current } as MemberRow;
    for (const key of COMPARED)
      if (key in fields)
        (next as Record<string, unknown>)[key] = fields[key as keyof typeof fields];
    if (COMPARED.every((k) => next[k] === current[k])) {
      unchanged++;
      continue;
    }
    next.searchName = foldVietnamese(next.fullName);
    next.version = current.version + 1;
    next.updatedAt = now;
    if (next.status !== current.status) {
      next.statusSince = p.statusSince ?? ictDate(now);
      history.push(historyRow(next, now, ctx.actor.actorUserId));
    }
    updates.push({ before: current, after: next });
  }
  const result = {
    created: inserts.length,
    updated: updates.length,
    unchanged,
    errors: [],
    unmappedPositions,
  };
  if (dryRun || (inserts.length === 0 && updates.length === 0)) return result;

  const statements = [
    ...chunks(inserts, CHUNK).map((c) => db.insert(members).values(c)),
    ...chunks(history, CHUNK).map((c) => db.insert(memberStatusHistory).values(c)),
    ...updates.map(({ after }) => db.update(members).set(after).where(eq(members.id, after.id))),
    markUnits(db, [
      ...inserts.map((m) => m.unitId),
      ...updates.flatMap(({ before, after }) => [before.unitId, after.unitId]),
    ]),
    ...updates.map(({ before, after }) => {
      const changed = COMPARED.filter((k) => before[k] !== after[k]);
      return audit(ctx, {
        action: "member.import-update",
        entity: "member",
        entityId: after.id,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
    }),
    audit(ctx, {
      action: "member.import",
      entity: "member",
      after: {
        created: inserts.length,
        updated: updates.length,
        unchanged,
        createdIds: inserts.map((m) => m.id),
      },
    }),
  ];
  await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
  return result;
}
