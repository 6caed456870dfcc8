// Vietnamese text rules shared by search, import, storage and the client's filters.

/** Lower-case without diacritics: "Trần Thị Hồng" → "tran thi hong". đ/Đ are letters of
 *  their own, not a d with a mark, so NFD alone does not fold them. Runs of white space
 *  become one space, so "Trần  Bình" and "Trần Bình" match. */
export function foldVietnamese(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** A copy of a JSON value with every string and every key passed through `f`, which is told
 *  where it stands ("steps.3.title"; "" for the value itself). Keys are seen before their
 *  values, so `f` may refuse the first bad one it meets. */
export function mapStrings(
  value: unknown,
  f: (s: string, path: string) => string,
  path = "",
): unknown {
  if (typeof value === "string") return f(value, path);
  const at = (k: string | number) => (path ? `${path}.${k}` : String(k));
  if (Array.isArray(value)) return value.map((x, i) => mapStrings(x, f, at(i)));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(value)) out[f(k, at(k))] = mapStrings(x, f, at(k));
    return out;
  }
  return value;
}

/** Every string and key NFC (DESIGN §3): text pasted from a document often comes decomposed. */
export const nfcDeep = (value: unknown): unknown => mapStrings(value, (s) => s.normalize("NFC"));
