// Who: the closed vocabularies of people, units and organisations (member statuses, kinds of
// unit and tenant, levels, organisations; roles are in ./roles.ts). Each is declared once with vocab()
// (./define.ts): the values, the union type, the valibot picklist and the Vietnamese labels.
import { keysOf, vocab, type ValueOf } from "./define";

// A member's status on the roll. Which of them count as gone is a rule: schema/rules/roll.ts.
export const MEMBER_STATUS_LABELS = {
  "dang-sinh-hoat": "Đang sinh hoạt",
  "mien-sinh-hoat": "Miễn sinh hoạt",
  "tuoi-cao-benh": "Tuổi cao, sức yếu",
  "chuyen-den": "Chuyển đến",
  "chuyen-di": "Chuyển đi",
  "tu-tran": "Từ trần",
} as const;
export const MemberStatus = /* @__PURE__ */ vocab(MEMBER_STATUS_LABELS, "Trạng thái không hợp lệ.");
export type MemberStatus = ValueOf<typeof MemberStatus>;
export const MEMBER_STATUSES = /* @__PURE__ */ keysOf(MEMBER_STATUS_LABELS);

// Who manages a cadre (diện quản lý): 000 §II.4 routes the plans of cadres "diện Ban Thường vụ
// Quận ủy quản lý" to Ban Tuyên giáo and the district's MTTQ; others go through their cell. A
// member with no category (null) is managed by nobody above the cell.
export const MANAGEMENT_CATEGORY_LABELS = {
  "dien-btv-cap-huyen": "Diện Ban Thường vụ Quận (Huyện) ủy quản lý",
  "dien-dang-uy-cap-xa": "Diện Đảng ủy phường (xã, thị trấn) quản lý",
} as const;
export const ManagementCategory = /* @__PURE__ */ vocab(
  MANAGEMENT_CATEGORY_LABELS,
  "Diện quản lý không hợp lệ.",
);
export type ManagementCategory = ValueOf<typeof ManagementCategory>;
export const MANAGEMENT_CATEGORIES = /* @__PURE__ */ keysOf(MANAGEMENT_CATEGORY_LABELS);

// How a person wants to hear of events (a plan submitted, returned, confirmed, a comment, a
// report filed): every notification is shown in the app; this chooses the e-mail beside it.
// Default `digest`: nobody gets more than one e-mail a day unless they ask for it — a cell
// secretary hears of thirty submissions in one message — and nothing is lost.
export const NOTIFY_MODE_LABELS = {
  email: "Gửi thư điện tử ngay",
  digest: "Gửi thư tổng hợp mỗi ngày một lần",
  app: "Chỉ xem trong ứng dụng",
} as const;
export const NotifyMode = /* @__PURE__ */ vocab(
  NOTIFY_MODE_LABELS,
  "Cách nhận thông báo không hợp lệ.",
);
export type NotifyMode = ValueOf<typeof NotifyMode>;
export const NOTIFY_MODES = /* @__PURE__ */ keysOf(NOTIFY_MODE_LABELS);
export const DEFAULT_NOTIFY_MODE: NotifyMode = "digest";

// Kinds of unit in a tenant's tree (CONTRACT.md, POST /units).
export const UNIT_KIND_LABELS = {
  "dang-bo": "Đảng bộ",
  "dang-bo-bo-phan": "Đảng bộ bộ phận",
  "dang-bo-co-so": "Đảng bộ cơ sở",
  "chi-bo": "Chi bộ",
  "co-quan": "Cơ quan",
  "doan-the": "Đoàn thể",
} as const;
export const UnitKind = /* @__PURE__ */ vocab(UNIT_KIND_LABELS, "Loại đơn vị không hợp lệ.");
export type UnitKind = ValueOf<typeof UnitKind>;
export const UNIT_KINDS = /* @__PURE__ */ keysOf(UNIT_KIND_LABELS);

