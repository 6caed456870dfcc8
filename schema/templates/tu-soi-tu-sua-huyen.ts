/**
 * "Tự soi, tự sửa" as a rural district committee runs it: Hướng dẫn 05-HD/HU of a Ban Thường
 * vụ Huyện ủy, 31/3/2022, known from a news item (seed 002). Stated as a variant of the
 * district template (000): only what 002 says differently is changed.
 *
 * What 002 changes: flexible forms (self-criticism conferences, seminars, thematic sessions,
 * "4 tốt"), held within the regular monthly meetings of committees, cells and offices rather
 * than separately, leaders first; peaks at the cells' congresses and the village-head
 * elections, the half-year review and the year-end ranking of 2022. It names no deadline, so
 * the campaign runs to the end of 2022 and 000's "trước ngày 15/4" becomes undated. The
 * routing 000 sets is kept, renamed from Quận to Huyện and from phường to xã, thị trấn, since
 * 002 is silent on it.
 */
import { resolveVariant, type TemplateVariant } from "../template";
import { tuSoiTuSua } from "./tu-soi-tu-sua";

function fromBase<T extends { key: string }>(items: readonly T[], key: string): T {
  const item = items.find((x) => x.key === key);
  if (!item) throw new Error(`Mẫu gốc «tu-soi-tu-sua» không có «${key}»`);
  return structuredClone(item);
}

const hoiNghi = fromBase(tuSoiTuSua.steps, "hoi-nghi");
const nopBanTuyenGiao = fromBase(tuSoiTuSua.steps, "nop-ban-tuyen-giao");
const hoiNghiRules = fromBase(tuSoiTuSua.meetingRules, "hoi-nghi-tu-soi");
const keHoach = fromBase(tuSoiTuSua.forms, "ke-hoach-tu-duong");
const publication = fromBase(tuSoiTuSua.routing.publication, "niem-yet-cong-khai");
const fwdBanTuyenGiao = fromBase(tuSoiTuSua.routing.forwarding, "nop-ban-tuyen-giao");
const dienBtv = fromBase(tuSoiTuSua.routing.supervision, "dien-btv-quan-ly");
const phuong = fromBase(tuSoiTuSua.routing.supervision, "dang-bo-phuong");

/** 000's wording for a Quận, for a Huyện: the level codes stay (schema/vocab/people.ts). */
const toHuyen = (text: string) => text.replace(/Quận/g, "Huyện");
/** …and for its xã, thị trấn where 000 names its phường. */
const toXa = (text: string) => text.replace(/phường/g, "xã, thị trấn");

