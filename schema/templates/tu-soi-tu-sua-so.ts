/**
 * "Tự soi, tự sửa" as a department committee runs it: Kế hoạch 28-KH/ĐUK of a Đảng ủy Sở
 * (seed 001). Unlike the district variant there is a half-day study conference first, the
 * self-criticism happens inside the regular monthly meetings (not separately), and the cells
 * report to the Đảng ủy Sở "trước ngày 28/03/2022", which is the campaign end.
 *
 * 001 prints no personal form; the member's self-review form here only names the three things
 * §III.3.1 asks each member to do, so that the cell can see who has done it.
 */
import type { TemplateDefinition } from "../template";
import { quyDinh37 } from "./lists";
import { form, longText } from "./fields";

export const tuSoiTuSuaSo: TemplateDefinition = {
  key: "tu-soi-tu-sua-so",
  version: 1,
  name: "Tự soi, tự sửa (Đảng ủy Sở)",
  description:
    "Nghiên cứu, học tập, quán triệt Kết luận 21-KL/TW và Quy định 37-QĐ/TW; kiểm điểm tự phê bình và phê bình “tự soi, tự sửa” trong các kỳ sinh hoạt chi bộ hằng tháng; báo cáo Đảng ủy Sở.",
  source: {
    documentNo: "28-KH/ĐUK",
    kind: "Kế hoạch",
    title:
      "Nghiên cứu, học tập, quán triệt và triển khai thực hiện kết luận, quy định của Hội nghị Trung ương 4 khóa XIII; tổ chức sinh hoạt chính trị về xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    // The plan bears no date in the seed; it follows KH 53-KH/ĐUK of 01/3/2022.
    date: "2022-03-01",
    issuer: "Đảng ủy Sở",
    basedOn: ["Kế hoạch số 53-KH/ĐUK ngày 01/3/2022 của Đảng ủy Khối các cơ quan và doanh nghiệp"],
  },
  schedule: {
    startsOn: "2022-03-01",
    dueOn: "2022-03-28",
    dueRule: "truoc-ngay",
    cite: "001 §II.3 (hoàn thành trong tháng 3/2022); phần Tổ chức thực hiện (báo cáo trước ngày 28/03/2022)",
  },
  steps: [
    {
      key: "hoi-nghi-hoc-tap",
      title:
        "Hội nghị nghiên cứu, học tập, quán triệt Kết luận, Quy định Hội nghị Trung ương 4 khóa XIII",
      description:
        "Thời gian 0,5 ngày; đồng chí Bí thư chi bộ trực tiếp báo cáo kết luận, quy định cho cán bộ, đảng viên chi bộ mình. Kết hợp học tập tại hội nghị với tự học, tự nghiên cứu.",
      owner: "unit",
      kind: "study-conference",
      appliesTo: { unitKinds: ["chi-bo"] },
      // "Hoàn thành trong tháng 3/2022", but the report on it is due before 28/3: the earlier
      // of the two binds, so the conference is held by the end of 27/3.
      due: { kind: "campaign-end", rule: "den-het-ngay" },
      meetingRulesKey: "hoi-nghi-hoc-tap",
      completion: "meeting-held",
      cite: "001 §II.2, §II.3",
    },
    {
      key: "ke-hoach-hanh-dong",
      title: "Xây dựng kế hoạch hành động của chi bộ",
      description:
        "Cấp ủy chi bộ xây dựng kế hoạch hành động phù hợp; bổ sung, lồng ghép nội dung thực hiện Kết luận số 21-KL/TW vào chương trình hành động thực hiện Nghị quyết Đại hội XIII; phân công trách nhiệm lãnh đạo, chỉ đạo cụ thể.",
      owner: "unit",
      kind: "action-plan",
      appliesTo: { unitKinds: ["chi-bo"] },
      due: { kind: "campaign-end" },
      after: ["hoi-nghi-hoc-tap"],
      formKey: "ke-hoach-hanh-dong-chi-bo",
      completion: "unit-form-submitted",
      cite: "001 §II.4",
    },
    {
      key: "tu-kiem-diem",
      title: "Tự soi, tự sửa của cá nhân",
      description:
        "Mỗi cán bộ, đảng viên, đặc biệt là người đứng đầu cấp ủy, gương mẫu, tự giác làm trước: nghiêm túc tự phê bình, kiểm điểm, tự soi lại mình, gia đình mình, cơ quan mình để tự sửa.",
      owner: "member",
      kind: "self-assessment",
      appliesTo: { unitKinds: ["chi-bo"] },
      due: { kind: "relative", toStep: "kiem-diem", offsetDays: -1, rule: "truoc-ngay" },
      after: ["hoi-nghi-hoc-tap"],
      formKey: "tu-soi-tu-sua-ca-nhan",
      completion: "member-form-submitted",
      cite: "001 §III.3.1",
    },
    {
      key: "kiem-diem",
      title: "Kiểm điểm tự phê bình và phê bình trong sinh hoạt chi bộ",
      description:
        "Đưa nội dung Kết luận, Quy định Hội nghị Trung ương 4 (khóa XIII) vào sinh hoạt cấp ủy, sinh hoạt chi bộ để thảo luận, kiểm điểm tự phê bình và phê bình, đề ra nhiệm vụ, giải pháp cụ thể.",
      owner: "unit",
      kind: "meeting",
      appliesTo: { unitKinds: ["chi-bo"] },
      due: { kind: "campaign-end", rule: "den-het-ngay" },
      after: ["hoi-nghi-hoc-tap"],
      meetingRulesKey: "kiem-diem-thuong-ky",
      completion: "meeting-held",
      cite: "001 §III.3.1, §III.4",
    },
    {
      key: "bao-cao",
      title: "Gửi báo cáo kết quả về Đảng ủy Sở",
      description: "Kết thúc đợt học tập, sinh hoạt chính trị gửi báo cáo về Đảng ủy Sở.",
      owner: "unit",
      kind: "report-upward",
      appliesTo: { unitKinds: ["chi-bo"] },
      due: { kind: "campaign-end" },
      after: ["hoi-nghi-hoc-tap", "kiem-diem"],
      formKey: "bao-cao-ket-qua",
      completion: "report-filed",
      cite: "001 phần Tổ chức thực hiện",
    },
    {
      key: "tuyen-truyen",
      title: "Tuyên truyền, phổ biến trên trang thông tin điện tử của Sở",
      description:
        "Đảng ủy Sở căn cứ tài liệu hỏi - đáp của Ban Tuyên giáo Trung ương đẩy mạnh tuyên truyền, phổ biến đến người lao động.",
      owner: "unit",
      kind: "publicize",
      appliesTo: { unitKinds: ["dang-bo", "dang-bo-co-so"] },
      due: { kind: "undated", note: "Kế hoạch không nêu hạn." },
      completion: "acknowledged",
      evidence: {
        what: "Đường dẫn bài tuyên truyền trên trang thông tin điện tử của Sở và ngày đăng",
        needs: ["link"],
      },
      cite: "001 §II.5",
    },
  ],
  forms: [
    form(
      {
        key: "tu-soi-tu-sua-ca-nhan",
        title: "Tự soi, tự sửa của cá nhân",
        intro:
          "Căn cứ Kết luận và Quy định của Hội nghị Trung ương 4 khóa XIII, nghiêm túc tự phê bình, kiểm điểm, tự soi lại mình, gia đình mình, cơ quan mình để tự sửa.",
        owner: "member",
      },
      [
        longText("tu-soi", "Tự soi lại mình, gia đình mình, cơ quan mình", true),
        longText("mat-tich-cuc", "Mặt tích cực cần phát huy", true),
        longText("han-che", "Mặt hạn chế, khuyết điểm cần khắc phục", true),
      ],
      "001 §III.3.1",
    ),
    form(
      {
        key: "ke-hoach-hanh-dong-chi-bo",
        title: "Kế hoạch hành động của chi bộ thực hiện Kết luận số 21-KL/TW",
        owner: "unit",
      },
      [
        longText(
          "noi-dung",
          "Nội dung thực hiện Kết luận số 21-KL/TW bổ sung, lồng ghép vào chương trình hành động thực hiện Nghị quyết Đại hội XIII của Đảng",
          true,
        ),
        longText("phan-cong", "Phân công trách nhiệm lãnh đạo, chỉ đạo", true),
      ],
      "001 §II.4",
    ),
    form(
      {
        key: "bao-cao-ket-qua",
        title: "Báo cáo kết quả nghiên cứu, học tập, quán triệt và sinh hoạt chính trị",
        owner: "unit",
      },
      [
        {
          ...longText(
            "hoc-tap-quan-triet",
            "Kết quả nghiên cứu, học tập, quán triệt Kết luận 21-KL/TW, Quy định 37-QĐ/TW",
            true,
          ),
          refersTo: ["qd37-19-dieu"],
        },
        longText(
          "sinh-hoat-chinh-tri",
          "Kết quả sinh hoạt chính trị “tự soi, tự sửa” tại chi bộ",
          true,
        ),
      ],
      "001 phần Tổ chức thực hiện",
    ),
    {
      key: "kiem-diem-hang-thang",
      version: 1,
      title: "Kiểm điểm tự phê bình và phê bình trong kỳ sinh hoạt chi bộ hằng tháng",
      owner: "unit",
      // 001 prints no form: the fields are what §III.3.1 asks the cell's meeting to do.
      fields: [
        {
          ...longText(
            "noi-dung-thao-luan",
            "Nội dung Kết luận, Quy định Hội nghị Trung ương 4 (khóa XIII) đưa vào sinh hoạt để thảo luận, kiểm điểm tự phê bình và phê bình",
            true,
          ),
          refersTo: ["qd37-19-dieu"],
        },
        longText("mat-tich-cuc", "Mặt tích cực cần phát huy", true),
        longText("han-che", "Mặt hạn chế, khuyết điểm cần khắc phục", true),
        longText("nhiem-vu-giai-phap", "Nhiệm vụ, giải pháp cụ thể đề ra", true),
      ],
      cite: "001 §III.3.1, §III.4",
    },
  ],
  lists: [quyDinh37()],
  meetingRules: [
    {
      key: "hoi-nghi-hoc-tap",
      title: "Hội nghị nghiên cứu, học tập, quán triệt",
      // "Thời gian: 0,5 ngày" (001 §II.3): one buổi of a working day.
      minDurationDays: 0.5,
      agenda: [
        {
          title: "Báo cáo kết luận, quy định của Hội nghị Trung ương 4 khóa XIII",
          presenter: "Bí thư chi bộ",
        },
      ],
      attendance: [
        {
          role: "thanh-phan",
          who: ["Tất cả cán bộ, đảng viên, công chức, đoàn viên công đoàn"],
          cite: "001 §II.2.1",
        },
      ],
      notes: ["Thời gian: 0,5 ngày, hoàn thành trong tháng 3/2022."],
      cite: "001 §II.2, §II.3",
    },
    {
      key: "kiem-diem-thuong-ky",
      title: "Kiểm điểm tự phê bình và phê bình trong sinh hoạt cấp ủy, chi bộ",
      relationToRegularMeeting: "within-regular",
      // "Trong các kỳ sinh hoạt cấp ủy, sinh hoạt chi bộ hàng tháng" (001 §III.4).
      recurrence: "monthly",
      leadersPresentFirst: true,
      notes: [
        "Người đứng đầu cấp ủy gương mẫu, tự giác làm trước; không đứng ngoài cuộc, không đùn đẩy trách nhiệm.",
        "Khắc phục tình trạng xuê xoa, nể nang và lợi dụng dịp này để “đấu đá”, “hạ bệ” nhau.",
      ],
      cite: "001 §III.3.1, §III.4",
    },
  ],
  excusals: {
    statuses: ["mien-sinh-hoat"],
    voluntarySubmissionAllowed: true,
    note: "Kế hoạch không nêu; đảng viên được miễn sinh hoạt đảng không phải dự sinh hoạt chi bộ nên được miễn.",
    cite: "001 không nêu (áp dụng quy định chung về miễn sinh hoạt đảng)",
  },
  routing: { publication: [], supervision: [], forwarding: [] },
  followUp: {
    monthlyReview: {
      title: "Kiểm điểm tự phê bình và phê bình trong các kỳ sinh hoạt hằng tháng",
      in: "sinh-hoat-cap-uy-va-chi-bo",
      by: "chi-bo",
      subjects: ["self-criticism"],
      appliesTo: { unitKinds: ["chi-bo"] },
      formKey: "kiem-diem-hang-thang",
      startsAfterStep: "kiem-diem",
      cite: "001 §III.4",
    },
    periodicReports: [],
    yearEndRanking: {
      input:
        "Kết quả thực hiện Kết luận là tiêu chí đánh giá hằng năm và cả nhiệm kỳ đối với tập thể cấp ủy chi bộ và người đứng đầu; kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên cuối năm 2022.",
      cite: "001 §II.4; §III.4",
      members: {
        title:
          "Tự đánh giá kết quả thực hiện kế hoạch, cam kết cá nhân làm đầu vào kiểm điểm, xếp loại đảng viên cuối năm",
        cite: "001 §II.4",
      },
    },
    milestones: [
      {
        title: "Cao điểm: kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2022)",
        date: "2022-05-19",
        cite: "001 §III.4",
      },
      { title: "Kiểm điểm 6 tháng đầu năm", at: "giua-nam", cite: "001 §III.4" },
      {
        title: "Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên cuối năm",
        at: "cuoi-nam",
        cite: "001 §III.4",
      },
    ],
  },
  reports: [
    {
      key: "bao-cao-dang-uy-so",
      title: "Báo cáo kết quả đợt học tập, sinh hoạt chính trị",
      stepKey: "bao-cao",
      from: { unitKinds: ["chi-bo"] },
      to: "Đảng ủy Sở",
      formKey: "bao-cao-ket-qua",
      cite: "001 phần Tổ chức thực hiện",
    },
  ],
  materials: [
    {
      title: "Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng",
      cite: "001 §II.1.1",
    },
    {
      title:
        "Quy định số 37-QĐ/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng về những điều đảng viên không được làm",
      cite: "001 §II.1.1",
    },
    {
      title: "Kế hoạch số 49-KH/TU ngày 27/01/2022 của Tỉnh ủy về thực hiện Kết luận số 21-KL/TW",
      cite: "001 §II.1.1",
    },
    {
      title: "Kế hoạch số 52-KH/ĐUK ngày 01/3/2022 của Ban Thường vụ Đảng ủy Khối",
      cite: "001 §II.1.1",
    },
    {
      title:
        "Tài liệu học tập các văn kiện Hội nghị lần thứ 4 Ban Chấp hành Trung ương Đảng khóa XIII",
      note: "Dùng cho cán bộ, đảng viên ở cơ sở; tài liệu nghiên cứu dùng cho cán bộ chủ chốt và báo cáo viên; tài liệu hỏi - đáp dùng cho đoàn viên.",
      cite: "001 §II.1.2",
    },
  ],
};
