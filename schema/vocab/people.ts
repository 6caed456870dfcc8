// Who: the closed vocabularies of people, units and organisations (roles, member statuses,
// kinds of unit and tenant, levels, organisations). Each is declared once with vocab()
// (./define.ts): the values, the union type, the valibot picklist and the Vietnamese labels.
import { vocab, type ValueOf } from "./define";

// The roles a grant gives. The one list: the grants column, the request bodies, the
// session's types and the labels the client shows all derive from it.

export const Role = /* @__PURE__ */ vocab(
  {
    admin: "Quản trị",
    secretary: "Bí thư chi bộ",
    member: "Đảng viên",
    supervisor: "Giám sát",
    viewer: "Theo dõi",
  },
  "Vai trò không hợp lệ.",
);
export type Role = ValueOf<typeof Role>;
export const { values: ROLES, labels: ROLE_LABELS } = Role;

// A member's status on the roll. Which of them count as gone is a rule: schema/rules/roll.ts.

export const MemberStatus = /* @__PURE__ */ vocab(
  {
    "dang-sinh-hoat": "Đang sinh hoạt",
    "mien-sinh-hoat": "Miễn sinh hoạt",
    "tuoi-cao-benh": "Tuổi cao, sức yếu",
    "chuyen-den": "Chuyển đến",
    "chuyen-di": "Chuyển đi",
    "tu-tran": "Từ trần",
  },
  "Trạng thái không hợp lệ.",
);
export type MemberStatus = ValueOf<typeof MemberStatus>;
export const { values: MEMBER_STATUSES, labels: MEMBER_STATUS_LABELS } = MemberStatus;

// Who manages a cadre (diện quản lý): 000 §II.4 routes the plans of cadres "diện Ban Thường vụ
// Quận ủy quản lý" to Ban Tuyên giáo and the district's MTTQ; others go through their cell. A
// member with no category (null) is managed by nobody above the cell.

export const ManagementCategory = /* @__PURE__ */ vocab(
  {
    "dien-btv-cap-huyen": "Diện Ban Thường vụ Quận (Huyện) ủy quản lý",
    "dien-dang-uy-cap-xa": "Diện Đảng ủy phường (xã, thị trấn) quản lý",
  },
  "Diện quản lý không hợp lệ.",
);
export type ManagementCategory = ValueOf<typeof ManagementCategory>;
export const { values: MANAGEMENT_CATEGORIES, labels: MANAGEMENT_CATEGORY_LABELS } =
  ManagementCategory;

// How a person wants to hear of events (a plan submitted, returned, confirmed, a comment, a
// report filed): every notification is shown in the app; this chooses the e-mail beside it.
// Default `digest`: nobody gets more than one e-mail a day unless they ask for it — a cell
// secretary hears of thirty submissions in one message — and nothing is lost.

export const NotifyMode = /* @__PURE__ */ vocab(
  {
    email: "Gửi thư điện tử ngay",
    digest: "Gửi thư tổng hợp mỗi ngày một lần",
    app: "Chỉ xem trong ứng dụng",
  },
  "Cách nhận thông báo không hợp lệ.",
);
export type NotifyMode = ValueOf<typeof NotifyMode>;
export const { values: NOTIFY_MODES, labels: NOTIFY_MODE_LABELS } = NotifyMode;
export const DEFAULT_NOTIFY_MODE: NotifyMode = "digest";

// Kinds of unit in a tenant's tree (CONTRACT.md, POST /units).

export const UnitKind = /* @__PURE__ */ vocab(
  {
    "dang-bo": "Đảng bộ",
    "dang-bo-bo-phan": "Đảng bộ bộ phận",
    "dang-bo-co-so": "Đảng bộ cơ sở",
    "chi-bo": "Chi bộ",
    "co-quan": "Cơ quan",
    "doan-the": "Đoàn thể",
  },
  "Loại đơn vị không hợp lệ.",
);
export type UnitKind = ValueOf<typeof UnitKind>;
export const { values: UNIT_KINDS, labels: UNIT_KIND_LABELS } = UnitKind;

// Kinds of tenant organisation chosen at sign-up, in the order the sign-up form lists them in.

export const TenantKind = /* @__PURE__ */ vocab(
  {
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
  },
  "Loại tổ chức không hợp lệ.",
);
export type TenantKind = ValueOf<typeof TenantKind>;
export const { values: TENANT_KINDS, labels: TENANT_KIND_LABELS } = TenantKind;

// Levels of the administrative and organisational ladder that routing reads: a position sits at
// one, and so does a supervising body. The directives name the levels of a district (Quận
// in 000, Huyện in 002) and of its wards (phường; xã, thị trấn in 002); one code each covers
// both spellings, so a rule written for a Quận holds for a Huyện as it is. Listed from the top
// down: the order screens list them in.

export const Level = /* @__PURE__ */ vocab(
  {
    "cap-huyen": "Cấp quận, huyện",
    "cap-xa": "Cấp phường, xã, thị trấn",
    "co-so": "Cơ sở (cơ quan, đơn vị, trường học, doanh nghiệp)",
    "khu-dan-cu": "Khu dân cư, tổ dân phố",
  },
  "Cấp không hợp lệ.",
);
export type Level = ValueOf<typeof Level>;
export const { values: LEVELS, labels: LEVEL_LABELS } = Level;

// Organisations that routing names: those a position belongs to, and the bodies that
// supervise personal plans (000 §II.4, §III.3–4). A supervising body is stored on its unit
// (units.body_code with units.body_level), so routing reads a code, never the unit's name.

/** The bodies that read routed plans (the "supervisor" role), as the templates name them. */
export const SupervisingBody = /* @__PURE__ */ vocab(
  {
    "ban-tuyen-giao": "Ban Tuyên giáo",
    mttq: "Ủy ban Mặt trận Tổ quốc",
    "ban-cong-tac-mat-tran": "Ban công tác Mặt trận",
    "cong-doan": "Công đoàn",
    "doan-the": "Đoàn thể chính trị - xã hội",
  },
  "Cơ quan giám sát không hợp lệ.",
);
export type SupervisingBody = ValueOf<typeof SupervisingBody>;
export const { values: SUPERVISING_BODIES, labels: SUPERVISING_BODY_LABELS } = SupervisingBody;

/** The organisation a position (schema/vocab/positions.ts) is held in. */
export const Organisation = /* @__PURE__ */ vocab(
  {
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
  },
  "Tổ chức không hợp lệ.",
);
export type Organisation = ValueOf<typeof Organisation>;
export const { values: ORGANISATIONS, labels: ORGANISATION_LABELS } = Organisation;
