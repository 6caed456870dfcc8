/**
 * Sinh hoạt chính trị, tư tưởng on Chỉ thị 24-CT/TU: Kế hoạch 155-KH/ĐU of Đảng ủy phường Long
 * Biên, 07/9/2023 (seed 004). Three flows, as the plan has: chi bộ (§II.4.1), đảng ủy
 * (§II.4.2), and UBND, Ủy ban MTTQ and the đoàn thể of the ward (§II.4.3, "tương tự như đảng
 * ủy" with their own attendees).
 *
 * Every meeting: ≥ 90 minutes, not merged with a regular meeting, done "trước 20/9/2023"
 * (campaign end); materials ≥ 03 days ahead (the cells post them on Sổ tay đảng viên điện tử);
 * roll-call; minutes adopted by vote. Cells report "trước ngày 30/10/2023", 40 days after the
 * end. The meetings relate the unit to the 25 expressions of CT 24, whose text a tenant enters
 * before launching.
 */
import type { ChecklistField, Form, SectionField, TemplateDefinition } from "../template";
import { bieuHien25 } from "./lists";
import { form, longText, section } from "./fields";

function checklist25(key: string, label: string): ChecklistField {
  return {
    type: "checklist",
    key,
    label,
    required: true,
    listKey: "ct24-25-bieu-hien",
    levels: [
      { value: "khong", label: "Không có" },
      { value: "co", label: "Có" },
    ],
    noteLabel: "Ở mức độ nào?",
    noteRequiredFor: ["co"],
    noteMaxLength: 1000,
  };
}

/** The content of a body's sinh hoạt (004 §II.4.1–3: the đảng ủy and the cơ quan, đoàn thể do
 *  as the chi bộ does), one form per kind of body: the discussion (awareness, the 25
 *  expressions against its own situation, what else, the remedy), then the closing (the
 *  summary, the meeting's quality). */
function minutesForm(m: {
  key: string;
  of: string;
  awareness: string;
  relate: string;
  others: SectionField["fields"];
  remedy: string;
  summaryBy?: string;
  quality?: string;
  cite: string;
}): Form {
  const title = `Nội dung sinh hoạt chính trị, tư tưởng của ${m.of}`;
  return form(
    { key: m.key, title, owner: "unit" },
    [
      section("thao-luan", "Thảo luận", [
        longText("nhan-thuc", m.awareness, true),
        checklist25("lien-he-25-bieu-hien", m.relate),
        ...m.others,
        longText("giai-phap", m.remedy, true),
      ]),
      section("ket-thuc", "Kết thúc buổi sinh hoạt", [
        longText("tong-hop", "Tổng hợp, khái quát các ý kiến thảo luận", true, m.summaryBy),
        longText("danh-gia", m.quality ?? "Đánh giá chất lượng buổi họp", true),
      ]),
    ],
    m.cite,
  );
}

/** Every body's sinh hoạt (004 §II.3): on its own, not merged into the regular meeting, no
 *  less than 90 minutes, with a roll-call, a minutes secretary and materials 3 days ahead. */
const SEPARATE_90_MINUTES = {
  relationToRegularMeeting: "separate",
  minDurationMinutes: 90,
  rollCall: true,
  appointsMinutesSecretary: true,
  materialsLeadDays: 3,
} as const;

const CHI_BO = { unitKinds: ["chi-bo" as const] };
const DANG_UY = { unitKinds: ["dang-bo-co-so" as const, "dang-bo" as const] };
const CQ_DT = { unitKinds: ["co-quan" as const, "doan-the" as const] };
const MTTQ = ["mttq", "mặt trận"];

const readArticle = {
  title:
    "Đọc bài viết “Bệnh sợ trách nhiệm” của đồng chí Tổng Bí thư Nguyễn Phú Trọng; trình bày ngắn gọn Kế hoạch số 186-KH/QU của Ban Thường vụ Quận ủy và Kế hoạch của Đảng ủy; trình bày 25 biểu hiện vi phạm kỷ cương, kỷ luật và trách nhiệm giải quyết công việc",
};

