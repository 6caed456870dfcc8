// A copy of a plan left on the phone that the server already holds is not a loss: the plan
// page neither restores it nor offers it to copy (client/lib/drafts.ts `sameData`).
import { describe, expect, it } from "vitest";
import { sameData } from "../../client/lib/drafts";

describe("a draft the server already holds", () => {
  it("is the same plan whatever order its answers were written in", () => {
    const server = { "muc-tieu": "Rèn luyện", "giai-phap": ["Một", "Hai"], ky: { ngay: "01/03" } };
    const phone = { ky: { ngay: "01/03" }, "giai-phap": ["Một", "Hai"], "muc-tieu": "Rèn luyện" };
    expect(sameData(phone, server)).toBe(true);
  });

  it("differs by one answer, or by the order of a list", () => {
    const server = { "muc-tieu": "Rèn luyện", "giai-phap": ["Một", "Hai"] };
    expect(sameData({ ...server, "muc-tieu": "Rèn luyện thêm" }, server)).toBe(false);
    expect(sameData({ ...server, "giai-phap": ["Hai", "Một"] }, server)).toBe(false);
    expect(sameData({ ...server, them: "" }, server)).toBe(false);
  });
});
