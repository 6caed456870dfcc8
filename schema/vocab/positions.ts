// Positions that the directives route on, each with its level and organisation. Only what
// 000 names for publication (§II.2 Bước 3) and supervision (§II.4, §III.3–4) and what the
// issue's cases need to tell apart from them (a private-school principal, a residential-area
// Mặt trận head, a Hội Người cao tuổi chair) — not a full nomenclature of posts.
//
// `texts` are how a roster writes the post, lower case, with diacritics and abbreviations
// spelled out; the import maps free text to a code with them (schema/rules/positions.ts): the
// text starts with one of `starts` (so "Phó …" never maps to the head), contains one of `with`
// when given, and none of `without`. Entries are tried in order: the more specific first.
import * as v from "valibot";
import type { Level, Organisation } from "./people";

export interface PositionInfo {
  label: string;
  level: Level;
  organisation: Organisation;
  texts: { starts: readonly string[]; with?: readonly string[]; without?: readonly string[] };
}

const DISTRICT = ["quận", "huyện", "thị xã", "quận ủy", "huyện ủy"] as const;
const WARD = ["phường", "xã", "thị trấn"] as const;

export const POSITIONS = {
  "truong-ban-cong-tac-mat-tran": {
    label: "Trưởng ban công tác Mặt trận khu dân cư",
    level: "khu-dan-cu",
    organisation: "mttq",
    texts: { starts: ["trưởng ban công tác mặt trận"] },
  },
  "chu-tich-hoi-nguoi-cao-tuoi": {
    label: "Chủ tịch Hội Người cao tuổi",
    level: "cap-xa",
    organisation: "hoi-nguoi-cao-tuoi",
    texts: { starts: ["chủ tịch hội người cao tuổi"] },
  },
  "hieu-truong-ngoai-cong-lap": {
    label: "Hiệu trưởng trường ngoài công lập (tư thục, dân lập)",
    level: "co-so",
    organisation: "truong-ngoai-cong-lap",
    texts: { starts: ["hiệu trưởng"], with: ["tư thục", "dân lập", "ngoài công lập", "quốc tế"] },
  },
  // A principal's school is taken as public unless the text says otherwise: the schools under
  // a district committee are its public ones (000 §II.2 Bước 3).
  "hieu-truong-cong-lap": {
    label: "Hiệu trưởng trường công lập thuộc Quận (Huyện)",
    level: "co-so",
    organisation: "truong-cong-lap",
    texts: { starts: ["hiệu trưởng"] },
  },
  "chu-tich-ubnd-cap-xa": {
    label: "Chủ tịch UBND phường (xã, thị trấn)",
    level: "cap-xa",
    organisation: "ubnd",
    texts: { starts: WARD.map((w) => `chủ tịch ủy ban nhân dân ${w}`) },
  },
  "quan-uy-vien": {
    label: "Ủy viên Ban Chấp hành Đảng bộ Quận (Huyện)",
    level: "cap-huyen",
    organisation: "dang-bo",
    texts: {
      starts: [
        "quận ủy viên",
        "huyện ủy viên",
        "ủy viên ban chấp hành đảng bộ quận",
        "ủy viên ban chấp hành đảng bộ huyện",
        "ủy viên ban thường vụ quận ủy",
        "ủy viên ban thường vụ huyện ủy",
        "bí thư quận ủy",
        "bí thư huyện ủy",
        "phó bí thư quận ủy",
        "phó bí thư huyện ủy",
      ],
    },
  },
  "bi-thu-tccs": {
    label: "Bí thư tổ chức cơ sở đảng trực thuộc Quận (Huyện) ủy",
    level: "co-so",
    organisation: "dang-bo",
    texts: { starts: ["bí thư đảng ủy", "bí thư chi bộ cơ sở", "bí thư tổ chức cơ sở đảng"] },
  },
  "chu-tich-mttq-cap-huyen": {
    label: "Chủ tịch Ủy ban MTTQ Quận (Huyện)",
    level: "cap-huyen",
    organisation: "mttq",
    texts: {
      starts: ["chủ tịch ủy ban mặt trận tổ quốc", "chủ tịch mặt trận tổ quốc"],
      with: DISTRICT,
      without: WARD,
    },
  },
  "bi-thu-doan-cap-huyen": {
    label: "Bí thư Quận đoàn (Huyện đoàn)",
    level: "cap-huyen",
    organisation: "doan-thanh-nien",
    texts: { starts: ["bí thư quận đoàn", "bí thư huyện đoàn"] },
  },
  "chu-tich-hoi-phu-nu-cap-huyen": {
    label: "Chủ tịch Hội Liên hiệp Phụ nữ Quận (Huyện)",
    level: "cap-huyen",
    organisation: "hoi-phu-nu",
    texts: {
      starts: ["chủ tịch hội liên hiệp phụ nữ", "chủ tịch hội phụ nữ"],
      with: DISTRICT,
      without: WARD,
    },
  },
  "chu-tich-hoi-cuu-chien-binh-cap-huyen": {
    label: "Chủ tịch Hội Cựu chiến binh Quận (Huyện)",
    level: "cap-huyen",
    organisation: "hoi-cuu-chien-binh",
    texts: { starts: ["chủ tịch hội cựu chiến binh"], with: DISTRICT, without: WARD },
  },
  "chu-tich-hoi-nong-dan-cap-huyen": {
    label: "Chủ tịch Hội Nông dân Quận (Huyện)",
    level: "cap-huyen",
    organisation: "hoi-nong-dan",
    texts: { starts: ["chủ tịch hội nông dân"], with: DISTRICT, without: WARD },
  },
  "chu-tich-lien-doan-lao-dong-cap-huyen": {
    label: "Chủ tịch Liên đoàn Lao động Quận (Huyện)",
    level: "cap-huyen",
    organisation: "lien-doan-lao-dong",
    texts: { starts: ["chủ tịch liên đoàn lao động"], with: DISTRICT, without: WARD },
  },
  // "Trưởng các phòng, ban … Quận": a head of department or board in a district context. The
  // ward's boards ("Trưởng ban Thanh tra nhân dân phường") are not.
  "truong-phong-cap-huyen": {
    label: "Trưởng phòng chuyên môn Quận (Huyện)",
    level: "cap-huyen",
    organisation: "phong-ban",
    texts: { starts: ["trưởng phòng"], without: WARD },
  },
  "truong-ban-cap-huyen": {
    label: "Trưởng ban của Quận (Huyện) ủy, Quận (Huyện)",
    level: "cap-huyen",
    organisation: "phong-ban",
    texts: { starts: ["trưởng ban"], without: [...WARD, "khu dân cư", "tổ dân phố"] },
  },
} as const satisfies Record<string, PositionInfo>;

export type PositionCode = keyof typeof POSITIONS;
/** In the order of the list: the order the import tries them in, and screens list them. */
export const POSITION_CODES = Object.keys(POSITIONS) as [PositionCode, ...PositionCode[]];
export const POSITION_LABELS = Object.fromEntries(
  POSITION_CODES.map((c) => [c, POSITIONS[c].label]),
) as { [K in PositionCode]: string };
export const PositionCode = /* @__PURE__ */ v.picklist(POSITION_CODES, "Mã chức vụ không hợp lệ.");
