// What the signed-in user's grants (from /me) let the client offer. These only decide which
// screens and buttons appear; every route checks the same on the server.
import type { Grant } from "../api";

export const isAdmin = (grants: readonly Grant[]) => grants.some((g) => g.role === "admin");

/** Admins, and secretaries for their own subtree, keep units and rosters. */
export const canManageStructure = (grants: readonly Grant[]) =>
  grants.some((g) => g.role === "admin" || g.role === "secretary");
