// Free-typed position text → a code of the controlled list (schema/vocab/positions.ts). Used
// by the roster import and by member writes that give a text without a code; routing itself
// reads only the stored code.
//
// Diacritics are kept when the text has them, so "Phố" (a street, as in "phường Phố Huế") is
// not "phó" (a deputy); a text typed without any diacritics is compared folded. Either way a
// post matches only from its first word, so "Phó Chủ tịch …" never maps to the Chủ tịch.
import { POSITION_CODES, POSITIONS, type PositionCode } from "../vocab/positions";
import { foldVietnamese } from "./text";

/** Abbreviations rosters use, as whole words (lower case, punctuation removed). */
const ABBREVIATIONS: Record<string, string> = {
  ubnd: "ủy ban nhân dân",
  ub: "ủy ban",
  hđnd: "hội đồng nhân dân",
  hdnd: "hội đồng nhân dân",
  mttq: "mặt trận tổ quốc",
  ubmttq: "ủy ban mặt trận tổ quốc",
  bctmt: "ban công tác mặt trận",
  ctmt: "công tác mặt trận",
  bch: "ban chấp hành",
  btv: "ban thường vụ",
  ct: "chủ tịch",
  pct: "phó chủ tịch",
  bt: "bí thư",
  pbt: "phó bí thư",
  ht: "hiệu trưởng",
  pht: "phó hiệu trưởng",
  p: "phường",
  q: "quận",
  quv: "quận ủy viên",
  huv: "huyện ủy viên",
  đuv: "đảng ủy viên",
  duv: "đảng ủy viên",
  tccs: "tổ chức cơ sở đảng",
  hlhpn: "hội liên hiệp phụ nữ",
  lhpn: "liên hiệp phụ nữ",
  ccb: "cựu chiến binh",
  nct: "người cao tuổi",
  lđlđ: "liên đoàn lao động",
  ldld: "liên đoàn lao động",
  kdc: "khu dân cư",
  tdp: "tổ dân phố",
  tncs: "thanh niên cộng sản",
};

/** Old and new tone placement ("uỷ"/"ủy", "hoà"/"hòa") written one way. */
const TONES: [RegExp, string][] = [
  [/u([ỳýỷỹỵ])/g, "$1"],
  [/o([àáảãạ])/g, "$1"],
  [/o([èéẻẽẹ])/g, "$1"],
];
const TONE_SHIFT: Record<string, string> = {
  ỳ: "ùy",
  ý: "úy",
  ỷ: "ủy",
  ỹ: "ũy",
  ỵ: "ụy",
  à: "òa",
  á: "óa",
  ả: "ỏa",
  ã: "õa",
  ạ: "ọa",
  è: "òe",
  é: "óe",
  ẻ: "ỏe",
  ẽ: "õe",
  ẹ: "ọe",
};

function retone(s: string): string {
  let out = s;
  for (const [re] of TONES) out = out.replace(re, (_, mark: string) => TONE_SHIFT[mark] ?? mark);
  return out;
}

const hasDiacritics = (s: string) =>
  foldVietnamese(s) !== s.toLowerCase().replace(/\s+/g, " ").trim();

/** Lower case, one tone placement, punctuation gone, abbreviations spelled out; folded when
 *  `folded`. Padded with spaces so whole-word tests are substring tests. */
function words(s: string, folded: boolean): string {
  const spelled = retone(s.normalize("NFC").toLocaleLowerCase("vi"))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(" ");
  return ` ${folded ? foldVietnamese(spelled) : retone(spelled)} `;
}

function mapOne(segment: string): PositionCode | null {
  const folded = !hasDiacritics(segment);
  const text = words(segment, folded);
  const w = (p: string) => words(p, folded);
  for (const code of POSITION_CODES) {
    const t: { starts: readonly string[]; with?: readonly string[]; without?: readonly string[] } =
      POSITIONS[code].texts;
    if (!t.starts.some((p) => text.startsWith(w(p)))) continue;
    if (t.with && !t.with.some((p) => text.includes(w(p)))) continue;
    if (t.without?.some((p) => text.includes(w(p)))) continue;
    return code;
  }
  return null;
}

/** The code of the first post in `text` the list knows ("Quận ủy viên, Bí thư Đảng ủy
 *  phường" holds two); null when none is known. */
export function positionCodeFor(text: string | null | undefined): PositionCode | null {
  if (!text) return null;
  for (const segment of text.split(/[,;/+\n]/)) {
    const code = mapOne(segment);
    if (code) return code;
  }
  return null;
}
