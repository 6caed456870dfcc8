// The roles a grant gives. The one list: the grants column, the request bodies, the
// session's types and the labels the client shows all derive from it.
import * as v from "valibot";

export const ROLES = ["admin", "secretary", "member", "supervisor", "viewer"] as const;
export const Role = /* @__PURE__ */ v.picklist(ROLES, "Vai trò không hợp lệ.");
export type Role = (typeof ROLES)[number];

/** In this order on screens: the order of ROLES. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: "Quản trị",
  secretary: "Bí thư chi bộ",
  member: "Đảng viên",
  supervisor: "Giám sát",
  viewer: "Theo dõi",
};
