// The roster import /t/:tenant/nhap-danh-sach: a dry run first (the server validates the
// whole file and changes nothing), then the real import of the same file.
import { action, json } from "@solidjs/router";
import { importMembers, XLSX_TYPE, type ImportResult } from "../../api";
import { getUnitMembers } from "../roster/roster.data";
import { getUnits } from "../units/units.data";

/** The server's limit for an import body (worker/middleware/context.ts). */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

/** Tells two picks of a file apart, so a result is never shown for another file. */
export const fileKey = (f: File) => `${f.name}|${f.size}|${f.lastModified}`;

function contentType(name: string): "text/csv" | typeof XLSX_TYPE | null {
  const ext = name.toLowerCase().split(".").pop();
  return ext === "csv" ? "text/csv" : ext === "xlsx" ? XLSX_TYPE : null;
}

export interface ImportOutcome {
  mode: "check" | "import";
  fileKey: string;
  fileName: string;
  result: ImportResult;
}

export const importRoster = action(async (tenant: string, form: FormData | URLSearchParams) => {
  const file = form.get("file");
  const mode = form.get("mode") === "import" ? "import" : "check";
  if (!(file instanceof File) || file.size === 0) {
    throw new Error("Hãy chọn tệp danh sách (.csv hoặc .xlsx).");
  }
  const type = contentType(file.name);
  if (!type)
    throw new Error("Chỉ nhận tệp .csv hoặc .xlsx. Với tệp .xls cũ, hãy lưu lại dạng .xlsx.");
  if (file.size > MAX_IMPORT_BYTES) {
    throw new Error("Tệp lớn hơn 16 MB. Hãy chia danh sách thành nhiều tệp nhỏ hơn.");
  }
  const result = await importMembers(tenant, file, type, mode === "check");
  const changed = mode === "import" && result.errors.length === 0;
  const outcome: ImportOutcome = { mode, fileKey: fileKey(file), fileName: file.name, result };
  return json(outcome, { revalidate: changed ? [getUnits.key, getUnitMembers.key] : [] });
}, "import-roster");
