// Vietnamese names as a party roll has them: surnames at their national frequencies (Nguyễn
// about 38 in 100, Trần 11, Lê 9.5, Phạm 7, Hoàng and Huỳnh 5 together …), a middle name that
// often says the gender (Văn, Thị), and given names common enough that namesakes are routine —
// the app must never take two members for one because their names match.
import type { Rng } from "./random";

/** Per cent; they add up to 100. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ["Nguyễn", 38],
  ["Trần", 11],
  ["Lê", 9.5],
  ["Phạm", 7],
  ["Hoàng", 2.6],
  ["Huỳnh", 2.4],
  ["Phan", 4.5],
  ["Vũ", 2],
  ["Võ", 1.9],
  ["Đặng", 2.1],
  ["Bùi", 2],
  ["Đỗ", 1.4],
  ["Hồ", 1.3],
  ["Ngô", 1.3],
  ["Dương", 1],
  ["Lý", 0.5],
  ["Đinh", 0.9],
  ["Trương", 0.8],
  ["Đào", 0.7],
  ["Đoàn", 0.6],
  ["Lương", 0.5],
  ["Mai", 0.5],
  ["Trịnh", 0.5],
  ["Hà", 0.5],
  ["Cao", 0.4],
  ["Lâm", 0.4],
  ["Lưu", 0.3],
  ["Tô", 0.3],
  ["Tạ", 0.3],
  ["Chu", 0.3],
  ["Nông", 0.3],
  ["Kiều", 0.2],
  ["Quách", 0.2],
  ["Thái", 0.2],
  ["Vương", 0.2],
  ["Triệu", 0.2],
  ["Khổng", 0.1],
  ["Tăng", 0.1],
];

const MIDDLE_MALE = [
  "Văn",
  "Đức",
  "Minh",
  "Quốc",
  "Hữu",
  "Thanh",
  "Công",
  "Xuân",
  "Ngọc",
  "Trọng",
  "Duy",
  "Quang",
  "Tiến",
  "Anh",
];
const MIDDLE_FEMALE = [
  "Thị",
  "Thu",
  "Ngọc",
  "Thanh",
  "Minh",
  "Phương",
  "Hồng",
  "Kim",
  "Thùy",
  "Mai",
];
const GIVEN_MALE = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Đức",
  "Hải",
  "Hùng",
  "Huy",
  "Khánh",
  "Long",
  "Minh",
  "Nam",
  "Phong",
  "Quân",
  "Sơn",
  "Thắng",
  "Trung",
  "Tuấn",
  "Việt",
  "Hoàng",
  "Hiếu",
  "Hưng",
  "Tâm",
  "Thành",
  "Toàn",
  "Lâm",
  "Kiên",
  "Đạt",
];
const GIVEN_FEMALE = [
  "Anh",
  "Chi",
  "Dung",
  "Giang",
  "Hà",
  "Hạnh",
  "Hằng",
  "Hoa",
  "Hồng",
  "Hương",
  "Lan",
  "Linh",
  "Loan",
  "Mai",
  "Nga",
  "Ngọc",
  "Nhung",
  "Oanh",
  "Phương",
  "Thảo",
  "Thủy",
  "Trang",
  "Vân",
  "Yến",
  "Hiền",
  "Huyền",
];

const pick = <T>(rng: Rng, xs: readonly T[]) => xs[Math.floor(rng.next() * xs.length)]!;

export interface Person {
  fullName: string;
  female: boolean;
}

/** A name in NFC; one in ten has two middle names ("Nguyễn Thị Thu Hà"). */
export function vietnameseName(rng: Rng): Person {
  const female = rng.chance(0.45);
  const surname = rng.weighted(SURNAMES, ([, w]) => w)[0];
  const middles = female ? MIDDLE_FEMALE : MIDDLE_MALE;
  const middle = rng.chance(0.1)
    ? `${pick(rng, middles)} ${pick(rng, middles)}`
    : pick(rng, middles);
  const given = pick(rng, female ? GIVEN_FEMALE : GIVEN_MALE);
  return { fullName: `${surname} ${middle} ${given}`, female };
}
