// Supervising bodies (worker/domain/supervision.ts): the body and level a đoàn thể's name
// suggests when it is created, and which of the template's supervisors a unit speaks as.
import { describe, expect, it } from "vitest";
import {
  bodyFromUnitName,
  bodyIs,
  managementCategoryOf,
  unitBody,
} from "../../worker/domain/supervision";

describe("supervising bodies", () => {
  it.each([
    ["Ủy ban MTTQ Việt Nam phường Long Biên", "mttq", "cap-xa"],
    ["Ủy ban Mặt trận Tổ quốc quận Long Biên", "mttq", "cap-huyen"],
    ["Ban công tác Mặt trận khu dân cư số 3", "ban-cong-tac-mat-tran", "khu-dan-cu"],
    ["Công đoàn cơ sở phường", "cong-doan", "co-so"],
    ["Ban Tuyên giáo Quận ủy", "ban-tuyen-giao", "cap-huyen"],
    ["Hội Liên hiệp Phụ nữ phường", "doan-the", "cap-xa"],
    ["Hội Cựu chiến binh", "doan-the", null],
  ])("%s → %s at %s", (name, bodyCode, bodyLevel) => {
    expect(bodyFromUnitName(name)).toEqual({ bodyCode, bodyLevel });
  });

  it("takes a given code as given, and suggests one only for a đoàn thể", () => {
    expect(
      unitBody({ name: "Ban X", kind: "doan-the", bodyCode: "ban-tuyen-giao", bodyLevel: null }),
    ).toEqual({ bodyCode: "ban-tuyen-giao", bodyLevel: null });
    expect(unitBody({ name: "Chi bộ Mặt trận", kind: "chi-bo" })).toEqual({
      bodyCode: null,
      bodyLevel: null,
    });
  });

  it("holds the supervisor's level: a ward's MTTQ is not the district's", () => {
    const district = {
      body: "mttq",
      level: "cap-huyen",
      scope: "tenant",
      name: "MTTQ Quận",
    } as const;
    expect(bodyIs(district, { bodyCode: "mttq", bodyLevel: "cap-huyen" })).toBe(true);
    expect(bodyIs(district, { bodyCode: "mttq", bodyLevel: "cap-xa" })).toBe(false);
    expect(bodyIs(district, { bodyCode: "mttq", bodyLevel: null })).toBe(false);
    expect(bodyIs(district, { bodyCode: "cong-doan", bodyLevel: "cap-huyen" })).toBe(false);
    const any = { body: "cong-doan", scope: "member-unit", name: "Công đoàn" } as const;
    expect(bodyIs(any, { bodyCode: "cong-doan", bodyLevel: null })).toBe(true);
  });

  it("reads rows written before the category as diện BTV when flagged", () => {
    expect(
      managementCategoryOf({ managementCategory: null, managedByStandingCommittee: true }),
    ).toBe("dien-btv-cap-huyen");
    expect(
      managementCategoryOf({
        managementCategory: "dien-dang-uy-cap-xa",
        managedByStandingCommittee: false,
      }),
    ).toBe("dien-dang-uy-cap-xa");
    expect(
      managementCategoryOf({ managementCategory: null, managedByStandingCommittee: false }),
    ).toBe(null);
  });
});
