// A module of its own, as is ./tasks.ts: the shell and the task list, in the client's
// entry chunk, show these labels, and a module lies whole in one chunk, so the other word
// lists (./people.ts, ./campaigns.ts) stay in the lazy screens' chunks.
import { keysOf, vocab, type ValueOf } from "./define";

// The roles a grant gives. The one list: the grants column, the request bodies, the
// session's types and the labels the client shows all derive from it.
export const ROLE_LABELS = {
  admin: "Quản trị",
  secretary: "Bí thư chi bộ",
  member: "Đảng viên",
  supervisor: "Giám sát",
  viewer: "Theo dõi",
} as const;
export const Role = /* @__PURE__ */ vocab(ROLE_LABELS, "Vai trò không hợp lệ.");
export type Role = ValueOf<typeof Role>;
export const ROLES = /* @__PURE__ */ keysOf(ROLE_LABELS);
