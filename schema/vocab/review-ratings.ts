// The rating a cell gives a member's plan at a follow-up review.
import * as v from "valibot";

export const REVIEW_RATING_LABELS = {
  "hoan-thanh-xuat-sac": "Hoàn thành xuất sắc nhiệm vụ",
  "hoan-thanh-tot": "Hoàn thành tốt nhiệm vụ",
  "hoan-thanh": "Hoàn thành nhiệm vụ",
  "khong-hoan-thanh": "Không hoàn thành nhiệm vụ",
} as const;
export type ReviewRating = keyof typeof REVIEW_RATING_LABELS;
/** In the order of the labels: the order screens list them in. */
export const REVIEW_RATINGS = Object.keys(REVIEW_RATING_LABELS) as [
  ReviewRating,
  ...ReviewRating[],
];
export const ReviewRating = /* @__PURE__ */ v.picklist(
  REVIEW_RATINGS,
  "Mức đánh giá không hợp lệ.",
);
