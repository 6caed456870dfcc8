// The issuing body and place a đảng bộ's papers carry, read from its own name where nothing
// better is known (a template's `issuing`, schema/template/definition.ts, says better). The
// server fills a copied template's `issuing` with it; the print views fall back to it.
import type { Issuing } from "../template/definition";

/**
 * The place of the place-and-date line from the đảng bộ's name:
 * "Đảng bộ phường Long Biên (mẫu)" → "Long Biên". Administrative words and notes in
 * brackets go; a name that does not fit the pattern is used whole.
 */
export function placeName(tenantName: string): string {
  const s = tenantName
    .replace(/\([^)]*\)/g, "")
    .replace(/^\s*(đảng bộ|đảng ủy|đảng uỷ|quận ủy|huyện ủy|thành ủy|tỉnh ủy)\s+/iu, "")
    .replace(/^\s*(phường|xã|quận|huyện|thị xã|thị trấn|thành phố|tỉnh)\s+/iu, "")
    .trim();
  return s || tenantName.trim();
}

/** The đảng bộ itself as the issuer: its name without notes in brackets, and its place. */
export function issuingOf(tenantName: string): Issuing {
  const body = tenantName.replace(/\s*\([^)]*\)/g, "").trim() || tenantName.trim();
  return { body: body.normalize("NFC"), place: placeName(tenantName).normalize("NFC") };
}

/** What a campaign's papers print: its template's issuing body and place, else the đảng bộ's. */
export const issuingFor = (def: { issuing?: Issuing | undefined }, tenantName: string): Issuing =>
  def.issuing ?? issuingOf(tenantName);
