// The unit list from GET /units as a tree. The server sends only the units the caller may
// see, so a unit whose parent is not in the list is a root here (a secretary's own cell).
import type { Unit } from "../api";

const collator = new Intl.Collator("vi", { numeric: true });

export interface UnitTree {
  roots: Unit[];
  children: Map<string, Unit[]>;
  byId: Map<string, Unit>;
}

export function buildTree(units: readonly Unit[]): UnitTree {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string, Unit[]>();
  const roots: Unit[] = [];
  for (const u of units) {
    if (u.parentId && byId.has(u.parentId)) {
      const list = children.get(u.parentId);
      if (list) list.push(u);
      else children.set(u.parentId, [u]);
    } else roots.push(u);
  }
  // Siblings by name, numbers as numbers ("số 2" before "số 10"): the server's order follows
  // internal ids, which mean nothing to a reader.
  const byName = (a: Unit, b: Unit) => collator.compare(a.name, b.name);
  roots.sort(byName);
  for (const list of children.values()) list.sort(byName);
  return { roots, children, byId };
}

/** The unit's ancestors that the caller can see, from the top down (the unit excluded). */
export function ancestors(tree: UnitTree, unit: Unit): Unit[] {
  const out: Unit[] = [];
  const seen = new Set<string>([unit.id]);
  let p = unit.parentId ? tree.byId.get(unit.parentId) : undefined;
  while (p && !seen.has(p.id)) {
    seen.add(p.id);
    out.unshift(p);
    p = p.parentId ? tree.byId.get(p.parentId) : undefined;
  }
  return out;
}

/** The ids of the unit and everything below it. */
export function subtreeIds(tree: UnitTree, unitId: string): Set<string> {
  const out = new Set<string>();
  const stack = [unitId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    for (const c of tree.children.get(id) ?? []) stack.push(c.id);
  }
  return out;
}

/** Members in the unit and its whole subtree. */
export function subtreeCount(tree: UnitTree, unitId: string): number {
  let n = 0;
  for (const id of subtreeIds(tree, unitId)) n += tree.byId.get(id)?.memberCount ?? 0;
  return n;
}

/** Depth-first order with the depth inside the visible tree, for indented pickers. */
export function flatten(tree: UnitTree): { unit: Unit; level: number }[] {
  const out: { unit: Unit; level: number }[] = [];
  const walk = (list: Unit[], level: number) => {
    for (const u of list) {
      out.push({ unit: u, level });
      walk(tree.children.get(u.id) ?? [], level + 1);
    }
  };
  walk(tree.roots, 0);
  return out;
}
