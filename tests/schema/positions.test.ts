// Positions as a controlled list (schema/vocab/positions.ts) and the mapping of typed text to
// it (schema/rules/positions.ts): what the import stores and routing reads (issue 10).
import { describe, expect, it } from "vitest";
import { positionCodeFor } from "../../schema/rules/positions";
import { memberMatches, validateTemplate } from "../../schema/template";
import { memberUnder } from "../support/match";
import { getBuiltInTemplate } from "../../schema/templates";
import { POSITION_CODES, POSITIONS } from "../../schema/vocab/positions";

describe("mapping a typed position to the list", () => {
  it.each([
    // "Phố" (in the ward's name) is not "phó"; the deputy is not the head.
    ["Chủ tịch UBND phường Phố Huế", "chu-tich-ubnd-cap-xa"],
    ["Phó Chủ tịch UBND phường Phố Huế", null],
    ["CT UBND P. Phố Huế", "chu-tich-ubnd-cap-xa"],
    ["Chủ tịch Uỷ ban nhân dân phường Bồ Đề", "chu-tich-ubnd-cap-xa"],
    ["chu tich ubnd phuong pho hue", "chu-tich-ubnd-cap-xa"],
    ["pho chu tich ubnd phuong", null],
    ["Chủ tịch UBND xã Đông Dư", "chu-tich-ubnd-cap-xa"],
    // The three the text rules sent to public posting.
    ["Trưởng ban công tác Mặt trận khu dân cư số 3", "truong-ban-cong-tac-mat-tran"],
    ["Trưởng Ban CTMT KDC số 3", "truong-ban-cong-tac-mat-tran"],
    ["Hiệu trưởng Trường Tiểu học tư thục Đoàn Thị Điểm", "hieu-truong-ngoai-cong-lap"],
    ["Chủ tịch Hội Người cao tuổi phường", "chu-tich-hoi-nguoi-cao-tuoi"],
    ["Chủ tịch Hội NCT phường Thạch Bàn", "chu-tich-hoi-nguoi-cao-tuoi"],
    ["Hiệu trưởng Trường THCS Gia Thụy", "hieu-truong-cong-lap"],
    ["Phó Hiệu trưởng Trường THCS Gia Thụy", null],
    ["Quận uỷ viên, Bí thư Đảng uỷ phường", "quan-uy-vien"],
    ["Đảng ủy viên, Chủ tịch UBND phường", "chu-tich-ubnd-cap-xa"],
    ["Bí thư Đảng ủy phường Phúc Đồng", "bi-thu-tccs"],
    ["Bí thư chi bộ", null],
    ["Trưởng phòng Nội vụ", "truong-phong-cap-huyen"],
    ["Trưởng Ban Tuyên giáo Quận ủy", "truong-ban-cap-huyen"],
    ["Trưởng ban Thanh tra nhân dân phường", null],
    ["Chủ tịch Ủy ban MTTQ Việt Nam quận Long Biên", "chu-tich-mttq-cap-huyen"],
    ["Chủ tịch Ủy ban MTTQ phường", null],
    ["Chủ tịch Hội LHPN Quận", "chu-tich-hoi-phu-nu-cap-huyen"],
    ["Chủ tịch Hội Phụ nữ phường", null],
    ["Bí thư Quận đoàn", "bi-thu-doan-cap-huyen"],
    ["Chuyên viên", null],
    ["", null],
  ])("%s → %s", (text, code) => {
    expect(positionCodeFor(text)).toBe(code);
  });

  it("maps each position's own label to it", () => {
    expect(POSITION_CODES.map((c) => [c, positionCodeFor(POSITIONS[c].label)])).toEqual(
      POSITION_CODES.map((c) => [c, c]),
    );
  });
});

describe("routing filters on codes", () => {
  const member = memberUnder("Đảng bộ phường Phúc Đồng");

  it("reads the code and the category, not the text", () => {
    const f = { positions: ["chu-tich-ubnd-cap-xa" as const] };
    expect(memberMatches(f, member({ positionCode: "chu-tich-ubnd-cap-xa" }))).toBe(true);
    expect(memberMatches(f, member({ position: "Chủ tịch UBND phường" }))).toBe(false);
    const btv = { managementCategories: ["dien-btv-cap-huyen" as const] };
    expect(memberMatches(btv, member({ managementCategory: "dien-btv-cap-huyen" }))).toBe(true);
    expect(memberMatches(btv, member({ managementCategory: "dien-dang-uy-cap-xa" }))).toBe(false);
    expect(memberMatches(btv, member({}))).toBe(false);
    expect(
      memberMatches(
        { managedByStandingCommittee: true },
        member({ managementCategory: "dien-btv-cap-huyen" }),
      ),
    ).toBe(true);
  });

  it("refuses at save a routing rule that names positions as text", () => {
    const def = structuredClone(getBuiltInTemplate("tu-soi-tu-sua")!);
    def.routing.publication[0]!.members.push({ positionIncludes: ["chủ tịch hội"] });
    def.routing.supervision[0]!.members = [{ positionExcludes: ["phó"] }];
    const r = validateTemplate(def);
    expect(r.ok ? [] : r.problems).toEqual([
      "Quy tắc niêm yết «niem-yet-cong-khai»: chức vụ phải ghi bằng mã (positions), không ghi bằng chữ.",
      "Quy tắc giám sát «dien-btv-quan-ly»: chức vụ phải ghi bằng mã (positions), không ghi bằng chữ.",
    ]);
  });
});
