// The roles a grant gives. The one list: the grants column, the request bodies, the
// session's types and the labels the client shows all derive from it.
import * as v from "valibot";

export const ROLE_LABELS = {
  admin: "Quản trị",
  secretary: "Bí thư chi bộ",
  member: "Đảng viên",
  supervisor: "Giám sát",
  viewer: "Theo dõi",
} as const;
export type Role = keyof typeof ROLE_LABELS;
/** In the order of the labels: the order screens list them in. */
export const ROLES = Object.keys(ROLE_LABELS) as [Role, ...Role[]];
export const Role = /* @__PURE__ */ v.picklist(ROLES, "Vai trò không hợp lệ.");
