// Keys made from Vietnamese names (schema/rules/keys.ts) and the issuing body a copy prints
// (schema/rules/issuing.ts): the client suggests and the server makes keys by the same rule.
import { describe, expect, it } from "vitest";
import { issuingFor, issuingOf } from "../../schema/rules/issuing";
import { KEY_MAX, KEY_RE, keyFromName } from "../../schema/rules/keys";

describe("keyFromName", () => {
  it.each([
    ["CT 24 – Đảng bộ phường Đức Giang", "ct-24-dang-bo-phuong-duc-giang"],
    ["Tự soi, tự sửa — 2026", "tu-soi-tu-sua-2026"],
    ["  “Diễn đàn” chi bộ (bản 2) ", "dien-dan-chi-bo-ban-2"],
    ["Kế hoạch 155-KH/ĐU", "ke-hoach-155-kh-du"],
    ["Nghị quyết".normalize("NFD"), "nghi-quyet"],
    ["– – –", ""],
  ])("%s → %s", (name, key) => {
    expect(keyFromName(name)).toBe(key);
    if (key) expect(key).toMatch(KEY_RE);
  });

  it("cuts a long name at a dash, within the limit, still a key", () => {
    const key = keyFromName(
      "Sinh hoạt chính trị, tư tưởng theo Chỉ thị 24-CT/TU của Thành ủy Hà Nội",
    );
    expect(key.length).toBeLessThanOrEqual(KEY_MAX);
    expect(key).toMatch(KEY_RE);
    expect(key.endsWith("-")).toBe(false);
  });
});

describe("issuing body", () => {
  it("is the đảng bộ's own name and place, without notes in brackets", () => {
    expect(issuingOf("Đảng bộ phường Long Biên (mẫu)")).toEqual({
      body: "Đảng bộ phường Long Biên",
      place: "Long Biên",
    });
    expect(issuingOf("Đảng ủy xã Bát Tràng")).toEqual({
      body: "Đảng ủy xã Bát Tràng",
      place: "Bát Tràng",
    });
  });

  it("prefers the template's own", () => {
    const own = { body: "Đảng ủy phường Đức Giang", place: "Đức Giang" };
    expect(issuingFor({ issuing: own }, "Đảng bộ khác")).toEqual(own);
    expect(issuingFor({}, "Đảng ủy xã Bát Tràng").place).toBe("Bát Tràng");
  });
});
