// Supervisor.scope (000 §II.4, §III.3–4) decides how far a supervising body reads: the
// whole tenant for the district's bodies, the organisation for the ward's MTTQ or a Công
// đoàn cơ sở, one khu dân cư's cell for its ban công tác mặt trận.
import { describe, expect, it } from "vitest";
import { watchedPath } from "../../worker/domain/supervision";

const ward = { kind: "dang-bo-co-so", path: "/q/p/" };
const district = { kind: "dang-bo", path: "/q/" };
const cell = { kind: "chi-bo", path: "/q/p/c1/" };
const bloc = { kind: "co-quan", path: "/q/p/khoi/" };

describe("watchedPath", () => {
  it("tenant: the whole tree, wherever the body sits", () => {
    expect(watchedPath("tenant", { parent: bloc, ancestors: [bloc, ward, district] })).toBe("");
  });
  it("member-unit: the nearest đảng bộ cơ sở above the body, else its parent", () => {
    expect(watchedPath("member-unit", { parent: bloc, ancestors: [bloc, ward, district] })).toBe(
      "/q/p/",
    );
    expect(watchedPath("member-unit", { parent: district, ancestors: [district] })).toBe("/q/");
  });
  it("residential-area: the cell it belongs to, and no one when it is not under a cell", () => {
    expect(watchedPath("residential-area", { parent: cell, ancestors: [cell, ward] })).toBe(
      "/q/p/c1/",
    );
    expect(watchedPath("residential-area", { parent: ward, ancestors: [ward, district] })).toBe(
      null,
    );
  });
});
