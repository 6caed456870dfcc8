// Levels of the administrative and organisational ladder that routing reads: a position sits at
// one, and so does a supervising body. The directives name the levels of a district (Quận
// in 000, Huyện in 002) and of its wards (phường; xã, thị trấn in 002); one code each covers
// both spellings, so a rule written for a Quận holds for a Huyện as it is.
import * as v from "valibot";

export const LEVEL_LABELS = {
  "cap-huyen": "Cấp quận, huyện",
  "cap-xa": "Cấp phường, xã, thị trấn",
  "co-so": "Cơ sở (cơ quan, đơn vị, trường học, doanh nghiệp)",
  "khu-dan-cu": "Khu dân cư, tổ dân phố",
} as const;
export type Level = keyof typeof LEVEL_LABELS;
/** From the top down: the order screens list them in. */
export const LEVELS = Object.keys(LEVEL_LABELS) as [Level, ...Level[]];
export const Level = /* @__PURE__ */ v.picklist(LEVELS, "Cấp không hợp lệ.");