// Kinds of tenant organisation chosen at sign-up, in the order the sign-up form lists them in.
export const TENANT_KIND_LABELS = {
  "quan-uy": "Quận ủy",
  "huyen-uy": "Huyện ủy",
  "tinh-uy": "Tỉnh ủy",
  "thanh-uy": "Thành ủy",
  "dang-uy-phuong": "Đảng ủy phường",
  "dang-uy-xa": "Đảng ủy xã",
  "dang-uy-so": "Đảng ủy sở",
  "dang-uy-khoi": "Đảng ủy khối",
  "dang-uy-co-so": "Đảng ủy cơ sở",
  khac: "Khác",
} as const;
export const TenantKind = /* @__PURE__ */ vocab(TENANT_KIND_LABELS, "Loại tổ chức không hợp lệ.");
export type TenantKind = ValueOf<typeof TenantKind>;
export const TENANT_KINDS = /* @__PURE__ */ keysOf(TENANT_KIND_LABELS);

// Levels of the administrative and organisational ladder that routing reads: a position sits at
// one, and so does a supervising body. The directives name the levels of a district (Quận
// in 000, Huyện in 002) and of its wards (phường; xã, thị trấn in 002); one code each covers
// both spellings, so a rule written for a Quận holds for a Huyện as it is. Listed from the top
// down: the order screens list them in.
export const LEVEL_LABELS = {
  "cap-huyen": "Cấp quận, huyện",
  "cap-xa": "Cấp phường, xã, thị trấn",
  "co-so": "Cơ sở (cơ quan, đơn vị, trường học, doanh nghiệp)",
  "khu-dan-cu": "Khu dân cư, tổ dân phố",
} as const;
export const Level = /* @__PURE__ */ vocab(LEVEL_LABELS, "Cấp không hợp lệ.");
export type Level = ValueOf<typeof Level>;
export const LEVELS = /* @__PURE__ */ keysOf(LEVEL_LABELS);

// Organisations that routing names: those a position belongs to, and the bodies that
// supervise personal plans (000 §II.4, §III.3–4). A supervising body is stored on its unit
// (units.body_code with units.body_level), so routing reads a code, never the unit's name.

/** The bodies that read routed plans (the "supervisor" role), as the templates name them. */
export const SUPERVISING_BODY_LABELS = {
  "ban-tuyen-giao": "Ban Tuyên giáo",
  mttq: "Ủy ban Mặt trận Tổ quốc",
  "ban-cong-tac-mat-tran": "Ban công tác Mặt trận",
  "cong-doan": "Công đoàn",
  "doan-the": "Đoàn thể chính trị - xã hội",
} as const;
export const SupervisingBody = /* @__PURE__ */ vocab(
  SUPERVISING_BODY_LABELS,
  "Cơ quan giám sát không hợp lệ.",
);
export type SupervisingBody = ValueOf<typeof SupervisingBody>;
export const SUPERVISING_BODIES = /* @__PURE__ */ keysOf(SUPERVISING_BODY_LABELS);

/** The organisation a position (schema/vocab/positions.ts) is held in. */
export const ORGANISATION_LABELS = {
  "dang-bo": "Tổ chức đảng",
  ubnd: "Ủy ban nhân dân",
  "phong-ban": "Phòng, ban chuyên môn; ban của cấp ủy",
  mttq: "Mặt trận Tổ quốc",
  "doan-thanh-nien": "Đoàn TNCS Hồ Chí Minh",
  "hoi-phu-nu": "Hội Liên hiệp Phụ nữ",
  "hoi-cuu-chien-binh": "Hội Cựu chiến binh",
  "hoi-nong-dan": "Hội Nông dân",
  "lien-doan-lao-dong": "Liên đoàn Lao động",
  "hoi-nguoi-cao-tuoi": "Hội Người cao tuổi",
  "truong-cong-lap": "Trường học công lập",
  "truong-ngoai-cong-lap": "Trường học ngoài công lập",
} as const;
export const Organisation = /* @__PURE__ */ vocab(ORGANISATION_LABELS, "Tổ chức không hợp lệ.");
export type Organisation = ValueOf<typeof Organisation>;
export const ORGANISATIONS = /* @__PURE__ */ keysOf(ORGANISATION_LABELS);
