// The main areas of the signed-in shell, in nav order. Paths are relative to /t/:tenant.
// `audience` says whose nav shows the area (DESIGN.md §2): the server still decides what
// each caller may read; hiding an entry only spares people screens they cannot use.
import type { Grant } from "../api";
import { canManageStructure, isAdmin } from "./roles";

export type Audience = "everyone" | "structure" | "admin" | "supervisor";

export const AREAS = [
  { path: "viec-cua-toi", label: "Việc của tôi", audience: "everyone" },
  { path: "don-vi", label: "Đơn vị", audience: "structure" },
  { path: "dot-sinh-hoat", label: "Đợt sinh hoạt", audience: "everyone" },
  { path: "giam-sat", label: "Giám sát", audience: "supervisor" },
  { path: "lien-ket", label: "Cấp trên – cấp dưới", audience: "admin" },
  { path: "mau", label: "Mẫu", audience: "admin" },
  { path: "nhap-danh-sach", label: "Nhập danh sách", audience: "admin" },
  { path: "tai-khoan", label: "Tài khoản", audience: "admin" },
  { path: "nhat-ky", label: "Nhật ký", audience: "admin" },
  { path: "sao-luu", label: "Sao lưu", audience: "admin" },
] as const satisfies readonly { path: string; label: string; audience: Audience }[];

export type Area = (typeof AREAS)[number];
export type AreaPath = Area["path"];

/** Areas that are still placeholders ("Sắp có"). */
export const COMING_SOON: readonly AreaPath[] = [];

export function areasFor(grants: readonly Grant[]): Area[] {
  return AREAS.filter(
    (a) =>
      a.audience === "everyone" ||
      (a.audience === "structure" && canManageStructure(grants)) ||
      (a.audience === "admin" && isAdmin(grants)) ||
      (a.audience === "supervisor" && grants.some((g) => g.role === "supervisor")),
  );
}