export const tuSoiTuSuaHuyenVariant: TemplateVariant = {
  key: "tu-soi-tu-sua-huyen",
  version: 1,
  name: "Tự soi, tự sửa (Huyện ủy)",
  description:
    "Biến thể của “Tự soi, tự sửa”: hình thức linh hoạt (hội nghị kiểm điểm tự phê bình và phê bình, tọa đàm, sinh hoạt chuyên đề, “4 tốt”), tiến hành thường xuyên trong các kỳ sinh hoạt hằng tháng, cao điểm vào đại hội chi bộ, kiểm điểm 6 tháng và cuối năm 2022.",
  source: {
    documentNo: "05-HD/HU",
    kind: "Hướng dẫn",
    title:
      "Tổ chức đợt sinh hoạt chính trị sâu rộng trong toàn Đảng bộ và hệ thống chính trị huyện về xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    date: "2022-03-31",
    issuer: "Ban Thường vụ Huyện ủy",
    basedOn: ["Kế hoạch số 46-KH/HU ngày 07/3/2022 của Ban Thường vụ Huyện ủy"],
    via: "Bản tin đăng ngày 05/04/2022 tóm tắt Hướng dẫn",
  },
  variantOf: "tu-soi-tu-sua",
  schedule: {
    startsOn: "2022-03-31",
    dueOn: "2022-12-31",
    dueRule: "den-het-ngay",
    cite: "002 đoạn cuối (kiểm điểm đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên cuối năm 2022)",
  },
  steps: {
    upsert: [
      {
        ...hoiNghi,
        title: "Tổ chức sinh hoạt chính trị “Tự soi, tự sửa”",
        description:
          "Hình thức linh hoạt: hội nghị kiểm điểm tự phê bình và phê bình, tọa đàm khoa học, sinh hoạt chuyên đề; tiến hành trong các kỳ sinh hoạt cấp ủy, chi bộ hằng tháng. Cán bộ lãnh đạo, quản lý, người đứng đầu gương mẫu, tự giác làm trước; tự soi lại mình, gia đình mình, đơn vị mình để tự sửa.",
        cite: "000 §II.2 Bước 3; 002 (hình thức tổ chức; thời gian)",
      },
      {
        ...nopBanTuyenGiao,
        title: "Nộp kế hoạch tu dưỡng về Ban Tuyên giáo Huyện ủy",
        description:
          "Cán bộ diện Ban Thường vụ Huyện ủy quản lý nộp 01 bản về Ban Tuyên giáo Huyện ủy để gửi Ủy ban MTTQ Huyện phối hợp giám sát.",
        due: {
          kind: "undated",
          note: "Hướng dẫn 05-HD/HU (theo bản tin) không nêu hạn; đơn vị đặt hạn khi phát động.",
        },
        cite: "000 §II.4 (002 không nêu)",
      },
    ],
  },
  forms: {
    upsert: [
      {
        ...keHoach,
        intro:
          "Căn cứ Kết luận số 21-KL/TW ngày 25/10/2021 của Ban chấp hành Trung ương Đảng (khóa XIII) và Hướng dẫn số 05-HD/HU ngày 31/3/2022 của Ban Thường vụ Huyện ủy về tổ chức đợt sinh hoạt chính trị về xây dựng, chỉnh đốn Đảng và hệ thống chính trị với chủ đề “Tự soi, tự sửa”, tôi xây dựng Kế hoạch tu dưỡng và rèn luyện đạo đức, khắc phục hạn chế, thiếu sót của cá nhân năm {nam} với những nội dung trọng tâm như sau:",
        cite: "000, mẫu kèm theo Hướng dẫn; căn cứ theo 002",
      },
    ],
  },
  meetingRules: {
    upsert: [
      {
        ...hoiNghiRules,
        title: "Sinh hoạt chính trị “Tự soi, tự sửa”",
        relationToRegularMeeting: "either",
        // "Tiến hành thường xuyên trong các kỳ sinh hoạt … hằng tháng" (002).
        recurrence: "monthly",
        // 002 offers thematic sessions as a form: 000's "không lồng ghép" does not carry over.
        notMergedWith: [],
        formats: [
          { value: "hoi-nghi-kiem-diem", label: "Hội nghị kiểm điểm tự phê bình và phê bình" },
          { value: "toa-dam-khoa-hoc", label: "Tọa đàm khoa học" },
          { value: "sinh-hoat-chuyen-de", label: "Sinh hoạt chuyên đề" },
        ],
        leadersPresentFirst: true,
        notes: [
          "Tiến hành thường xuyên trong các kỳ sinh hoạt cấp ủy, chi bộ, sinh hoạt cơ quan, đơn vị hằng tháng.",
          "Các cơ quan, đơn vị có thể sinh hoạt chuyên đề bằng hình thức sáng tạo khác, như thực hiện “4 tốt”: đoàn kết tốt; kỷ luật tốt; chất lượng sinh hoạt tốt; cán bộ, đảng viên tốt.",
          "Mỗi cán bộ, đảng viên, trước hết là cán bộ lãnh đạo, quản lý, đặc biệt là người đứng đầu, người chủ trì phải gương mẫu, tự giác làm trước; không đứng ngoài cuộc.",
        ],
        cite: "000 §II.2 Bước 2, Bước 3; 002 (hình thức tổ chức; thời gian)",
      },
    ],
  },
  routing: {
    publication: {
      upsert: [
        {
          ...publication,
          // The codes cover a Huyện as a Quận (schema/vocab/people.ts): only the labels change.
          members: publication.members.map((f) => ({
            ...f,
            label: f.label && toHuyen(f.label).replace("UBND các phường", "UBND các xã, thị trấn"),
          })),
          cite: "000 §II.2 Bước 3 (002 không nêu; đổi cấp Quận thành Huyện)",
        },
      ],
    },
    supervision: {
      // First match wins, so the catch-all "tccs-khac" is removed and re-added after "dang-bo-xa".
      remove: ["dang-bo-phuong", "tccs-khac"],
      upsert: [
        {
          ...dienBtv,
          label: toHuyen(dienBtv.label),
          supervisors: dienBtv.supervisors.map((x) => ({ ...x, name: toHuyen(x.name) })),
          via: dienBtv.via && toHuyen(dienBtv.via),
          cite: `${dienBtv.cite} (002 không nêu; đổi cấp Quận thành Huyện)`,
        },
        {
          ...phuong,
          key: "dang-bo-xa",
          label: toXa(phuong.label),
          members: [
            {
              underUnitNameIncludes: [
                "đảng bộ xã",
                "đảng ủy xã",
                "đảng bộ thị trấn",
                "đảng ủy thị trấn",
              ],
            },
          ],
          supervisors: phuong.supervisors.map((x) => ({ ...x, name: toXa(x.name) })),
          cite: `${phuong.cite} (002 không nêu; đổi phường thành xã, thị trấn)`,
        },
        fromBase(tuSoiTuSua.routing.supervision, "tccs-khac"),
      ],
    },
    forwarding: {
      upsert: [
        {
          ...fwdBanTuyenGiao,
          label: "Cán bộ diện Ban Thường vụ Huyện ủy quản lý nộp Ban Tuyên giáo 01 bản",
          to: "Ban Tuyên giáo Huyện ủy",
          purpose: "Để gửi Ủy ban MTTQ Huyện phối hợp giám sát.",
          cite: "000 §II.4 (002 không nêu; đổi cấp Quận thành Huyện)",
        },
      ],
    },
  },
  followUp: {
    ...structuredClone(tuSoiTuSua.followUp),
    yearEndRanking: {
      input:
        "Kết quả tự soi, tự sửa là nội dung kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên cuối năm 2022.",
      cite: "002 đoạn cuối",
      members: {
        title:
          "Tự đánh giá kết quả tự soi, tự sửa làm nội dung kiểm điểm, xếp loại đảng viên cuối năm",
        cite: "002 đoạn cuối",
      },
    },
    milestones: [
      {
        title:
          "Cao điểm: chuẩn bị tổ chức đại hội chi bộ trực thuộc đảng ủy cơ sở và bầu cử trưởng thôn nhiệm kỳ 2022-2025",
        cite: "002 đoạn cuối",
      },
      { title: "Kiểm điểm 6 tháng đầu năm", at: "giua-nam", cite: "002 đoạn cuối" },
      {
        title: "Kiểm điểm đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên cuối năm 2022",
        at: "cuoi-nam",
        cite: "002 đoạn cuối",
      },
    ],
  },
  materials: [
    {
      title:
        "Quan điểm công tác xây dựng, chỉnh đốn Đảng qua các kỳ đại hội, hội nghị Trung ương, nhất là từ Hội nghị Trung ương 3 (khóa VII) năm 1992",
      cite: "002 mục 1",
    },
    {
      title:
        "Những nội dung mới của Hội nghị Trung ương 4 (khóa XIII): 04 điểm mới, 04 mục tiêu và các nhóm nhiệm vụ, giải pháp của Kết luận 21-KL/TW",
      cite: "002 mục 2",
    },
    {
      title:
        "Kết luận số 21-KL/TW; Quy định số 37-QĐ/TW về những điều đảng viên không được làm; bài phát biểu của Tổng Bí thư tại Hội nghị cán bộ toàn quốc; các Quy định 22-QĐ/TW, 24-QĐ/TW, 41-QĐ/TW; Kết luận 01-KL/TW, 14-KL/TW",
      cite: "002 mục 3",
    },
    {
      title:
        "Kế hoạch số 46-KH/HU ngày 07/3/2022; Quy định số 05-QĐi/HU ngày 25/4/2019 về trách nhiệm nêu gương; Kế hoạch số 29-KH/HU ngày 16/9/2021 của Ban Thường vụ Huyện ủy",
      cite: "002 mục 6",
    },
  ],
};

export const tuSoiTuSuaHuyen = resolveVariant(tuSoiTuSua, tuSoiTuSuaHuyenVariant);
