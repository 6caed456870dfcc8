// Vietnamese text rules shared by search, import, storage and the client's filters.

/** Lower-case without diacritics: "Trần Thị Hồng" → "tran thi hong". đ/Đ are letters of
 *  their own, not a d with a mark, so NFD alone does not fold them. Runs of white space
 *  become one space, so "Trần  Bình" and "Trần Bình" match. */
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
