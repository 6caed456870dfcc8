// The đảng bộ code (tenant slug) as the server accepts it: ^[a-z0-9-]{3,40}$ (CONTRACT.md).
// People type it on a phone keyboard, so forgive case, spaces and Vietnamese diacritics.

export const SLUG_RE = /^[a-z0-9-]{3,40}$/;

export function normaliseSlug(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .trim()
    .replace(/\s+/g, "-");
}
