// Request bodies of the public API as valibot schemas. The server validates with them and
// the OpenAPI document is generated from them; the client may import them too.
import * as v from "valibot";
import {
  MemberStatus,
  NotifyMode,
  TenantKind,
  UnitKind,
  Level,
  ManagementCategory,
  SupervisingBody,
} from "./vocab/people";
import { Role } from "./vocab/roles";
import { ReviewRating, Section } from "./vocab/campaigns";
import { PositionCode } from "./vocab/positions";
import { HttpUrl, IsoDate } from "./scalars";
import { KEY_MAX, KEY_RE } from "./rules/keys";

// Kept for worker/data/import.ts; the vocabulary lives in schema/vocab.

/** Required text, trimmed, of `min` to `max` characters; `tooShort` (and `tooLong`) say why not. */
const RequiredText = (min: number, tooShort: string, max: number, tooLong?: string) =>
  v.pipe(
    v.string("Bắt buộc phải có."),
    v.trim(),
    v.minLength(min, tooShort),
    v.maxLength(max, tooLong),
  );
/** A directive's or a campaign's document number ("Số 24-KH/TU"), when it has one. */
const DocumentNo = v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100)));

export const Email = v.pipe(
  v.string("Bắt buộc phải có."),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(254),
  v.email("Địa chỉ thư điện tử không hợp lệ."),
);
export const Password = v.pipe(
  v.string("Bắt buộc phải có."),
  v.minLength(10, "Mật khẩu cần ít nhất 10 ký tự."),
  v.maxLength(200, "Mật khẩu tối đa 200 ký tự."),
);
export const PersonName = RequiredText(
  2,
  "Họ tên cần ít nhất 2 ký tự.",
  120,
  "Họ tên tối đa 120 ký tự.",
);
export const Slug = v.pipe(
  v.string("Bắt buộc phải có."),
  v.regex(
    /^[a-z0-9-]{3,40}$/,
    "Mã đảng bộ gồm 3–40 ký tự: chữ thường không dấu, số và dấu gạch ngang.",
  ),
);

export const SignupBody = v.strictObject({
  tenant: v.strictObject({
    slug: Slug,
    name: RequiredText(3, "Tên đảng bộ cần ít nhất 3 ký tự.", 200, "Tên đảng bộ tối đa 200 ký tự."),
    kind: TenantKind,
  }),
  /** `password`: required with SIGNUP=open; with SIGNUP=verify it may wait for the link. */
  admin: v.strictObject({ email: Email, password: v.optional(Password), fullName: PersonName }),
});
export type SignupBody = v.InferOutput<typeof SignupBody>;

/** Following the sign-up link: the password is required unless one was given at sign-up. */
export const VerifySignupBody = v.strictObject({
  token: v.pipe(v.string("Bắt buộc phải có."), v.nonEmpty("Bắt buộc phải có."), v.maxLength(200)),
  password: v.optional(Password),
});
export type VerifySignupBody = v.InferOutput<typeof VerifySignupBody>;

export const Id = v.pipe(
  v.string("Bắt buộc phải có."),
  v.regex(/^[a-z0-9]{1,40}$/, "Mã không hợp lệ."),
);
const UnitName = RequiredText(
  2,
  "Tên đơn vị cần ít nhất 2 ký tự.",
  200,
  "Tên đơn vị tối đa 200 ký tự.",
);
export { IsoDate };
export const ShortText = (max: number) =>
  v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(max, `Tối đa ${max} ký tự.`))));

export const Version = v.pipe(v.number("Thiếu phiên bản (version)."), v.integer(), v.minValue(1));

export const UnitCreateBody = v.strictObject({
  name: UnitName,
  kind: UnitKind,
  parentId: v.optional(Id),
  /** For a supervising body (a đoàn thể): which body, at which level. A đoàn thể created
   *  without one gets the one its name suggests. */
  bodyCode: v.optional(v.nullable(SupervisingBody)),
  bodyLevel: v.optional(v.nullable(Level)),
});
export const UnitUpdateBody = v.strictObject({
  name: v.optional(UnitName),
  parentId: v.optional(Id),
  bodyCode: v.optional(v.nullable(SupervisingBody)),
  bodyLevel: v.optional(v.nullable(Level)),
  version: Version,
});
export const UnitCloseBody = v.strictObject({ closedOn: IsoDate });

const OptionalText = (max: number) =>
  v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(max, `Tối đa ${max} ký tự.`))));
const BirthYear = v.optional(
  v.nullable(
    v.pipe(
      v.number("Năm sinh phải là số."),
      v.integer("Năm sinh phải là số nguyên."),
      v.minValue(1900, "Năm sinh không hợp lệ."),
      v.maxValue(2100, "Năm sinh không hợp lệ."),
    ),
  ),
);

