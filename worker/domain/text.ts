// Vietnamese text rules shared by search, import and storage.

/** Lower-case without diacritics: "Trần Thị Hồng" → "tran thi hong". đ/Đ are letters of
 *  their own, not a d with a mark, so NFD alone does not fold them. */
export function foldVietnamese(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
