/**
 * Diễn đàn chi bộ: Hướng dẫn 36-HD/BTGTU of a Ban Tuyên giáo Tỉnh ủy, 17/7/2017 (seed 003).
 * Cells hold a forum where members relate themselves to the 27 expressions of NQ 04-NQ/TW in
 * three groups; the cell committee drafts a resolution that the next regular meeting adopts by
 * vote; each member writes a "2 trong 1" personal plan and signs a commitment with the cell
 * committee; the committee reviews both plans monthly; the committees above report every six
 * months.
 *
 * The document gives no day for any step, only the order and "trong năm 2017", so every step
 * is due at the campaign end (31/12/2017) and ordered with `after`.
 */
import type { TemplateDefinition } from "../template";
import { bieuHien27 } from "./lists";
import { form, LONG, longText, section } from "./fields";

const CHI_BO = { unitKinds: ["chi-bo" as const] };
const YES_NO = [
  { value: "khong", label: "Không có" },
  { value: "co", label: "Có" },
];

export const dienDanChiBo: TemplateDefinition = {
  key: "dien-dan-chi-bo",
  version: 1,
  name: "Diễn đàn chi bộ",
  description:
    "Diễn đàn “Vai trò của chi bộ Đảng trong việc giáo dục, quản lý cán bộ, đảng viên”: đảng viên liên hệ bản thân với 27 biểu hiện theo 3 nhóm, chi bộ ra Nghị quyết (hoặc Kế hoạch hành động), đảng viên xây dựng kế hoạch “2 trong 1” và ký cam kết; chi ủy rà soát hằng tháng.",
  source: {
    documentNo: "36-HD/BTGTU",
    kind: "Hướng dẫn",
    title:
      "Tổ chức diễn đàn “Vai trò của chi bộ Đảng trong việc giáo dục, quản lý cán bộ, đảng viên để ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ”",
    date: "2017-07-17",
    issuer: "Ban Tuyên giáo Tỉnh ủy",
    basedOn: ["Kế hoạch số 47-KH/TU ngày 22/3/2017 của Ban Thường vụ Tỉnh ủy"],
  },
  schedule: {
    startsOn: "2017-07-17",
    dueOn: "2017-12-31",
    dueRule: "den-het-ngay",
    cite: "003 §III.3 (tạo bước chuyển biến tích cực ngay sau Diễn đàn … trong năm 2017)",
  },
  steps: [
    {
      key: "ke-hoach-chi-dao",
      title: "Xây dựng kế hoạch chỉ đạo các bước thực hiện diễn đàn",
      description:
        "Đảng ủy cơ sở xây dựng kế hoạch chỉ đạo các bước để các chi bộ triển khai thống nhất theo kế hoạch thời gian hằng tháng và hằng năm; phân công đảng ủy viên phụ trách theo dõi, giúp đỡ chi ủy xây dựng nội dung, kịch bản; cung cấp đầy đủ thông tin, tài liệu.",
      owner: "unit",
      kind: "cascade-guidance",
      appliesTo: { unitKinds: ["dang-bo-co-so"] },
      due: {
        kind: "undated",
        note: "Hướng dẫn không nêu hạn; làm trước khi các chi bộ tổ chức diễn đàn.",
      },
      completion: "acknowledged",
      evidence: {
        what: "Số, ngày của kế hoạch chỉ đạo tổ chức diễn đàn gửi các chi bộ",
        needs: ["link-or-file"],
      },
      cite: "003 §III.2",
    },
    {
      key: "chuan-bi",
      title: "Chuẩn bị diễn đàn",
      description:
        "Chi ủy chuẩn bị kịch bản chi tiết (tuyên bố lý do, giới thiệu đại biểu; khái quát tình hình, nhiệm vụ; thời cơ, thách thức và 10 nhiệm vụ trọng tâm về xây dựng Đảng; nội dung 27 biểu hiện; đề dẫn gợi ý thảo luận); chuẩn bị hội trường, ma-két; mời đại biểu.",
      owner: "unit",
      kind: "prepare-meeting",
      appliesTo: CHI_BO,
      due: { kind: "relative", toStep: "dien-dan", offsetDays: -1, rule: "truoc-ngay" },
      meetingRulesKey: "dien-dan",
      completion: "meeting-scheduled",
      cite: "003 §II.1; §III.3",
    },
    {
      key: "tu-lien-he",
      title: "Tự liên hệ bản thân với 27 biểu hiện",
      description:
        "Đảng viên tự giác liên hệ bản thân mình với 27 biểu hiện theo 3 nhóm; nếu có thì biểu hiện đó đang ở mức độ nào; nêu nguyên nhân và giải pháp khắc phục.",
      owner: "member",
      kind: "self-assessment",
      appliesTo: CHI_BO,
      due: { kind: "relative", toStep: "dien-dan", offsetDays: 0, rule: "den-het-ngay" },
      formKey: "tu-lien-he-27",
      completion: "member-form-submitted",
      cite: "003 §II.2.a",
    },
    {
      key: "dien-dan",
      title: "Tổ chức Diễn đàn tại hội trường",
      description:
        "Chi ủy viên thông tin khái quát tình hình; Phó Bí thư quán triệt 10 nhiệm vụ trọng tâm và nêu 27 biểu hiện; Bí thư đề dẫn; đảng viên thảo luận, liên hệ; Bí thư chi bộ kết luận.",
      owner: "unit",
      kind: "meeting",
      appliesTo: CHI_BO,
      due: { kind: "campaign-end" },
      after: ["chuan-bi"],
      formKey: "ket-luan-dien-dan",
      meetingRulesKey: "dien-dan",
      completion: "meeting-held",
      cite: "003 §II.2.a",
    },
    {
      key: "hop-chi-uy",
      title: "Họp chi ủy sau diễn đàn, dự thảo Nghị quyết (hoặc Kế hoạch hành động)",
      description:
        "Đánh giá kết quả diễn đàn; lựa chọn giải pháp hay, mô hình khả thi; dự thảo Nghị quyết hoặc Kế hoạch hành động của chi bộ.",
      owner: "unit",
      kind: "draft-resolution",
      appliesTo: CHI_BO,
      due: { kind: "campaign-end" },
      after: ["dien-dan"],
      formKey: "du-thao-nghi-quyet",
      completion: "unit-form-submitted",
      cite: "003 §II.2.b",
    },
    {
      key: "thong-qua-nghi-quyet",
      title: "Thông qua Nghị quyết (hoặc Kế hoạch hành động) của chi bộ",
      description:
        "Tại kỳ sinh hoạt chi bộ tới, thông qua toàn thể đảng viên bản dự thảo và biểu quyết thống nhất thực hiện.",
      owner: "unit",
      kind: "adopt-resolution",
      appliesTo: CHI_BO,
      due: { kind: "campaign-end" },
      after: ["hop-chi-uy"],
      meetingRulesKey: "thong-qua-nghi-quyet",
      completion: "meeting-held",
      cite: "003 §II.3.1",
    },
    {
      key: "ke-hoach-ca-nhan",
      title: "Xây dựng kế hoạch phấn đấu, rèn luyện của cá nhân (“2 trong 1”)",
      description:
        "Căn cứ Nghị quyết (hoặc Kế hoạch hành động) của chi bộ, mỗi đảng viên xây dựng kế hoạch phấn đấu, rèn luyện thực hiện Nghị quyết Trung ương 4 khóa XII gắn với kế hoạch làm theo Bác của cá nhân.",
      owner: "member",
      kind: "personal-plan",
      appliesTo: CHI_BO,
      due: { kind: "campaign-end" },
      after: ["thong-qua-nghi-quyet"],
      formKey: "ke-hoach-2-trong-1",
      completion: "member-form-submitted",
      cite: "003 §II.3.2",
    },
    {
      key: "le-ky-cam-ket",
      title: "Tổ chức lễ ký cam kết thực hiện kế hoạch phấn đấu, rèn luyện",
      owner: "unit",
      kind: "commitment-ceremony",
      appliesTo: CHI_BO,
      due: { kind: "campaign-end" },
      after: ["ke-hoach-ca-nhan"],
      completion: "acknowledged",
      evidence: {
        what: "Ngày, nơi tổ chức lễ ký cam kết và số đảng viên đã ký",
        needs: ["place", "note"],
      },
      cite: "003 §II.3.3",
    },
    {
      key: "ky-cam-ket",
      title: "Ký cam kết thực hiện kế hoạch phấn đấu, rèn luyện với Chi ủy",
      owner: "member",
      kind: "commitment",
      appliesTo: CHI_BO,
      due: { kind: "relative", toStep: "le-ky-cam-ket", offsetDays: 0, rule: "den-het-ngay" },
      after: ["ke-hoach-ca-nhan"],
      formKey: "cam-ket",
      completion: "member-form-submitted",
      cite: "003 §II.3.3; §III.3",
    },
  ],
  forms: [
    form(
      {
        key: "tu-lien-he-27",
        title: "Tự liên hệ bản thân với 27 biểu hiện",
        intro:
          "Đảng viên tự giác liên hệ bản thân mình với 27 biểu hiện theo Nghị quyết Trung ương 4 khóa XII. Nếu có thì xem biểu hiện đó đang ở mức độ nào?",
        owner: "member",
      },
      [
        {
          type: "checklist",
          key: "lien-he-27",
          label: "Liên hệ bản thân với 27 biểu hiện theo 3 nhóm",
          required: true,
          listKey: "nq04-27-bieu-hien",
          levels: YES_NO,
          noteLabel: "Biểu hiện đó đang ở mức độ nào?",
          noteRequiredFor: ["co"],
          noteMaxLength: 1000,
        },
        {
          type: "longText",
          key: "nguyen-nhan",
          label: "Nguyên nhân của những biểu hiện đã liên hệ",
          required: false,
          requiredIf: { field: "lien-he-27", equals: "co" },
          maxLength: LONG,
        },
        {
          type: "longText",
          key: "giai-phap",
          label: "Đề xuất giải pháp khắc phục",
          required: false,
          requiredIf: { field: "lien-he-27", equals: "co" },
          maxLength: LONG,
        },
      ],
      "003 §II.2.a",
    ),
    form(
      { key: "ket-luan-dien-dan", title: "Kết quả Diễn đàn", owner: "unit" },
      [
        {
          type: "section",
          key: "lien-he-chi-bo",
          label:
            "Liên hệ tình hình chung trong chi bộ: trong chi bộ có hay không theo 3 nhóm biểu hiện",
          fields: [
            {
              type: "choice",
              key: "nhom-1",
              label: "1) Suy thoái về tư tưởng chính trị",
              required: true,
              options: YES_NO,
            },
            {
              type: "choice",
              key: "nhom-2",
              label: "2) Suy thoái về đạo đức lối sống",
              required: true,
              options: YES_NO,
            },
            {
              type: "choice",
              key: "nhom-3",
              label: "3) Biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ",
              required: true,
              options: YES_NO,
            },
          ],
        },
        section("ket-luan", "Bí thư chi bộ kết luận buổi diễn đàn", [
          longText("nhan-xet", "Nhận xét tổng quan buổi diễn đàn", true),
          longText(
            "bieu-hien-nguyen-nhan",
            "Những biểu hiện đã được đảng viên thảo luận, liên hệ và nguyên nhân của những biểu hiện đó",
            true,
          ),
          longText(
            "nhiem-vu-giai-phap",
            "Những nhiệm vụ, giải pháp đề xuất của đảng viên được thống nhất nhằm phát huy vai trò chi bộ trong việc giáo dục, quản lý cán bộ, đảng viên",
            true,
          ),
        ]),
      ],
      "003 §II.2.a",
    ),
    form(
      {
        key: "du-thao-nghi-quyet",
        title: "Dự thảo Nghị quyết (hoặc Kế hoạch hành động) của chi bộ",
        owner: "unit",
      },
      [
        {
          type: "choice",
          key: "hinh-thuc",
          label: "Hình thức",
          required: true,
          options: [
            { value: "nghi-quyet", label: "Nghị quyết" },
            { value: "ke-hoach-hanh-dong", label: "Kế hoạch hành động" },
          ],
        },
        longText("danh-gia-dien-dan", "Đánh giá kết quả diễn đàn", true),
        longText(
          "giai-phap-chon",
          "Giải pháp hay, mô hình thực hiện mang tính khả thi cao được lựa chọn",
          true,
        ),
        longText(
          "noi-dung",
          "Nhiệm vụ, giải pháp nhằm tăng cường giáo dục, quản lý cán bộ, đảng viên để ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức lối sống, những biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ",
          true,
        ),
      ],
      "003 §II.2.b",
    ),
    form(
      {
        key: "ke-hoach-2-trong-1",
        title:
          "Kế hoạch phấn đấu, rèn luyện của cá nhân thực hiện Nghị quyết Trung ương 4 khóa XII gắn với Kế hoạch làm theo Bác (“2 trong 1”)",
        intro:
          "Căn cứ Nghị quyết (hoặc Kế hoạch hành động) của chi bộ; lồng ghép 2 bản kế hoạch cá nhân làm một theo Hướng dẫn số 23-HD/BTGTU ngày 14/2/2017 của Ban Tuyên giáo Tỉnh ủy.",
        owner: "member",
      },
      [
        longText(
          "phan-dau-ren-luyen",
          "Kế hoạch phấn đấu, rèn luyện thực hiện Nghị quyết Trung ương 4 khóa XII",
          true,
        ),
        longText(
          "lam-theo-bac",
          "Kế hoạch làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh của cá nhân",
          true,
        ),
      ],
      "003 §II.3.2",
    ),
    form(
      { key: "cam-ket", title: "Bản cam kết phấn đấu, rèn luyện", owner: "member" },
      [
        {
          type: "commitment",
          key: "cam-ket",
          label: "Đảng viên cam kết",
          help: "Ký tại lễ ký cam kết của chi bộ.",
          required: true,
          statement: "Tôi cam kết với Chi ủy thực hiện kế hoạch phấn đấu, rèn luyện của cá nhân.",
        },
        {
          type: "cellConfirmation",
          key: "xac-nhan-chi-uy",
          label: "XÁC NHẬN CỦA CHI ỦY",
          required: true,
        },
      ],
      "003 §II.3.3; §III.3",
    ),
    form(
      {
        key: "ra-soat-hang-thang",
        title: "Rà soát hằng tháng việc thực hiện kế hoạch",
        owner: "unit",
      },
      [
        longText("tap-the", "Việc thực hiện Nghị quyết (hoặc Kế hoạch hành động) của chi bộ", true),
        longText(
          "ca-nhan",
          "Việc thực hiện kế hoạch phấn đấu, rèn luyện và bản cam kết của đảng viên",
          true,
        ),
        longText("chuong-trinh-thang-toi", "Chương trình công tác tháng tới", false),
      ],
      "003 §II.3.4; §III.3",
    ),
    form(
      {
        key: "bao-cao-6-thang",
        title: "Báo cáo tình hình, kết quả triển khai Diễn đàn",
        owner: "unit",
      },
      [
        longText("tinh-hinh-ket-qua", "Tình hình, kết quả triển khai Diễn đàn", true),
        longText("cach-lam-hay", "Những cách làm hay, sáng tạo được nhân rộng", false),
      ],
      "003 §III.1; §III.2",
    ),
  ],
  lists: [bieuHien27()],
  meetingRules: [
    {
      key: "dien-dan",
      title: "Diễn đàn chi bộ",
      appointsMinutesSecretary: true,
      agenda: [
        { title: "Tuyên bố lý do, giới thiệu đại biểu; giới thiệu Chủ trì và Thư ký diễn đàn" },
        {
          title:
            "Thông tin khái quát về tình hình, nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh, xây dựng đảng và hệ thống chính trị; những thời cơ, thách thức và các vấn đề đặt ra đối với Đảng",
          presenter: "Chi ủy viên",
        },
        {
          title:
            "Quán triệt 10 nhiệm vụ trọng tâm về xây dựng Đảng trong Văn kiện Đại hội XII; nêu 27 biểu hiện",
          presenter: "Phó Bí thư chi bộ",
        },
        {
          title: "Đề dẫn, gợi ý đảng viên thảo luận, liên hệ với 27 biểu hiện",
          presenter: "Bí thư chi bộ",
        },
        {
          title:
            "Đảng viên thảo luận: liên hệ tình hình chung trong chi bộ theo 3 nhóm; tự liên hệ bản thân; tìm nguyên nhân và đề xuất giải pháp khắc phục",
          presenter: "Đảng viên",
        },
        { title: "Kết luận buổi diễn đàn", presenter: "Bí thư chi bộ" },
      ],
      attendance: [
        {
          key: "thuong-truc-dang-uy",
          required: true,
          role: "khach-moi",
          who: [
            "Đại diện Thường trực Đảng ủy cơ sở",
            "Đồng chí Đảng ủy viên cấp trên cơ sở phụ trách địa bàn",
          ],
          cite: "003 §II.1.3",
        },
        {
          role: "khach-moi",
          when: "Chi bộ địa bàn dân cư",
          who: ["Đại diện Ủy ban Mặt trận và các đoàn thể chính trị - xã hội cấp cơ sở"],
          cite: "003 §II.1.3",
        },
        {
          role: "khach-moi",
          when: "Chi bộ cơ quan hành chính, đơn vị sự nghiệp, lực lượng vũ trang, doanh nghiệp",
          who: [
            "Đại diện các tổ chức chính trị - xã hội (nếu có): Công đoàn, Đoàn thanh niên, Hội Phụ nữ cấp cơ sở",
          ],
          cite: "003 §II.1.3",
        },
      ],
      notes: [
        "Thảo luận, đối thoại dân chủ, cởi mở và chân tình; không lợi dụng Diễn đàn để chỉ trích, phê bình kiểm điểm nhau một cách nặng nề.",
        "Dành thời lượng thỏa đáng để đảng viên thảo luận, liên hệ 27 biểu hiện sát với tình hình chi bộ; chi bộ đông đảng viên có thể bố trí trong 01 ngày, hoặc 02 buổi trong tuần.",
        "Chuẩn bị hội trường (trang trí, âm thanh, ánh sáng) và ma-két ghi rõ tên Diễn đàn.",
      ],
      cite: "003 §I.2; §II.1; §II.2.a; §III.3",
    },
    {
      key: "thong-qua-nghi-quyet",
      title: "Kỳ sinh hoạt chi bộ thông qua Nghị quyết (hoặc Kế hoạch hành động)",
      relationToRegularMeeting: "within-regular",
      votes: [{ subject: "resolution", cite: "003 §II.3.1" }],
      attendance: [{ role: "thanh-phan", who: ["Toàn thể đảng viên chi bộ"], cite: "003 §II.3.1" }],
      cite: "003 §II.3.1",
    },
  ],
  excusals: {
    statuses: ["mien-sinh-hoat"],
    voluntarySubmissionAllowed: true,
    note: "Hướng dẫn không nêu; đảng viên được miễn sinh hoạt đảng không phải dự sinh hoạt chi bộ nên được miễn.",
    cite: "003 không nêu (áp dụng quy định chung về miễn sinh hoạt đảng)",
  },
  routing: { publication: [], supervision: [], forwarding: [] },
  followUp: {
    monthlyReview: {
      title:
        "Rà soát hằng tháng việc thực hiện kế hoạch hành động của tập thể và kế hoạch phấn đấu, rèn luyện của cá nhân",
      in: "sinh-hoat-chi-bo-thuong-ky",
      by: "chi-uy",
      subjects: ["unit-action-plan", "personal-plan"],
      appliesTo: CHI_BO,
      formKey: "ra-soat-hang-thang",
      startsAfterStep: "le-ky-cam-ket",
      notes: [
        "Hằng tháng xây dựng Chương trình công tác để triển khai Nghị quyết (hoặc Kế hoạch hành động) của chi bộ và kế hoạch phấn đấu, rèn luyện của cá nhân; theo dõi, kiểm tra, giám sát việc thực hiện bản cam kết của mỗi đảng viên.",
      ],
      cite: "003 §II.3.4; §III.3",
    },
    periodicReports: [
      {
        key: "bao-cao-6-thang",
        title: "Báo cáo tình hình, kết quả triển khai Diễn đàn",
        every: "6-thang",
        from: { unitKinds: ["dang-bo"] },
        to: "Ban Tuyên giáo Tỉnh ủy",
        formKey: "bao-cao-6-thang",
        cite: "003 §III.1",
      },
    ],
    yearEndRanking: {
      input:
        "Kế hoạch hành động của tập thể và kế hoạch phấn đấu, rèn luyện của cá nhân: cuối năm làm căn cứ tiêu chí phấn đấu để xếp loại tổ chức Đảng và chất lượng đảng viên.",
      cite: "003 §II.3.4",
      members: {
        title:
          "Tự đánh giá kết quả thực hiện kế hoạch phấn đấu, rèn luyện của cá nhân làm căn cứ xếp loại đảng viên cuối năm",
        cite: "003 §II.3.4",
      },
    },
    milestones: [],
  },
  reports: [],
  materials: [
    {
      title:
        "Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Ban Chấp hành Trung ương khóa XII “Về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ”",
      cite: "003 §I.1",
    },
    {
      title:
        "10 nhiệm vụ trọng tâm về xây dựng Đảng nêu trong Văn kiện Đại hội Đảng toàn quốc lần thứ XII",
      cite: "003 §II.1.1",
    },
    {
      title:
        "Hướng dẫn số 23-HD/BTGTU ngày 14/2/2017 của Ban Tuyên giáo Tỉnh ủy về xây dựng kế hoạch hành động của tập thể; kế hoạch làm theo của cá nhân",
      cite: "003 §II.3.2",
    },
  ],
};
