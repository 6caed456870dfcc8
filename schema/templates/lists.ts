/**
 * Skeletons of the lists the directives cite but do not print (reference/README.md): name,
 * source, group structure and counts. Items stay empty because the text is not in
 * /work/shared/reference; a tenant enters them from its own copy before launching a campaign
 * whose checklist uses them (launchBlockers says so). Never fill these in from memory.
 *
 * Functions, not constants: each template gets its own copy to edit.
 */
import type { TemplateList } from "../template";

/** NQ 04-NQ/TW (Hội nghị Trung ương 4 khóa XII): three groups of nine, cited by 000, 002, 003. */
export function bieuHien27(): TemplateList {
  return {
    key: "nq04-27-bieu-hien",
    name: "27 biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa” trong nội bộ",
    shortName: "27 biểu hiện (NQ 04-NQ/TW)",
    source: {
      document: "Nghị quyết số 04-NQ/TW (Hội nghị Trung ương 4 khóa XII)",
      date: "2016-10-30",
      issuer: "Ban Chấp hành Trung ương Đảng",
    },
    expectedCount: 27,
    groups: [
      {
        key: "nhom-1",
        title: "Suy thoái về tư tưởng chính trị",
        expectedCount: 9,
        items: [],
      },
      { key: "nhom-2", title: "Suy thoái về đạo đức, lối sống", expectedCount: 9, items: [] },
      {
        key: "nhom-3",
        title: "Biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ",
        expectedCount: 9,
        items: [],
      },
    ],
    note: "Ba nhóm theo Hướng dẫn 36-HD/BTGTU mục II.2.a (003). Nội dung từng biểu hiện nhập từ văn bản gốc của Nghị quyết.",
  };
}

/** CT 24-CT/TU of Hà Nội: 25 expressions, cited by 004; how the 25 are grouped is not known. */
export function bieuHien25(): TemplateList {
  return {
    key: "ct24-25-bieu-hien",
    name: "25 biểu hiện vi phạm kỷ cương, kỷ luật và trách nhiệm giải quyết công việc",
    shortName: "25 biểu hiện (CT 24-CT/TU)",
    source: {
      document: "Chỉ thị số 24-CT/TU",
      date: "2023-08-07",
      issuer: "Ban Thường vụ Thành ủy Hà Nội",
    },
    expectedCount: 25,
    groups: [
      {
        key: "tat-ca",
        title: "Các biểu hiện vi phạm kỷ cương, kỷ luật và trách nhiệm giải quyết công việc",
        expectedCount: 25,
        items: [],
      },
    ],
    note: "Văn bản Chỉ thị chưa có ở đây nên chưa rõ cách chia nhóm; tạm để một nhóm 25 nội dung.",
  };
}

/** QĐ 37-QĐ/TW: the 19 things a member must not do, cited by 000, 001, 002. */
export function quyDinh37(): TemplateList {
  return {
    key: "qd37-19-dieu",
    name: "19 điều đảng viên không được làm",
    shortName: "19 điều đảng viên không được làm (QĐ 37-QĐ/TW)",
    source: {
      document: "Quy định số 37-QĐ/TW",
      date: "2021-10-25",
      issuer: "Ban Chấp hành Trung ương Đảng",
    },
    expectedCount: 19,
    groups: [
      {
        key: "tat-ca",
        title: "Những điều đảng viên không được làm",
        expectedCount: 19,
        items: [],
      },
    ],
  };
}
