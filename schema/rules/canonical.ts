// JSON with object keys sorted and undefined members left out: two values equal in content
// serialise the same whatever order their keys were written in. The server hashes a form's
// data with it (worker/data/submission-review.ts); the adopt rule compares locked sections.
export function canonicalJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonicalJson).join(",")}]`;
  if (x && typeof x === "object")
    return `{${Object.keys(x)
      .filter((k) => (x as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((x as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(x ?? null);
}
