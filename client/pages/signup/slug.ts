// The đảng bộ code as sign-up asks for it: words of lowercase letters and digits joined by
// single hyphens, 3–40 characters (the server's rule, worker/data/tenants.ts), suggested from
// the name by folding Vietnamese diacritics.

export const SLUG_MIN = 3;
export const SLUG_MAX = 40;
const SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();

/** "Đảng bộ phường Phúc Xá" → "phuong-phuc-xa": the organisation's own words, without the
 *  "Đảng bộ"/"Đảng ủy" every name starts with, cut at a word within 40 characters. */
export function suggestSlug(name: string): string {
  let words = fold(name)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.length > 2 && words[0] === "dang" && (words[1] === "bo" || words[1] === "uy"))
    words = words.slice(2);
  let slug = "";
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  return slug || words.join("").slice(0, SLUG_MAX);
}

/** What is wrong with a typed code, in Vietnamese, or "" when it is acceptable. */
export function slugProblem(slug: string): string {
  if (!slug) return "Hãy nhập mã đảng bộ.";
  if (slug.length < SLUG_MIN || slug.length > SLUG_MAX)
    return `Mã đảng bộ gồm ${SLUG_MIN}–${SLUG_MAX} ký tự.`;
  if (/[^a-z0-9-]/.test(slug)) return "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.";
  if (!SHAPE.test(slug))
    return "Dấu gạch ngang chỉ nằm giữa hai chữ, không ở đầu, cuối hay hai dấu liền nhau.";
  return "";
}