const memberFields = {
  fullName: PersonName,
  birthYear: BirthYear,
  email: v.optional(v.nullable(Email)),
  phone: v.optional(
    v.nullable(
      v.pipe(v.string(), v.trim(), v.regex(/^[0-9+ .()-]{0,20}$/, "Số điện thoại không hợp lệ.")),
    ),
  ),
  unitId: Id,
  /** The post as typed, shown as is. */
  position: OptionalText(200),
  /** The post in the controlled list; when absent and `position` is given, the text is
   *  mapped to the list (schema/rules/positions.ts), and null when it maps to nothing. */
  positionCode: v.optional(v.nullable(PositionCode)),
  leadershipRank: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))),
  status: v.optional(MemberStatus),
  statusSince: v.optional(v.nullable(IsoDate)),
  /** Diện quản lý; wins over `managedByStandingCommittee`, which is kept for older clients
   *  (true = diện BTV). */
  managementCategory: v.optional(v.nullable(ManagementCategory)),
  managedByStandingCommittee: v.optional(v.boolean()),
  mustPublishPlan: v.optional(v.boolean()),
};
export const MemberCreateBody = v.strictObject(memberFields);
export type MemberCreateBody = v.InferOutput<typeof MemberCreateBody>;
export const MemberUpdateBody = v.strictObject({
  ...Object.fromEntries(Object.entries(memberFields).map(([k, s]) => [k, v.optional(s)])),
  version: Version,
} as { [K in keyof typeof memberFields]: v.OptionalSchema<(typeof memberFields)[K], undefined> } & {
  version: typeof Version;
});
export type MemberUpdateBody = v.InferOutput<typeof MemberUpdateBody>;
export const MemberStatusBody = v.strictObject({
  status: MemberStatus,
  since: IsoDate,
  note: OptionalText(500),
});

export const MemberQuery = v.object({
  unitId: v.optional(Id),
  q: v.optional(v.pipe(v.string(), v.maxLength(120))),
  status: v.optional(MemberStatus),
  includeSubtree: v.optional(v.picklist(["0", "1"])),
});
export const ExportQuery = v.object({
  format: v.optional(v.picklist(["csv", "xlsx"], "Định dạng phải là csv hoặc xlsx.")),
  unitId: v.optional(Id),
});
export const ImportQuery = v.object({ dryRun: v.optional(v.picklist(["0", "1"])) });

export const InvitationBody = v.strictObject({
  memberId: v.optional(Id),
  email: Email,
  role: Role,
  unitId: v.optional(Id),
});
/** The cell's opinion on a plan it confirms (printed under "Ý kiến của chi bộ"). */
export const ConfirmBody = v.strictObject({
  opinion: v.optional(
    v.pipe(v.string("Phải là chuỗi ký tự."), v.trim(), v.maxLength(2000, "Tối đa 2000 ký tự.")),
  ),
});
export const AcceptBody = v.strictObject({
  token: v.pipe(v.string("Bắt buộc phải có."), v.maxLength(200)),
  password: Password,
});
export const GrantBody = v.strictObject({
  role: Role,
  unitId: v.optional(Id),
});
export const AuditQuery = v.object({
  entity: v.optional(v.pipe(v.string(), v.maxLength(40))),
  /** One person's changes (their account id). */
  actor: v.optional(Id),
  /** Changes to the units and members of one unit's subtree. */
  unitId: v.optional(Id),
  before: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/))),
});

/** A page of a list read in id order: where it starts (the last page's `next`) and its length. */
export const PageQuery = v.object({
  after: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9]{1,40}$/, "Vị trí trang không hợp lệ."))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, "Số dòng mỗi trang không hợp lệ."))),
});

/** The supervisor's list, a page at a time; `id` asks whether one plan is routed to the caller. */
export const RoutedQuery = v.object({ ...PageQuery.entries, id: v.optional(Id) });

export const TemplateKey = v.pipe(
  v.string("Bắt buộc phải có."),
  v.regex(KEY_RE, "Khóa viết thường, không dấu, nối bằng gạch ngang."),
  v.maxLength(KEY_MAX, `Khóa tối đa ${KEY_MAX} ký tự.`),
);
export const TemplateCloneBody = v.strictObject({
  fromKey: TemplateKey,
  /** Absent: made from the name (schema/rules/keys.ts keyFromName). */
  key: v.optional(TemplateKey),
  name: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(3, "Tên mẫu cần ít nhất 3 ký tự."),
    v.maxLength(200),
  ),
});
export const TemplateSaveBody = v.strictObject({
  /** The version being edited: a stale one gets 409. */
  version: Version,
  /** The whole definition; checked against the template language (schema/template.ts). */
  definition: v.record(v.string(), v.unknown()),
});
export const TemplateQuery = v.object({
  version: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/))),
});

