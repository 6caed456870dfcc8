// What the audit log says happened: one label per action code the server writes
// (worker/data/audit.ts takes only these codes, so a new action fails to compile until it has
// its words here), the things they happen to, and the names of the fields a change shows.
import * as v from "valibot";

export const AUDIT_ACTION_LABELS = {
  "tenant.signup": "Đăng ký đảng bộ",
  "tenant.slug": "Đổi mã đảng bộ",
  "tenant.export": "Tải dữ liệu đảng bộ",
  "unit.create": "Thêm đơn vị",
  "unit.rename": "Đổi tên đơn vị",
  "unit.move": "Chuyển đơn vị",
  "unit.close": "Giải thể đơn vị",
  "member.create": "Thêm đảng viên",
  "member.update": "Sửa hồ sơ đảng viên",
  "member.status": "Đổi trạng thái đảng viên",
  "member.import": "Nhập danh sách",
  "member.import-update": "Cập nhật từ tệp danh sách",
  "member.consent-on-behalf": "Đồng ý cho bí thư nhập hộ",
  "member.withdraw-consent-on-behalf": "Rút đồng ý nhập hộ",
  "invitation.create": "Tạo lời mời",
  "invitation.bulk": "Mời hàng loạt",
  "invitation.revoke": "Thu hồi lời mời",
  "invitation.accept": "Nhận lời mời",
  "account.disable": "Khóa tài khoản",
  "account.enable": "Mở khóa tài khoản",
  "account.reset-link": "Tạo đường dẫn đặt lại mật khẩu",
  "account.reset-slip": "In phiếu đặt lại mật khẩu",
  "account.reset": "Đặt lại mật khẩu",
  "account.two-factor.enable": "Bật xác thực hai bước",
  "account.two-factor.disable": "Tắt xác thực hai bước",
  "account.two-factor.recover": "Dùng mã khôi phục xác thực hai bước",
  "grant.add": "Thêm vai trò",
  "grant.remove": "Bỏ vai trò",
  "template.clone": "Nhân bản mẫu",
  "template.save": "Sửa mẫu",
  "campaign.create": "Tạo đợt sinh hoạt (nháp)",
  "campaign.refresh": "Cập nhật đợt nháp theo mẫu",
  "campaign.delete": "Xóa đợt nháp",
  "campaign.launch": "Phát động đợt sinh hoạt",
  "campaign.close": "Kết thúc đợt sinh hoạt",
  "submission.confirm": "Xác nhận kế hoạch",
  "submission.return": "Trả lại kế hoạch",
  "meeting.create": "Tạo buổi sinh hoạt",
  "meeting.update": "Ghi buổi sinh hoạt",
  "meeting.attendance": "Điểm danh",
  "step.record": "Ghi nhận việc đã làm",
  "step.correct": "Sửa ghi nhận việc đã làm",
  "report.submit": "Gửi báo cáo",
  "report.correct": "Sửa báo cáo",
  "review.save": "Ghi đánh giá",
  "monthly-review.save": "Ghi kiểm điểm hằng tháng",
  "periodic-report.save": "Ghi báo cáo định kỳ",
  "link.approve": "Chấp thuận liên kết cấp trên",
  "link.revoke": "Hủy liên kết cấp trên",
  "directive.remind": "Nhắc cấp dưới thực hiện văn bản",
  "directive.reminded": "Được cấp trên nhắc thực hiện văn bản",
} as const;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as [AuditAction, ...AuditAction[]];
export const AuditAction = /* @__PURE__ */ v.picklist(AUDIT_ACTIONS, "Thao tác không hợp lệ.");

/** A code written before its label existed still reads as something. */
export const auditActionLabel = (code: string): string =>
  (AUDIT_ACTION_LABELS as Record<string, string>)[code] ?? code;

export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  tenant: "Đảng bộ",
  unit: "Đơn vị",
  member: "Đảng viên",
  user: "Tài khoản",
  invitation: "Lời mời",
  template: "Mẫu đợt sinh hoạt",
  campaign: "Đợt sinh hoạt",
  submission: "Kế hoạch",
  meeting: "Buổi sinh hoạt",
  report: "Báo cáo",
  step: "Việc của đơn vị",
  directive: "Văn bản cấp trên",
  tenant_link: "Liên kết với cấp trên",
};

/** The fields a change shows, by their key in the audit row. */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, string>> = {
  name: "Tên",
  kind: "Loại",
  parentId: "Trực thuộc",
  closedOn: "Giải thể từ",
  fullName: "Họ tên",
  birthYear: "Năm sinh",
  email: "Thư điện tử",
  phone: "Số điện thoại",
  unitId: "Đơn vị",
  unitIds: "Đơn vị",
  position: "Chức vụ",
  leadershipRank: "Thứ tự chức vụ",
  status: "Trạng thái",
  statusSince: "Từ ngày",
  managedByStandingCommittee: "Diện Ban Thường vụ quản lý",
  mustPublishPlan: "Phải công khai kế hoạch",
  role: "Vai trò",
  slug: "Mã",
  created: "Thêm mới",
  updated: "Cập nhật",
  unchanged: "Không đổi",
  templateKey: "Mẫu",
  templateVersion: "Phiên bản mẫu",
  version: "Phiên bản",
  parts: "Phần đã sửa",
  from: "Nhân bản từ",
};

/** The parts of a template a save names (worker/data/templates.ts saveTemplate). */
export const TEMPLATE_PART_LABELS: Readonly<Record<string, string>> = {
  name: "tên",
  description: "mô tả",
  issuing: "cơ quan ban hành",
  schedule: "lịch",
  steps: "các bước và hạn",
  forms: "biểu mẫu",
  lists: "danh sách",
  meetingRules: "quy định cuộc họp",
  excusals: "miễn sinh hoạt",
  routing: "niêm yết, giám sát",
  followUp: "theo dõi sau đợt",
  reports: "báo cáo",
  materials: "tài liệu",
  source: "văn bản nguồn",
};
