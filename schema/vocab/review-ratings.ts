// The rating a cell gives a member's plan at a follow-up review.
import * as v from "valibot";

export const REVIEW_RATINGS = [
  "hoan-thanh-xuat-sac",
  "hoan-thanh-tot",
  "hoan-thanh",
  "khong-hoan-thanh",
] as const;
export const ReviewRating = /* @__PURE__ */ v.picklist(
  REVIEW_RATINGS,
  "Mức đánh giá không hợp lệ.",
);
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

export const REVIEW_RATING_LABELS: Readonly<Record<ReviewRating, string>> = {
  "hoan-thanh-xuat-sac": "Hoàn thành xuất sắc nhiệm vụ",
  "hoan-thanh-tot": "Hoàn thành tốt nhiệm vụ",
  "hoan-thanh": "Hoàn thành nhiệm vụ",
  "khong-hoan-thanh": "Không hoàn thành nhiệm vụ",
};