export const CampaignCreateBody = v.strictObject({
  templateKey: TemplateKey,
  templateVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  name: RequiredText(3, "Tên đợt cần ít nhất 3 ký tự.", 300),
  documentNo: DocumentNo,
  startsOn: IsoDate,
  dueOn: IsoDate,
  unitIds: v.pipe(v.array(Id), v.minLength(1, "Cần chọn ít nhất một đơn vị."), v.maxLength(5000)),
  /** Per-step due dates (YYYY-MM-DD), e.g. the day each cell holds its meeting. */
  overrides: v.optional(v.record(TemplateKey, IsoDate)),
});
export type CampaignCreateBody = v.InferOutput<typeof CampaignCreateBody>;

/** A draft campaign takes its template's latest version again, or another template's (the
 *  đảng bộ's copy with its lists filled in): `version` is the campaign's, a stale one is 409. */
export const CampaignRefreshBody = v.strictObject({
  version: Version,
  templateKey: v.optional(TemplateKey),
});

export const ProgressQuery = v.object({ unitId: v.optional(Id) });

export const SubmissionSaveBody = v.strictObject({
  formKey: TemplateKey,
  data: v.record(v.string(), v.unknown()),
  /** The version the writer started from; omitted only for the first save. */
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
export const SubmitBody = v.strictObject({ formKey: v.optional(TemplateKey) });
/** `versions=full` adds every version's text to the version list (left out by default). */
export const SubmissionReadQuery = v.object({ versions: v.optional(v.picklist(["full"])) });
export const MineQuery = v.object({
  formKey: v.optional(TemplateKey),
  versions: v.optional(v.picklist(["full"])),
});
export const ReturnBody = v.strictObject({
  comment: RequiredText(3, "Hãy ghi lý do trả lại (ít nhất 3 ký tự).", 2000),
});

export const ReportBody = v.strictObject({
  reportKey: TemplateKey,
  data: v.record(v.string(), v.unknown()),
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
export const ReviewBody = v.strictObject({
  memberId: Id,
  period: v.pipe(
    v.string(),
    v.regex(
      /^\d{4}(-(0[1-9]|1[0-2])|-H[12])?$/,
      "Kỳ đánh giá: YYYY-MM (tháng), YYYY-H1/H2 (6 tháng) hoặc YYYY (cuối năm).",
    ),
  ),
  rating: ReviewRating,
  note: ShortText(5000),
});
export const ReviewQuery = v.object({ memberId: Id });
export const CommentBody = v.strictObject({
  body: RequiredText(2, "Góp ý cần ít nhất 2 ký tự.", 5000),
});

/** A person's choice of how events reach them beside the app. */
export const NotifyPreferenceBody = v.strictObject({ mode: NotifyMode });

export const NotifySettingsBody = v.strictObject({
  daysBefore: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(0, "Không âm."),
    v.maxValue(30, "Tối đa 30 ngày."),
  ),
  quietHours: v.nullable(
    v.strictObject({
      from: v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Giờ dạng HH:MM.")),
      to: v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Giờ dạng HH:MM.")),
    }),
  ),
  email: v.boolean(),
  webhookUrl: v.nullable(v.pipe(HttpUrl, v.startsWith("https://", "Webhook phải dùng https://."))),
  /** Left out: the stored secret stays (the settings answer shows it masked). */
  webhookSecret: v.optional(
    v.nullable(
      v.pipe(v.string(), v.minLength(16, "Khóa bí mật cần ít nhất 16 ký tự."), v.maxLength(200)),
    ),
  ),
});
export const LinkBody = v.strictObject({ parentSlug: Slug });
export const DirectiveBody = v.strictObject({
  templateKey: TemplateKey,
  name: RequiredText(3, "Tên cần ít nhất 3 ký tự.", 300),
  documentNo: DocumentNo,
  startsOn: IsoDate,
  dueOn: IsoDate,
  /** Sections of the definition children may not change (schema/vocab/campaigns.ts). */
  lockedSections: v.optional(v.array(Section)),
});
export const AdoptBody = v.strictObject({
  unitIds: v.pipe(v.array(Id), v.minLength(1, "Cần chọn ít nhất một đơn vị.")),
  name: v.optional(v.pipe(v.string(), v.trim(), v.minLength(3), v.maxLength(300))),
});

/** The member's own consent that the cell's secretary may enter their plan for them. */
export const OnBehalfConsentBody = v.strictObject({
  consent: v.boolean("Phải là true hoặc false."),
});
