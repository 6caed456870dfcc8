// The main areas of the signed-in shell, in nav order. Paths are relative to /t/:tenant.
export const AREAS = [
  { path: "viec-cua-toi", label: "Việc của tôi" },
  { path: "don-vi", label: "Đơn vị" },
  { path: "dot-sinh-hoat", label: "Đợt sinh hoạt" },
] as const;

export type AreaPath = (typeof AREAS)[number]["path"];
