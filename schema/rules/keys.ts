// Machine keys (templates, steps, lists) made from the Vietnamese names people type: the
// client suggests one as the admin types a name, the server makes one when none is given, so
// both agree on "CT 24 – Đảng bộ phường Đức Giang" → "ct-24-dang-bo-phuong-duc-giang".
import { foldVietnamese } from "./text";

/** The shape every key must have (schema/template/scalars.ts Key, schema/api.ts). */
export const KEY_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const KEY_MAX = 60;

/**
 * Diacritics and đ folded; every run of anything else than a-z and 0-9 (spaces, "–", "—",
 * "/", brackets, quotes) becomes one "-"; no dash at either end; at most `max` characters,
 * cut at a dash where one is near. "" when the name has no letter or digit at all.
 */
export function keyFromName(name: string, max = KEY_MAX): string {
  const key = foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (key.length <= max) return key;
  const cut = key.slice(0, max);
  const dash = cut.lastIndexOf("-");
  return (dash >= max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, "");
}
