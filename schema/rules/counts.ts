// The progress figures of a unit or a subtree, and how they add up: the server sums members
// into units and units into subtrees, the client sums a page of units the same way.
export interface Counts {
  expected: number;
  submitted: number;
  confirmed: number;
  onTime: number;
  late: number;
  excused: number;
}

export const COUNT_KEYS = [
  "expected",
  "submitted",
  "confirmed",
  "onTime",
  "late",
  "excused",
] as const satisfies readonly (keyof Counts)[];

export const zeroCounts = (): Counts => ({
  expected: 0,
  submitted: 0,
  confirmed: 0,
  onTime: 0,
  late: 0,
  excused: 0,
});

export function addCounts(into: Counts, c: Counts): Counts {
  for (const k of COUNT_KEYS) into[k] += c[k];
  return into;
}