/** The order of a body's sinh hoạt (004 §II.4.1–2 Bước 2): its secretary ("Bí thư chi bộ",
 *  "Bí thư đảng ủy") opens and sums up, its members discuss, the minutes are voted on. */
const agendaOf = (a: {
  body: string;
  members: string;
  speakers: string;
  assess: string;
  minutes: string;
}) => [
  { title: `Ổn định tổ chức; điểm danh ${a.members} tham dự; cử thư ký ghi chép` },
  { title: "Quán triệt mục đích, yêu cầu", presenter: `Bí thư ${a.body}` },
  { ...readArticle, presenter: `Bí thư (hoặc Phó Bí thư) ${a.body}` },
  { title: "Thảo luận (trọng tâm)", presenter: a.speakers },
  {
    title: `Tổng hợp, khái quát các ý kiến thảo luận; ${a.assess}`,
    presenter: `Bí thư ${a.body}`,
  },
  { title: `Thông qua ${a.minutes} và lấy ý kiến biểu quyết` },
];

/** The two questions every CT 24 minutes form asks after the 25 expressions (004 §II.4.2). */
const OTHER_EXPRESSIONS_AND_BACKLOG = [
  longText(
    "bieu-hien-khac",
    "Ngoài ra còn có những biểu hiện gì khác vi phạm kỷ cương, kỷ luật và trách nhiệm giải quyết công việc?",
    false,
  ),
  longText(
    "ton-tai",
    "Những việc gì còn tồn tại, chậm muộn chưa được giải quyết? Trách nhiệm?",
    true,
  ),
];
export const ct24SinhHoat: TemplateDefinition = {
  key: "ct24-sinh-hoat",
  version: 1,
  name: "Sinh hoạt chính trị, tư tưởng theo Chỉ thị 24-CT/TU",
  description:
    "Đợt sinh hoạt chính trị, tư tưởng “Tăng cường kỷ cương, kỷ luật và trách nhiệm giải quyết công việc”: chi bộ, đảng ủy, UBND, MTTQ và các đoàn thể phường mỗi nơi sinh hoạt không dưới 90 phút, liên hệ 25 biểu hiện, thông qua biên bản bằng biểu quyết; chi bộ báo cáo đảng ủy.",
  source: {
    documentNo: "155-KH/ĐU",
    kind: "Kế hoạch",
    title:
      "Tổ chức đợt sinh hoạt chính trị, tư tưởng thực hiện Chỉ thị số 24-CT/TU, ngày 07/8/2023 của Ban Thường vụ Thành ủy Hà Nội về “Tăng cường kỷ cương, kỷ luật và trách nhiệm giải quyết công việc trong hệ thống chính trị thành phố Hà Nội” trong Đảng bộ phường Long Biên",
    date: "2023-09-07",
    issuer: "Đảng ủy phường Long Biên",
    basedOn: [
      "Chỉ thị số 24-CT/TU ngày 07/8/2023 của Ban Thường vụ Thành ủy Hà Nội",
      "Kế hoạch số 186-KH/QU ngày 28/8/2023 của Ban Thường vụ Quận ủy Long Biên",
      "Kế hoạch số 187-KH/QU ngày 28/8/2023 của Ban Thường vụ Quận ủy",
    ],
  },
  schedule: {
    startsOn: "2023-09-07",
    dueOn: "2023-09-20",
    dueRule: "truoc-ngay",
    cite: "004 §II.3",
  },
  flows: [
    { key: "chi-bo", title: "Đối với chi bộ", cite: "004 §II.4.1" },
    { key: "dang-uy", title: "Đối với đảng ủy", cite: "004 §II.4.2" },
    {
      key: "ubnd-mttq-doan-the",
      title: "Đối với UBND phường, Ủy ban MTTQ và các đoàn thể chính trị - xã hội phường",
      cite: "004 §II.4.3",
    },
  ],
  steps: [
    // 4.1 Chi bộ
    {
      key: "cb-chuan-bi",
      title: "Chuẩn bị nội dung sinh hoạt",
      description:
        "Tập thể cấp ủy chi bộ (nơi không có cấp ủy thì đồng chí Bí thư chi bộ) chỉ đạo chuẩn bị: xác định rõ thời gian, địa điểm, thành phần tham dự; định hướng cho đảng viên các nội dung trọng tâm, đối chiếu với 25 biểu hiện gắn với thực tiễn của chi bộ; đề xuất giải pháp khắc phục tồn tại hạn chế của bản thân và chi bộ (nếu có).",
      owner: "unit",
      kind: "prepare-meeting",
      flow: "chi-bo",
      appliesTo: CHI_BO,
      due: { kind: "relative", toStep: "cb-dang-tai-lieu", offsetDays: 0, rule: "den-het-ngay" },
      meetingRulesKey: "cb-sinh-hoat",
      completion: "meeting-scheduled",
      cite: "004 §II.4.1 Bước 1",
    },
    {
      key: "cb-dang-tai-lieu",
      title: "Cập nhật tài liệu trên Sổ tay đảng viên điện tử",
      description:
        "Cập nhật đầy đủ tài liệu trên phần mềm Sổ tay đảng viên điện tử trước ít nhất 03 ngày diễn ra cuộc họp; ghi lại đường dẫn và thời điểm đăng.",
      owner: "unit",
      kind: "send-materials",
      flow: "chi-bo",
      appliesTo: CHI_BO,
      due: { kind: "relative", toStep: "cb-sinh-hoat", offsetDays: -3, rule: "den-het-ngay" },
      after: ["cb-chuan-bi"],
      proof: "link-and-time",
      completion: "materials-sent",
      cite: "004 §II.4.1 Bước 1",
    },
    {
      key: "cb-bao-lich",
      title:
        "Báo cáo thời gian sinh hoạt với đồng chí Ủy viên Ban Thường vụ phụ trách, Đảng ủy viên theo dõi",
      description:
        "Báo cáo đồng chí Ủy viên Ban Thường vụ phụ trách, Đảng ủy viên theo dõi chi bộ thời gian tổ chức buổi sinh hoạt để dự và chỉ đạo.",
      owner: "unit",
      kind: "notify-leaders",
      flow: "chi-bo",
      appliesTo: CHI_BO,
      // The plan sets no lead time; the leaders must know before the meeting day.
      due: { kind: "relative", toStep: "cb-sinh-hoat", offsetDays: -1, rule: "truoc-ngay" },
      after: ["cb-chuan-bi"],
      completion: "acknowledged",
      evidence: {
        what: "Đã báo lịch cho đồng chí UVTV, ĐUV phụ trách: tên người nhận, cách báo (điện thoại, văn bản)",
        needs: ["note"],
      },
      cite: "004 §IV.3",
    },
    {
      key: "cb-sinh-hoat",
      title: "Tổ chức sinh hoạt chính trị, tư tưởng tại chi bộ",
      description:
        "Không dưới 90 phút, không lồng ghép với sinh hoạt thường kỳ. Điểm danh, cử thư ký; quán triệt; đọc bài “Bệnh sợ trách nhiệm”; trình bày 25 biểu hiện; thảo luận; tổng hợp ý kiến; thông qua biên bản và lấy ý kiến biểu quyết.",
      owner: "unit",
      kind: "meeting",
      flow: "chi-bo",
      appliesTo: CHI_BO,
      // "Xong trước 20/9/2023": held by the end of 19/9, so a scheduled date overrides it as is.
      due: { kind: "campaign-end", rule: "den-het-ngay" },
      after: ["cb-dang-tai-lieu"],
      formKey: "bien-ban-chi-bo",
      meetingRulesKey: "cb-sinh-hoat",
      completion: "meeting-held",
      cite: "004 §II.3; §II.4.1 Bước 2, Bước 3",
    },
    {
      key: "dv-du-sinh-hoat",
      title: "Dự sinh hoạt chính trị, tư tưởng và tham gia ý kiến",
      description:
        "Nghiên cứu tài liệu trên Sổ tay đảng viên điện tử; dự sinh hoạt; nêu rõ nhận thức, thái độ của bản thân, liên hệ chi bộ với 25 biểu hiện và đề xuất giải pháp khắc phục.",
      owner: "member",
      kind: "attend-meeting",
      flow: "chi-bo",
      appliesTo: CHI_BO,
      due: { kind: "relative", toStep: "cb-sinh-hoat", offsetDays: 0, rule: "den-het-ngay" },
      after: ["cb-dang-tai-lieu"],
      completion: "meeting-attended",
      cite: "004 §II.4.1 Bước 2",
    },
    {
      key: "cb-bao-cao",
      title: "Báo cáo kết quả về Đảng ủy phường",
      description:
        "Báo cáo kết quả triển khai thực hiện về Đảng ủy phường thông qua Văn phòng Đảng ủy.",
      owner: "unit",
      kind: "report-upward",
      flow: "chi-bo",
      appliesTo: CHI_BO,
      due: {
        kind: "absolute",
        date: "2023-10-30",
        rule: "truoc-ngay",
        rebase: { anchor: "campaign-end", offsetDays: 40 },
      },
      after: ["cb-sinh-hoat"],
      formKey: "bao-cao-ket-qua",
      completion: "report-filed",
      cite: "004 §IV.3",
    },
    // 4.2 Đảng ủy
    {
      key: "du-chuan-bi",
      title: "Chuẩn bị nội dung sinh hoạt của đảng ủy",
      description:
        "Đồng chí Bí thư đảng ủy chỉ đạo chuẩn bị: thời gian, địa điểm, thành phần; định hướng cho đảng ủy viên các nội dung trọng tâm, đối chiếu với 25 biểu hiện gắn với thực tiễn của đảng ủy và từng đảng ủy viên.",
      owner: "unit",
      kind: "prepare-meeting",
      flow: "dang-uy",
      appliesTo: DANG_UY,
      due: { kind: "relative", toStep: "du-gui-tai-lieu", offsetDays: 0, rule: "den-het-ngay" },
      meetingRulesKey: "du-sinh-hoat",
      completion: "meeting-scheduled",
      cite: "004 §II.4.2 Bước 1",
    },
    {
      key: "du-gui-tai-lieu",
      title: "Gửi tài liệu đến đảng ủy viên",
      description: "Gửi đầy đủ tài liệu đến đảng ủy viên trước ít nhất 03 ngày diễn ra cuộc họp.",
      owner: "unit",
      kind: "send-materials",
      flow: "dang-uy",
      appliesTo: DANG_UY,
      due: { kind: "relative", toStep: "du-sinh-hoat", offsetDays: -3, rule: "den-het-ngay" },
      after: ["du-chuan-bi"],
      completion: "materials-sent",
      cite: "004 §II.4.2 Bước 1",
    },
    {
      key: "du-sinh-hoat",
      title: "Tổ chức sinh hoạt chính trị, tư tưởng của đảng ủy",
      description:
        "Không dưới 90 phút, không lồng ghép với sinh hoạt thường kỳ; 100% đảng ủy viên đều tham gia ý kiến; thông qua biên bản họp và lấy ý kiến biểu quyết.",
      owner: "unit",
      kind: "meeting",
      flow: "dang-uy",
      appliesTo: DANG_UY,
      due: { kind: "campaign-end", rule: "den-het-ngay" },
      after: ["du-gui-tai-lieu"],
      formKey: "bien-ban-dang-uy",
      meetingRulesKey: "du-sinh-hoat",
      completion: "meeting-held",
      cite: "004 §II.3; §II.4.2 Bước 2, Bước 3",
    },
    {
      key: "duv-du-sinh-hoat",
      title: "Đảng ủy viên dự sinh hoạt và tham gia ý kiến",
      owner: "member",
      kind: "attend-meeting",
      flow: "dang-uy",
      appliesTo: {
        members: [
          {
            label: "Ủy viên Ban Chấp hành Đảng bộ phường",
            positionIncludes: [
              "đảng ủy viên",
              "ủy viên ban chấp hành đảng bộ",
              "ủy viên ban thường vụ đảng ủy",
              "bí thư đảng ủy",
            ],
          },
        ],
      },
      due: { kind: "relative", toStep: "du-sinh-hoat", offsetDays: 0, rule: "den-het-ngay" },
      after: ["du-gui-tai-lieu"],
      completion: "meeting-attended",
      cite: "004 §II.2; §II.4.2 Bước 2 (Lưu ý: 100% đảng ủy viên đều tham gia ý kiến)",
    },
    {
      key: "tuyen-giao-bao-cao",
      title: "Báo cáo Ban Thường vụ Đảng ủy kết quả triển khai sau đợt sinh hoạt",
      description:
        "Cán bộ Tuyên giáo đảng ủy hướng dẫn, đôn đốc, giám sát việc triển khai ở các chi bộ và báo cáo Ban Thường vụ Đảng ủy kết quả sau đợt sinh hoạt.",
      owner: "unit",
      kind: "report-upward",
      flow: "dang-uy",
      appliesTo: DANG_UY,
      due: { kind: "undated", note: "Kế hoạch chỉ nói “sau đợt sinh hoạt”, không nêu hạn." },
      after: ["cb-bao-cao"],
      formKey: "bao-cao-ket-qua",
      completion: "report-filed",
      cite: "004 §IV.2",
    },
    // 4.3 UBND, MTTQ, đoàn thể
    {
      key: "cq-chuan-bi",
      title: "Chuẩn bị nội dung sinh hoạt",
      description:
        "Cách làm tương tự như đảng ủy phường: xác định thời gian, địa điểm, thành phần; định hướng nội dung trọng tâm, đối chiếu với 25 biểu hiện gắn với thực tiễn của cơ quan, đơn vị.",
      owner: "unit",
      kind: "prepare-meeting",
      flow: "ubnd-mttq-doan-the",
      appliesTo: CQ_DT,
      due: { kind: "relative", toStep: "cq-gui-tai-lieu", offsetDays: 0, rule: "den-het-ngay" },
      meetingRulesKey: "cq-sinh-hoat",
      completion: "meeting-scheduled",
      cite: "004 §II.4.3",
    },
    {
      key: "cq-gui-tai-lieu",
      title: "Gửi tài liệu đến thành phần tham dự",
      description: "Gửi đầy đủ tài liệu trước ít nhất 03 ngày diễn ra cuộc họp (như đảng ủy).",
      owner: "unit",
      kind: "send-materials",
      flow: "ubnd-mttq-doan-the",
      appliesTo: CQ_DT,
      due: { kind: "relative", toStep: "cq-sinh-hoat", offsetDays: -3, rule: "den-het-ngay" },
      after: ["cq-chuan-bi"],
      completion: "materials-sent",
      cite: "004 §II.4.3; §II.4.2 Bước 1",
    },
    {
      key: "cq-sinh-hoat",
      title: "Tổ chức sinh hoạt chính trị, tư tưởng",
      description:
        "Không dưới 90 phút, không lồng ghép với sinh hoạt thường kỳ; đồng chí Bí thư (hoặc Phó Bí thư) Đảng ủy phường dự và chỉ đạo; thông qua biên bản và lấy ý kiến biểu quyết.",
      owner: "unit",
      kind: "meeting",
      flow: "ubnd-mttq-doan-the",
      appliesTo: CQ_DT,
      due: { kind: "campaign-end", rule: "den-het-ngay" },
      after: ["cq-gui-tai-lieu"],
      formKey: "bien-ban-co-quan",
      meetingRulesKey: "cq-sinh-hoat",
      completion: "meeting-held",
      cite: "004 §II.3; §II.4.3",
    },
  ],
  forms: [
    minutesForm({
      key: "bien-ban-chi-bo",
      of: "chi bộ",
      awareness:
        "Nhận thức, thái độ của đảng viên về sự cần thiết phải tăng cường kỷ cương, kỷ luật và trách nhiệm giải quyết công việc",
      relate: "Liên hệ với chi bộ: có hay không có những biểu hiện nêu trên? Ở mức độ nào?",
      others: [
        longText(
          "bieu-hien-khac",
          "Ngoài ra còn có những biểu hiện gì khác vi phạm kỷ cương, kỷ luật và trách nhiệm giải quyết công việc?",
          false,
        ),
        longText(
          "muc-do-thuc-hien",
          "Chi bộ và bản thân trong thời gian qua đã thực hiện ở mức độ nào?",
          true,
        ),
      ],
      remedy: "Giải pháp khắc phục trong thời gian tới đối với bản thân và tập thể chi bộ",
      summaryBy: "Đồng chí Bí thư chi bộ tổng hợp.",
      quality: "Đánh giá chất lượng buổi sinh hoạt và ý thức tham gia của đảng viên",
      cite: "004 §II.4.1 Bước 2, Bước 3",
    }),
    minutesForm({
      key: "bien-ban-dang-uy",
      of: "đảng ủy",
      awareness: "Nhận thức của đảng ủy viên",
      relate:
        "Liên hệ với tình hình thực tiễn của đảng ủy: có hay không có những biểu hiện nêu trên? Ở mức độ nào?",
      others: OTHER_EXPRESSIONS_AND_BACKLOG,
      remedy:
        "Giải pháp khắc phục trong thời gian tới để nâng cao chất lượng, hiệu quả công việc, phát huy vai trò lãnh đạo, chỉ đạo, định hướng của đảng ủy, Ban Thường vụ đảng ủy, gắn với trách nhiệm của từng đảng ủy viên",
      summaryBy: "Đồng chí Bí thư đảng ủy tổng hợp.",
      cite: "004 §II.4.2 Bước 2, Bước 3",
    }),
    minutesForm({
      key: "bien-ban-co-quan",
      of: "cơ quan, đoàn thể",
      awareness: "Nhận thức của các thành viên",
      relate:
        "Liên hệ với tình hình thực tiễn của cơ quan, đơn vị: có hay không có những biểu hiện nêu trên? Ở mức độ nào?",
      others: OTHER_EXPRESSIONS_AND_BACKLOG,
      remedy:
        "Giải pháp khắc phục trong thời gian tới để nâng cao chất lượng, hiệu quả công việc, gắn với trách nhiệm của từng thành viên",
      cite: "004 §II.4.3 (cách làm tương tự như đảng ủy phường, §II.4.2)",
    }),
    form(
      {
        key: "bao-cao-ket-qua",
        title: "Báo cáo kết quả triển khai thực hiện đợt sinh hoạt chính trị, tư tưởng",
        owner: "unit",
      },
      [
        {
          type: "date",
          key: "ngay-sinh-hoat",
          label: "Ngày tổ chức sinh hoạt",
          required: true,
        },
        longText("ket-qua", "Kết quả triển khai thực hiện", true),
        longText("giai-phap", "Giải pháp khắc phục đã thống nhất", false),
      ],
      "004 §IV.2, §IV.3",
    ),
  ],
  lists: [bieuHien25()],
  meetingRules: [
    {
      key: "cb-sinh-hoat",
      title: "Sinh hoạt chính trị, tư tưởng tại chi bộ",
      ...SEPARATE_90_MINUTES,
      materialsChannel: "so-tay-dang-vien-dien-tu",
      votes: [{ subject: "minutes", cite: "004 §II.4.1 Bước 3" }],
      agenda: agendaOf({
        body: "chi bộ",
        members: "đảng viên",
        speakers: "Đảng viên",
        assess: "đánh giá chất lượng buổi sinh hoạt và ý thức tham gia của đảng viên",
        minutes: "biên bản họp chi bộ",
      }),
      attendance: [
        { role: "thanh-phan", who: ["Đảng viên trong chi bộ"], cite: "004 §II.4.1 Bước 2" },
        {
          key: "uvtv-duv-theo-doi",
          required: true,
          role: "du-chi-dao",
          who: ["Đồng chí Ủy viên Ban Thường vụ phụ trách", "Đảng ủy viên theo dõi chi bộ"],
          cite: "004 §IV.1; §IV.3",
        },
      ],
      notes: [
        "Người chủ trì phát huy dân chủ, gợi mở để nhiều đảng viên được tham gia phát biểu với tinh thần thẳng thắn, cầu thị và xây dựng; tránh tình trạng gây không khí căng thẳng hoặc 100% đồng ý không có ý kiến gì.",
      ],
      cite: "004 §II.3; §II.4.1",
    },
    {
      key: "du-sinh-hoat",
      title: "Sinh hoạt chính trị, tư tưởng của đảng ủy",
      ...SEPARATE_90_MINUTES,
      materialsChannel: "gui-truc-tiep",
      speakers: [{ who: "committee-members", minShare: 1, cite: "004 §II.4.2 Bước 2, Lưu ý" }],
      votes: [{ subject: "minutes", cite: "004 §II.4.2 Bước 3" }],
      agenda: agendaOf({
        body: "đảng ủy",
        members: "đảng ủy viên",
        speakers: "Đảng ủy viên",
        assess: "đánh giá chất lượng buổi họp",
        minutes: "biên bản họp",
      }),
      attendance: [
        {
          role: "thanh-phan",
          who: ["Ủy viên Ban Chấp hành Đảng bộ phường"],
          cite: "004 §II.2; §II.4.2",
        },
      ],
      cite: "004 §II.3; §II.4.2",
    },
    {
      key: "cq-sinh-hoat",
      title: "Sinh hoạt chính trị, tư tưởng của UBND, Ủy ban MTTQ và các đoàn thể phường",
      ...SEPARATE_90_MINUTES,
      materialsChannel: "gui-truc-tiep",
      speakers: [
        {
          who: "members",
          minShare: 1,
          cite: "004 §II.4.3 (tương tự quy định 100% đảng ủy viên tham gia ý kiến, §II.4.2)",
        },
      ],
      votes: [{ subject: "minutes", cite: "004 §II.4.3; §II.4.2 Bước 3" }],
      attendance: [
        {
          appliesTo: { unitKinds: ["co-quan"] },
          key: "bi-thu-dang-uy",
          required: true,
          role: "du-chi-dao",
          who: ["Đồng chí Bí thư Đảng ủy phường"],
          cite: "004 §II.4.3",
        },
        {
          appliesTo: { unitKinds: ["co-quan"] },
          key: "lanh-dao-ubnd",
          required: true,
          role: "thanh-phan",
          who: [
            "Chủ tịch, các Phó Chủ tịch UBND",
            "Trưởng công an",
            "Công chức phường: Chỉ huy trưởng Ban Chỉ huy Quân sự; Văn phòng - thống kê; Địa chính - xây dựng - đô thị và môi trường; Tài chính - kế toán; Tư pháp - hộ tịch; Văn hóa - xã hội",
          ],
          cite: "004 §II.4.3",
        },
        {
          appliesTo: { unitKinds: ["doan-the"], unitNameIncludes: MTTQ },
          key: "bi-thu-dang-uy-mttq",
          required: true,
          role: "du-chi-dao",
          who: ["Đồng chí Bí thư (hoặc Phó Bí thư thường trực) Đảng ủy phường"],
          cite: "004 §II.4.3",
        },
        {
          appliesTo: { unitKinds: ["doan-the"], unitNameIncludes: MTTQ },
          role: "thanh-phan",
          who: ["Ban Thường trực Ủy ban MTTQ phường"],
          cite: "004 §II.4.3",
        },
        {
          appliesTo: { unitKinds: ["doan-the"], unitNameExcludes: MTTQ },
          key: "bi-thu-dang-uy-doan-the",
          required: true,
          role: "du-chi-dao",
          who: ["Đồng chí Bí thư (hoặc Phó Bí thư) Đảng ủy phường"],
          cite: "004 §II.4.3",
        },
        {
          appliesTo: { unitKinds: ["doan-the"], unitNameExcludes: MTTQ },
          role: "thanh-phan",
          who: ["Ban Thường vụ các đoàn thể chính trị - xã hội phường"],
          cite: "004 §II.4.3",
        },
        {
          role: "du-chi-dao",
          who: ["Các đồng chí Ủy viên Ban Thường vụ phụ trách"],
          cite: "004 §IV.1",
        },
      ],
      notes: [
        "Cách làm tương tự như đảng ủy phường; tỷ lệ tham gia ý kiến áp dụng tương tự cho thành phần tham dự của cơ quan, đoàn thể.",
      ],
      cite: "004 §II.3; §II.4.3",
    },
  ],
  excusals: {
    statuses: ["mien-sinh-hoat"],
    voluntarySubmissionAllowed: true,
    note: "Kế hoạch không nêu; đảng viên được miễn sinh hoạt đảng không phải dự sinh hoạt chi bộ nên được miễn.",
    cite: "004 không nêu (áp dụng quy định chung về miễn sinh hoạt đảng)",
  },
  routing: { publication: [], supervision: [], forwarding: [] },
  followUp: { periodicReports: [], milestones: [] },
  reports: [
    {
      key: "bao-cao-dang-uy-phuong",
      title: "Báo cáo kết quả triển khai thực hiện đợt sinh hoạt chính trị, tư tưởng",
      stepKey: "cb-bao-cao",
      from: CHI_BO,
      to: "Đảng ủy phường",
      via: "Văn phòng Đảng ủy",
      formKey: "bao-cao-ket-qua",
      cite: "004 §IV.3",
    },
    {
      key: "bao-cao-ban-thuong-vu",
      title: "Báo cáo kết quả triển khai sau đợt sinh hoạt chính trị, tư tưởng",
      stepKey: "tuyen-giao-bao-cao",
      from: DANG_UY,
      to: "Ban Thường vụ Đảng ủy",
      via: "Cán bộ Tuyên giáo Đảng ủy",
      formKey: "bao-cao-ket-qua",
      cite: "004 §IV.2",
    },
  ],
  materials: [
    {
      title:
        "Chỉ thị số 24-CT/TU ngày 07/8/2023 của Ban Thường vụ Thành ủy Hà Nội về “tăng cường kỷ cương, kỷ luật và trách nhiệm giải quyết công việc trong hệ thống chính trị thành phố Hà Nội”",
      cite: "004 §II.1",
    },
    {
      title: "Kế hoạch số 171-KH/TU ngày 14/8/2023 của Ban Thường vụ Thành ủy Hà Nội",
      cite: "004 §II.1",
    },
    {
      title: "Kế hoạch số 186-KH/QU ngày 28/8/2023 của Ban Thường vụ Quận ủy Long Biên",
      cite: "004 §II.1",
    },
    {
      title:
        "Bài viết “Bệnh sợ trách nhiệm” trong cuốn sách “Kiên quyết, kiên trì đấu tranh phòng, chống tham nhũng, tiêu cực, góp phần xây dựng Đảng và Nhà nước ta ngày càng trong sạch, vững mạnh” của đồng chí Tổng Bí thư Nguyễn Phú Trọng",
      cite: "004 §II.1",
    },
  ],
};
