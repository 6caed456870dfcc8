// The words of the Party's administrative format (Hướng dẫn 36-HD/VPTW) that every paper
// shares: the date written out, the document symbol
// and the "T/M" line of the unit that signs. Pure, so the print views agree by construction.
import { formatDate } from "./format";

/** "ngày 05 tháng 3 năm 2026": a day under 10, and January and February, take a zero. */
export function dateLine(iso: string | Date): string {
  const [d, m, y] = formatDate(iso).split("/");
  if (!d || !m || !y) return "ngày … tháng … năm …";
  const month = Number(m) <= 2 ? m : String(Number(m));
  return `ngày ${d} tháng ${month} năm ${y}`;
}

export const upper = (s: string): string => s.toLocaleUpperCase("vi");

/** The issuer's part of the symbol: a cell signs "CB", a đảng bộ's committee "ĐU". */
export const issuerSymbol = (unitKind: string): string => (unitKind === "chi-bo" ? "CB" : "ĐU");

/** "Số …-BB/CB": the number is the office's register, written in by hand. */
export const numberLine = (kindSymbol: string, unitKind: string): string =>
  `Số …-${kindSymbol}/${issuerSymbol(unitKind)}`;

/** Who signs for the unit: "T/M CHI BỘ" for a cell, "T/M ĐẢNG ỦY" for a đảng bộ. */
export const onBehalfOf = (unitKind: string): string =>
  unitKind === "chi-bo" ? "T/M CHI BỘ" : "T/M ĐẢNG ỦY";
