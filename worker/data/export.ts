// The roster as a file (CSV or XLSX) in the column order the import reads back, so an export
// edited in a spreadsheet imports without renaming a column.
import { ictDate } from "../domain/deadlines";
import { managementCategoryOf } from "../domain/supervision";
import { toCsv, toXlsx } from "../domain/roster-file";
import type { Ctx } from "./context";
import { listMembers } from "./members";
import { listUnits } from "./units";

const EXPORT_HEADER = [
  "ho_ten",
  "nam_sinh",
  "email",
  "so_dien_thoai",
  "don_vi",
  "chuc_vu",
  "trang_thai",
  "ngay_trang_thai",
  "dien_quan_ly",
  "dang_cong_khai",
];

export interface RosterFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array<ArrayBuffer>;
}

export async function exportRoster(
  ctx: Pick<Ctx, "db" | "scope" | "now">,
  { format, unitId }: { format: "csv" | "xlsx"; unitId?: string },
): Promise<RosterFile> {
  const [rows, unitList] = await Promise.all([
    listMembers(ctx, { unitId, includeSubtree: true }),
    listUnits(ctx),
  ]);
  const unitName = new Map(unitList.map((u) => [u.id, u.name]));
  const data = rows.map((m) => [
    m.fullName,
    m.birthYear,
    m.email,
    m.phone,
    unitName.get(m.unitId) ?? m.unitId,
    m.position,
    m.status,
    m.statusSince,
    // What the import reads back (worker/data/import.ts): "co" for diện BTV, as before.
    { "dien-btv-cap-huyen": "co", "dien-dang-uy-cap-xa": "dang uy", none: "" }[
      managementCategoryOf(m) ?? "none"
    ],
    m.mustPublishPlan ? "co" : "",
  ]);
  const name = `danh-sach-dang-vien-${ictDate(ctx.now)}`;
  if (format === "csv")
    return {
      filename: `${name}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: toCsv(EXPORT_HEADER, data),
    };
  return {
    filename: `${name}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: (await toXlsx(EXPORT_HEADER, data, "Đảng viên")) as Uint8Array<ArrayBuffer>,
  };
}
