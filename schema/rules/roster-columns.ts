// The roster file's columns, as the import reads them and the import page documents them.
export const ROSTER_COLUMNS = [
  "ho_ten",
  "nam_sinh",
  "email",
  "don_vi",
  "chuc_vu",
  "trang_thai",
  "dien_quan_ly",
] as const;
/** Accepted when present; a file without them leaves those fields alone on update. */
export const OPTIONAL_ROSTER_COLUMNS = [
  "so_dien_thoai",
  "dang_cong_khai",
  "ngay_trang_thai",
] as const;
