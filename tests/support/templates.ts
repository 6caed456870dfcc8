// The built-in templates with their printed-elsewhere lists filled in, and a ward's own copy
// of one saved through the app, as the scenarios need them before a campaign can launch.
import { expect } from "vitest";
import { getBuiltInTemplate } from "../../schema/templates";
import { withListItems, type TemplateDefinition } from "../../schema/template";
import { launchCampaign, type Tree } from "./tree";

/** CT 24 (004) with its 25 expressions, each line made by `line(n)` (n from 1). */
export const ct24Filled = (line = (n: number) => `Biểu hiện số ${n}`): TemplateDefinition =>
  withListItems(
    getBuiltInTemplate("ct24-sinh-hoat") as TemplateDefinition,
    "ct24-25-bieu-hien",
    "tat-ca",
    Array.from({ length: 25 }, (_, i) => line(i + 1)),
  );

/** CT 24's minutes form (bien-ban-chi-bo) as stored: item 7 answered "Có" with its degree. */
export const ct24Minutes = (conclusion: string) => ({
  "thao-luan": {
    "nhan-thuc": "Đảng viên nhận thức rõ sự cần thiết.",
    "lien-he-25-bieu-hien": {
      "tat-ca": Object.fromEntries(
        Array.from({ length: 25 }, (_, i) => [
          String(i + 1),
          i + 1 === 7 ? { level: "co", note: "Còn chậm trả lời đơn thư." } : { level: "khong" },
        ]),
      ),
    },
    "muc-do-thuc-hien": "Thực hiện tương đối tốt.",
    "giai-phap": "Rà soát thủ tục, trả lời đúng hạn.",
  },
  "ket-thuc": { "tong-hop": conclusion, "danh-gia": "Buổi sinh hoạt đạt yêu cầu." },
});

/** Diễn đàn chi bộ (003) with 9 of NQ 04's 27 expressions in each of its three groups. */
export function dienDanFilled(
  line: (group: string, n: number) => string = (_, n) => `Nội dung ${n}`,
): TemplateDefinition {
  let def = getBuiltInTemplate("dien-dan-chi-bo") as TemplateDefinition;
  for (const g of ["nhom-1", "nhom-2", "nhom-3"])
    def = withListItems(
      def,
      "nq04-27-bieu-hien",
      g,
      Array.from({ length: 9 }, (_, i) => line(g, i + 1)),
    );
  return def;
}

/** The admin copies a built-in under a new key and saves `definition` as its version 1;
 *  both answers, for the scenarios that check them. */
export async function saveTemplateCopy(
  api: Tree["api"],
  copy: { fromKey: string; key: string; name: string },
  definition: TemplateDefinition,
) {
  const created = await api("admin", "POST", "/templates", copy);
  const saved = await api<{ version: number }>("admin", "PUT", `/templates/${copy.key}`, {
    version: 1,
    definition,
  });
  return { created, saved };
}

/** The ward's CT 24 ("ct24-phuong"), its 25 expressions entered. */
export const saveCt24Phuong = (api: Tree["api"], definition = ct24Filled()) =>
  saveTemplateCopy(
    api,
    { fromKey: "ct24-sinh-hoat", key: "ct24-phuong", name: "CT 24 — phường" },
    definition,
  );

/** The ward's Diễn đàn chi bộ ("dien-dan-2017"), its expressions entered. */
export const saveDienDan2017 = (api: Tree["api"], definition = dienDanFilled()) =>
  saveTemplateCopy(
    api,
    { fromKey: "dien-dan-chi-bo", key: "dien-dan-2017", name: "Diễn đàn chi bộ — phường" },
    definition,
  );

/** How the documents launched their campaigns: the name and dates each was issued with. */
const AS_ISSUED = {
  // 001: 28-KH/ĐUK, 01/3/2022, cells report by 28/3.
  "tu-soi-tu-sua-so": { name: "Kế hoạch 28-KH/ĐUK", startsOn: "2022-03-01", dueOn: "2022-03-28" },
  // 002: 05-HD/HU, 31/3/2022, through the year's end.
  "tu-soi-tu-sua-huyen": {
    name: "Hướng dẫn 05-HD/HU",
    startsOn: "2022-03-31",
    dueOn: "2022-12-31",
  },
};
const launchAsIssued = (tree: Tree, templateKey: keyof typeof AS_ISSUED): Promise<string> =>
  launchCampaign(tree.api, tree.root.id, { templateKey, ...AS_ISSUED[templateKey] });

/** 001 as the Đảng ủy Sở launched it, over the whole tree. */
export const launch001 = (tree: Tree) => launchAsIssued(tree, "tu-soi-tu-sua-so");
/** 002 as the Huyện ủy launched it, over the whole tree. */
export const launch002 = (tree: Tree) => launchAsIssued(tree, "tu-soi-tu-sua-huyen");

/** 001's monthly review (the form built from its §III.3.1) with its four parts answered. */
export const REVIEW_001 = {
  "noi-dung-thao-luan": "Quy định 37-QĐ/TW: những điều đảng viên không được làm.",
  "mat-tich-cuc": "Đảng viên gương mẫu, tự giác.",
  "han-che": "Còn nể nang trong phê bình.",
  "nhiem-vu-giai-phap": "Mỗi tháng một chuyên đề.",
};

/** The ward's CT 24 launched over the whole tree with Kế hoạch 155-KH/ĐU's dates; the id. */
export async function launchCt24Phuong(tree: Tree): Promise<string> {
  await saveCt24Phuong(tree.api);
  return launchCampaign(tree.api, tree.root.id, {
    templateKey: "ct24-phuong",
    name: "Kế hoạch 155-KH/ĐU",
    startsOn: "2023-09-07",
    dueOn: "2023-09-20",
  });
}

/** A Quận ủy's directive from CT 24 with its 25 expressions (due 30/4/2026): its report form
 *  for the đảng ủy is the one the phường use. */
export async function publishCt24(quan: Tree) {
  await saveCt24Phuong(quan.api);
  const d = await quan.api<{ id: string }>("admin", "POST", "/directives", {
    templateKey: "ct24-phuong",
    name: "Kế hoạch sinh hoạt chính trị, tư tưởng",
    documentNo: "187-KH/QU",
    startsOn: "2026-03-11",
    dueOn: "2026-04-30",
  });
  expect(d.status).toBe(201);
  return d;
}
