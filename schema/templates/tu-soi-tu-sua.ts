/**
 * "Tự soi, tự sửa" as a district committee runs it: Hướng dẫn of Ban Thường vụ Quận ủy Long
 * Biên, 07/3/2022 (seed 000), with the personal plan form printed at its end.
 *
 * Deadlines: the đợt ends "trước ngày 10/4/2022" (campaign end); the meeting is held by then,
 * materials reach members ≥ 03 days before it, plans are written before it, and cadres the
 * standing committee manages send a copy to Ban Tuyên giáo "trước ngày 15/4/2022" (5 days
 * after the end, which is how a campaign in another year re-bases it).
 */
import type { TemplateDefinition } from "../template";
import { bieuHien27, quyDinh37 } from "./lists";
import { form, LONG, longText, section } from "./fields";

export const tuSoiTuSua: TemplateDefinition = {
  key: "tu-soi-tu-sua",
  version: 1,
  name: "Tự soi, tự sửa",
  description:
    "Đợt sinh hoạt chính trị trong Đảng theo tinh thần Nghị quyết Trung ương 4 (khóa XIII): mỗi đảng viên viết kế hoạch tu dưỡng, rèn luyện, báo cáo tại hội nghị chi bộ, hoàn thiện và ký; chi bộ nhận xét hằng tháng.",
  source: {
    kind: "Hướng dẫn",
    title:
      "Tổ chức đợt sinh hoạt chính trị trong Đảng theo tinh thần Nghị quyết Trung ương 4 (khóa XIII) với chủ đề “Tự soi, tự sửa”",
    date: "2022-03-07",
    issuer: "Ban Thường vụ Quận ủy Long Biên",
    basedOn: [
      "Kế hoạch số 58-KH/TU ngày 21/01/2022 của Thành ủy Hà Nội",
      "Kế hoạch số 105-KH/QU ngày 22/02/2022 của Ban Thường vụ Quận ủy",
    ],
  },
  schedule: {
    // "Trung tuần tháng 3" begins on the 11th.
    startsOn: "2022-03-11",
    dueOn: "2022-04-10",
    dueRule: "truoc-ngay",
    cite: "000 §II.3",
  },
  steps: [
    {
      key: "trien-khai-huong-dan",
      title: "Triển khai hướng dẫn tới từng chi bộ",
      description:
        "Tổ chức cơ sở đảng triển khai hướng dẫn tới từng chi bộ; chỉ đạo MTTQ phường và các chi bộ trực thuộc phối hợp giám sát cán bộ, đảng viên thực hiện kế hoạch tu dưỡng.",
      owner: "unit",
      kind: "cascade-guidance",
      appliesTo: { unitKinds: ["dang-bo-co-so"] },
      due: { kind: "undated", note: "Hướng dẫn không nêu hạn riêng cho việc triển khai." },
      completion: "acknowledged",
      evidence: {
        what: "Văn bản hoặc hội nghị triển khai hướng dẫn tới các chi bộ (ngày, nơi triển khai, số văn bản)",
        needs: ["place", "link-or-file"],
      },
      cite: "000 §III.4",
    },
    {
      key: "chuan-bi",
      title: "Chuẩn bị nội dung hội nghị",
      description:
        "Tập thể cấp ủy chi bộ (nơi không có cấp ủy thì đồng chí Bí thư chi bộ) chỉ đạo chuẩn bị: xác định rõ thời gian, địa điểm, thành phần dự kiểm điểm; nội dung kiểm điểm (theo mục 1.1 và 1.2); tài liệu phục vụ hội nghị.",
      owner: "unit",
      kind: "prepare-meeting",
      appliesTo: { unitKinds: ["chi-bo"] },
      due: { kind: "relative", toStep: "gui-tai-lieu", offsetDays: 0, rule: "den-het-ngay" },
      meetingRulesKey: "hoi-nghi-tu-soi",
      completion: "meeting-scheduled",
      cite: "000 §II.2 Bước 1",
    },
    {
      key: "gui-tai-lieu",
      title: "Gửi tài liệu sinh hoạt đến từng đảng viên",
      description:
        "Gửi tài liệu sinh hoạt đến từng cán bộ, đảng viên để nghiên cứu trước khi diễn ra hội nghị ít nhất 03 ngày.",
      owner: "unit",
      kind: "send-materials",
      appliesTo: { unitKinds: ["chi-bo"] },
      due: { kind: "relative", toStep: "hoi-nghi", offsetDays: -3, rule: "den-het-ngay" },
      after: ["chuan-bi"],
      completion: "materials-sent",
      cite: "000 §II.2 Bước 2",
    },
    {
      key: "viet-ke-hoach",
      title: "Viết bản kế hoạch tu dưỡng, rèn luyện",
      description:
        "Căn cứ nội dung định hướng, đối chiếu, liên hệ bản thân và viết “Bản kế hoạch tu dưỡng, rèn luyện đạo đức, khắc phục hạn chế, thiếu sót của cá nhân” (theo mẫu) để báo cáo tại hội nghị.",
      owner: "member",
      kind: "personal-plan",
      appliesTo: { unitKinds: ["chi-bo"] },
      due: { kind: "relative", toStep: "hoi-nghi", offsetDays: -1, rule: "truoc-ngay" },
      after: ["gui-tai-lieu"],
      formKey: "ke-hoach-tu-duong",
      completion: "member-form-submitted",
      cite: "000 §II.2 Bước 2",
    },
    {
      key: "hoi-nghi",
      title: "Tổ chức hội nghị sinh hoạt chính trị “Tự soi, tự sửa”",
      description:
        "Người chủ trì quán triệt mục đích, yêu cầu, cử thư ký; lần lượt từng đảng viên báo cáo kế hoạch tu dưỡng (đảng viên giữ cương vị lãnh đạo trình bày trước); tập thể chi bộ góp ý cho từng cá nhân. Không lồng ghép với sinh hoạt chuyên đề, sinh hoạt thường kỳ.",
      owner: "unit",
      kind: "meeting",
      appliesTo: { unitKinds: ["chi-bo"] },
      // The whole đợt ends "trước ngày 10/4/2022", so the meeting is held by the end of 9/4;
      // worded "đến hết ngày" so that a scheduled meeting date overrides it as is.
      due: { kind: "campaign-end", rule: "den-het-ngay" },
      after: ["chuan-bi"],
      meetingRulesKey: "hoi-nghi-tu-soi",
      completion: "meeting-held",
      cite: "000 §II.2 Bước 3; §II.3",
    },
    {
      key: "hoan-thien-ky-nop",
      title: "Hoàn thiện, ký và nộp kế hoạch tu dưỡng cho chi bộ",
      description:
        "Tiếp thu ý kiến; sau hội nghị hoàn thiện và ký chính thức, nộp 01 bản cho chi bộ để quản lý và giám sát, cá nhân giữ 01 bản để thực hiện.",
      owner: "member",
      kind: "revise-and-sign",
      appliesTo: { unitKinds: ["chi-bo"] },
      due: { kind: "campaign-end" },
      after: ["hoi-nghi"],
      formKey: "ke-hoach-tu-duong",
      // The signed plan reaches the cell: the cell's confirmation is its receipt.
      completion: "member-form-confirmed",
      cite: "000 §II.2 Bước 3; §II.3",
    },
    {
      key: "xac-nhan-ke-hoach",
      title: "Chi bộ xác nhận kế hoạch tu dưỡng của đảng viên",
      description:
        "Chi bộ nhận bản kế hoạch đã ký, xác nhận (“Xác nhận của chi bộ”) hoặc trả lại để hoàn thiện; lưu để quản lý và giám sát.",
      owner: "unit",
      kind: "confirm-plans",
      appliesTo: { unitKinds: ["chi-bo"] },
      due: { kind: "campaign-end" },
      after: ["hoan-thien-ky-nop"],
      completion: "all-plans-confirmed",
      cite: "000 §II.2 Bước 3; mẫu kế hoạch tu dưỡng",
    },
    {
      key: "niem-yet-cong-khai",
      title: "Niêm yết công khai kế hoạch tu dưỡng tại nơi công tác",
      owner: "member",
      kind: "publish",
      appliesTo: { publication: ["niem-yet-cong-khai"] },
      due: { kind: "campaign-end" },
      after: ["xac-nhan-ke-hoach"],
      completion: "acknowledged",
      evidence: {
        what: "Nơi, ngày niêm yết và ảnh chụp hoặc đường dẫn bản niêm yết",
        needs: ["place", "link-or-file"],
      },
      cite: "000 §II.2 Bước 3",
    },
    {
      key: "nop-ban-tuyen-giao",
      title: "Nộp kế hoạch tu dưỡng về Ban Tuyên giáo Quận ủy",
      description:
        "Cán bộ diện Ban Thường vụ Quận ủy quản lý nộp 01 bản về Ban Tuyên giáo Quận ủy để gửi Ủy ban MTTQ Quận phối hợp giám sát.",
      owner: "member",
      kind: "forward",
      appliesTo: {
        members: [
          {
            label: "Cán bộ diện Ban Thường vụ quản lý",
            managementCategories: ["dien-btv-cap-huyen"],
          },
        ],
      },
      due: {
        kind: "absolute",
        date: "2022-04-15",
        rule: "truoc-ngay",
        rebase: { anchor: "campaign-end", offsetDays: 5 },
      },
      after: ["hoan-thien-ky-nop"],
      // Sending the copy is its own act: confirming the plan does not do it.
      completion: "acknowledged",
      evidence: {
        what: "Ngày nộp và số, ký hiệu của bản nộp (hoặc giấy biên nhận) của Ban Tuyên giáo",
        needs: ["link-or-file"],
      },
      cite: "000 §II.4",
    },
    {
      key: "gui-giam-sat",
      title: "Gửi kế hoạch tu dưỡng cho tổ chức giám sát",
      description:
        "Cấp ủy chi bộ gửi kế hoạch tu dưỡng của đảng viên thuộc Đảng bộ phường cho ban công tác mặt trận; của đảng viên thuộc các tổ chức cơ sở đảng khác cho tổ chức Công đoàn của đơn vị để giám sát.",
      owner: "unit",
      kind: "forward",
      appliesTo: { unitKinds: ["chi-bo"] },
      due: { kind: "undated", note: "Hướng dẫn không nêu hạn gửi cho tổ chức giám sát." },
      after: ["xac-nhan-ke-hoach"],
      completion: "acknowledged",
      evidence: {
        what: "Ngày gửi, tổ chức giám sát nhận (ban công tác mặt trận, Công đoàn) và số văn bản gửi",
        needs: ["note", "link-or-file"],
      },
      cite: "000 §II.4",
    },
  ],
  forms: [
    form(
      {
        key: "ke-hoach-tu-duong",
        title:
          "KẾ HOẠCH TU DƯỠNG, RÈN LUYỆN ĐẠO ĐỨC, KHẮC PHỤC HẠN CHẾ, THIẾU SÓT CỦA CÁ NHÂN NĂM {nam}",
        intro:
          "Căn cứ Kết luận số 21-KL/TW ngày 25/10/2021 của Ban chấp hành Trung ương Đảng (khóa XIII) và Hướng dẫn của Quận ủy về tổ chức đợt sinh hoạt chính trị trong Đảng theo tinh thần Nghị quyết Trung ương 4 (khóa XIII) với chủ đề “Tự soi, tự sửa”, tôi xây dựng Kế hoạch tu dưỡng và rèn luyện đạo đức, khắc phục hạn chế, thiếu sót của cá nhân năm {nam} với những nội dung trọng tâm như sau:",
        owner: "member",
      },
      [
        {
          type: "shortText",
          key: "ho-ten",
          label: "Họ và tên",
          required: true,
          maxLength: 120,
          prefill: "member.fullName",
        },
        {
          type: "number",
          key: "nam-sinh",
          label: "Năm sinh",
          required: true,
          integer: true,
          min: 1900,
          max: 2100,
          prefill: "member.birthYear",
        },
        {
          type: "shortText",
          key: "chuc-vu",
          label: "Chức vụ (đảng, chính quyền, đoàn thể)",
          required: false,
          maxLength: 300,
          prefill: "member.position",
        },
        {
          type: "shortText",
          key: "chi-bo",
          label: "Hiện đang sinh hoạt tại chi bộ",
          required: true,
          maxLength: 200,
          prefill: "member.unitName",
        },
        {
          type: "shortText",
          key: "dang-bo",
          label: "Thuộc đảng bộ",
          required: true,
          maxLength: 200,
          prefill: "member.parentUnitName",
        },
        section("tu-duong-ren-luyen", "1. Về tu dưỡng, rèn luyện:", [
          longText(
            "pham-chat",
            "Phẩm chất chính trị; đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc",
            true,
          ),
          {
            ...longText(
              "nhung-dieu-khong-duoc-lam",
              'Thực hiện những điều đảng viên không được làm; trách nhiệm nêu gương; liên hệ kiểm điểm các biểu hiện suy thoái, "tự diễn biến", "tự chuyển hóa" trong nội bộ',
              true,
              "Đối chiếu Quy định 37-QĐ/TW (19 điều đảng viên không được làm) và 27 biểu hiện nêu tại Nghị quyết Trung ương 4 (khóa XII).",
            ),
            refersTo: ["qd37-19-dieu", "nq04-27-bieu-hien"],
          },
          longText("chuc-trach", "Thực hiện chức trách, nhiệm vụ được giao", true),
        ]),
        longText("khac-phuc", "2. Về khắc phục hạn chế, thiếu sót của bản thân", true),
        {
          type: "commitment",
          key: "cam-ket",
          label: "NGƯỜI CAM KẾT",
          help: "(Ký ghi rõ họ tên)",
          required: true,
          statement:
            "Tôi cam kết phát huy những ưu điểm, nỗ lực, cố gắng khắc phục hạn chế nêu trên. Rất mong cán bộ, đảng viên và nhân dân theo dõi, góp ý, giúp đỡ!",
        },
        {
          type: "cellConfirmation",
          key: "xac-nhan-chi-bo",
          label: "XÁC NHẬN CỦA CHI BỘ",
          help: "(Ký ghi rõ họ tên)",
          required: true,
        },
      ],
      "000, mẫu kèm theo Hướng dẫn",
    ),
    form(
      {
        key: "nhan-xet-hang-thang",
        title: "Nhận xét, đánh giá việc thực hiện kế hoạch tu dưỡng trong tháng",
        owner: "unit",
      },
      [
        longText(
          "nhan-xet-chung",
          "Nhận xét, đánh giá chung về kết quả thực hiện kế hoạch tu dưỡng của cán bộ, đảng viên",
          true,
        ),
        longText("mat-duoc", "Những mặt được", true),
        longText("mat-chua-duoc", "Những mặt chưa được, cần rút kinh nghiệm", true),
        longText(
          "can-khac-phuc",
          "Nội dung, cá nhân có nhiều hạn chế, cần khắc phục, điều chỉnh",
          false,
        ),
        {
          type: "choice",
          key: "yeu-cau-bao-cao",
          label: "Có vấn đề cần quan tâm liên quan đến trách nhiệm của cá nhân đảng viên không?",
          required: true,
          options: [
            { value: "khong", label: "Không" },
            { value: "co", label: "Có" },
          ],
        },
        {
          type: "longText",
          key: "bao-cao-lam-ro",
          label: "Đảng viên được yêu cầu báo cáo làm rõ và nội dung cần làm rõ",
          required: false,
          requiredIf: { field: "yeu-cau-bao-cao", equals: "co" },
          maxLength: LONG,
        },
      ],
      "000 §II.2 Bước 4",
    ),
  ],
  lists: [quyDinh37(), bieuHien27()],
  meetingRules: [
    {
      key: "hoi-nghi-tu-soi",
      title: "Hội nghị sinh hoạt chính trị “Tự soi, tự sửa”",
      relationToRegularMeeting: "separate",
      // "Không được lồng ghép với các hội nghị sinh hoạt chuyên đề, sinh hoạt thường kỳ."
      notMergedWith: ["thuong-ky", "chuyen-de"],
      appointsMinutesSecretary: true,
      materialsLeadDays: 3,
      materialsChannel: "gui-truc-tiep",
      leadersPresentFirst: true,
      eachMemberPresentsPlan: true,
      collectiveCommentsOnEachMember: true,
      speakers: [
        {
          who: "members",
          minShare: 1,
          cite: "000 §II.2 Bước 3 (lần lượt từng cán bộ, đảng viên báo cáo kế hoạch tu dưỡng)",
        },
      ],
      agenda: [
        {
          title: "Quán triệt mục đích, yêu cầu của cuộc họp; cử thư ký ghi biên bản hội nghị",
          presenter: "Người chủ trì",
        },
        {
          title:
            "Lần lượt từng cán bộ, đảng viên báo cáo kế hoạch tu dưỡng (đảng viên giữ cương vị lãnh đạo trình bày trước)",
        },
        { title: "Tập thể chi bộ tham gia đóng góp ý kiến cho từng cá nhân" },
        { title: "Cá nhân tiếp thu ý kiến" },
      ],
      notes: ["Không được lồng ghép với các hội nghị sinh hoạt chuyên đề, sinh hoạt thường kỳ."],
      cite: "000 §II.2 Bước 2, Bước 3 và Lưu ý",
    },
  ],
  excusals: {
    statuses: ["mien-sinh-hoat", "tuoi-cao-benh"],
    voluntarySubmissionAllowed: true,
    note: "Được miễn toàn bộ các nội dung; bản tự nguyện nộp vẫn được lưu nhưng chỉ tính vào số được miễn.",
    cite: "000 §II.2 Lưu ý",
  },
  routing: {
    publication: [
      {
        key: "niem-yet-cong-khai",
        label: "Niêm yết công khai kế hoạch tu dưỡng tại nơi công tác",
        members: [
          { label: "Ủy viên Ban Chấp hành Đảng bộ Quận", positions: ["quan-uy-vien"] },
          {
            label: "Trưởng các phòng, ban Quận",
            positions: ["truong-phong-cap-huyen", "truong-ban-cap-huyen"],
          },
          {
            // The đoàn thể chính trị - xã hội: not a Hội Người cao tuổi, not a ward's.
            label: "Người đứng đầu các đoàn thể Quận",
            positions: [
              "chu-tich-mttq-cap-huyen",
              "bi-thu-doan-cap-huyen",
              "chu-tich-hoi-phu-nu-cap-huyen",
              "chu-tich-hoi-cuu-chien-binh-cap-huyen",
              "chu-tich-hoi-nong-dan-cap-huyen",
              "chu-tich-lien-doan-lao-dong-cap-huyen",
            ],
          },
          {
            label: "Bí thư các tổ chức cơ sở đảng trực thuộc Quận ủy",
            positions: ["bi-thu-tccs"],
          },
          { label: "Chủ tịch UBND các phường", positions: ["chu-tich-ubnd-cap-xa"] },
          {
            label: "Hiệu trưởng các trường học công lập thuộc Quận",
            positions: ["hieu-truong-cong-lap"],
          },
        ],
        formKey: "ke-hoach-tu-duong",
        where: "Tại nơi công tác",
        cite: "000 §II.2 Bước 3",
      },
    ],
    supervision: [
      {
        key: "dien-btv-quan-ly",
        label: "Cán bộ diện Ban Thường vụ Quận ủy quản lý",
        members: [{ managementCategories: ["dien-btv-cap-huyen"] }],
        formKey: "ke-hoach-tu-duong",
        supervisors: [
          {
            body: "ban-tuyen-giao",
            level: "cap-huyen",
            scope: "tenant",
            name: "Ban Tuyên giáo Quận ủy",
          },
          { body: "mttq", level: "cap-huyen", scope: "tenant", name: "Ủy ban MTTQ Quận" },
          {
            body: "doan-the",
            level: "cap-huyen",
            scope: "tenant",
            name: "Các đoàn thể chính trị - xã hội Quận",
          },
        ],
        via: "Ban Tuyên giáo Quận ủy",
        cite: "000 §II.4; §III.3",
      },
      {
        key: "dang-bo-phuong",
        label: "Cán bộ, đảng viên thuộc Đảng bộ phường",
        members: [{ underUnitNameIncludes: ["đảng bộ phường", "đảng ủy phường"] }],
        formKey: "ke-hoach-tu-duong",
        supervisors: [
          {
            body: "ban-cong-tac-mat-tran",
            level: "khu-dan-cu",
            scope: "residential-area",
            name: "Ban công tác mặt trận",
          },
          { body: "mttq", level: "cap-xa", scope: "member-unit", name: "MTTQ phường" },
        ],
        via: "Cấp ủy chi bộ",
        cite: "000 §II.4; §III.3; §III.4",
      },
      {
        key: "tccs-khac",
        label: "Cán bộ, đảng viên thuộc các tổ chức cơ sở đảng khác",
        members: [],
        formKey: "ke-hoach-tu-duong",
        supervisors: [
          { body: "cong-doan", level: "co-so", scope: "member-unit", name: "Công đoàn của đơn vị" },
        ],
        via: "Cấp ủy chi bộ",
        cite: "000 §II.4",
      },
    ],
    forwarding: [
      {
        key: "nop-chi-bo",
        label: "Nộp chi bộ 01 bản",
        formKey: "ke-hoach-tu-duong",
        copies: 1,
        to: "Chi bộ",
        purpose: "Để quản lý và giám sát; cá nhân giữ 01 bản để thực hiện.",
        stepKey: "hoan-thien-ky-nop",
        cite: "000 §II.2 Bước 3; §II.4",
      },
      {
        key: "nop-ban-tuyen-giao",
        label: "Cán bộ diện Ban Thường vụ Quận ủy quản lý nộp Ban Tuyên giáo 01 bản",
        members: [{ managementCategories: ["dien-btv-cap-huyen"] }],
        formKey: "ke-hoach-tu-duong",
        copies: 1,
        to: "Ban Tuyên giáo Quận ủy",
        purpose: "Để gửi Ủy ban MTTQ Quận phối hợp giám sát.",
        stepKey: "nop-ban-tuyen-giao",
        cite: "000 §II.4",
      },
    ],
  },
  followUp: {
    monthlyReview: {
      title: "Giám sát việc thực hiện và nhận xét, đánh giá hằng tháng",
      in: "sinh-hoat-chi-bo-thuong-ky",
      by: "chi-bo",
      subjects: ["personal-plan"],
      appliesTo: { unitKinds: ["chi-bo"] },
      formKey: "nhan-xet-hang-thang",
      startsAfterStep: "xac-nhan-ke-hoach",
      notes: [
        "Nêu rõ những mặt được, chưa được để rút kinh nghiệm; tập trung vào các nội dung, cá nhân có nhiều hạn chế, cần khắc phục, điều chỉnh.",
        "Có vấn đề cần quan tâm liên quan đến trách nhiệm của cá nhân đảng viên nào thì yêu cầu cá nhân đó báo cáo làm rõ.",
      ],
      cite: "000 §II.2 Bước 4",
    },
    periodicReports: [],
    milestones: [],
  },
  reports: [],
  materials: [
    {
      title:
        "Quan điểm công tác xây dựng, chỉnh đốn Đảng qua các kỳ đại hội, hội nghị Trung ương, nhất là từ Hội nghị Trung ương 3 (khóa VII) năm 1992",
      cite: "000 §II.1.1",
    },
    { title: "Những nội dung mới của Hội nghị Trung ương 4 (khóa XIII)", cite: "000 §II.1.1" },
    {
      title: "Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng (khóa XIII)",
      cite: "000 §II.1.1",
    },
    {
      title: "Quy định số 37-QĐ/TW về những điều đảng viên không được làm",
      cite: "000 §II.1.1",
    },
    {
      title:
        "27 biểu hiện suy thoái, “tự diễn biến”, “tự chuyển hóa” trong nội bộ nêu tại Nghị quyết Trung ương 4 (khóa XII)",
      cite: "000 §II.1.1",
    },
    {
      title:
        "Chuyên đề toàn khóa học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về “Ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc”",
      cite: "000 §II.1.1",
    },
    {
      title:
        "Quy định số 101-QĐ/TW ngày 07/6/2012 của Ban Bí thư về trách nhiệm nêu gương của cán bộ, đảng viên, nhất là cán bộ lãnh đạo chủ chốt các cấp",
      cite: "000 §II.1.1",
    },
  ],
};
