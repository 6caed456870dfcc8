// Vietnamese phone numbers as sign-in names: every way people type one number is one E.164.
import { describe, expect, it } from "vitest";
import { normalizeVnPhone, parseLoginName } from "../../schema/rules/phone";

describe("normalizeVnPhone", () => {
  it.each([
    ["0912345678", "+84912345678"],
    ["0912 345 678", "+84912345678"],
    ["0912.345.678", "+84912345678"],
    ["091-234-5678", "+84912345678"],
    ["+84 912 345 678", "+84912345678"],
    ["+84912345678", "+84912345678"],
    ["84912345678", "+84912345678"],
    ["(+84) 912.345.678", "+84912345678"],
    ["0386 123 456", "+84386123456"],
    // A landline: 02x plus 8 digits.
    ["024 3825 1234", "+842438251234"],
    // Full-width digits from some keyboards.
    ["０９１２３４５６７８", "+84912345678"],
  ])("%s → %s", (input, e164) => {
    expect(normalizeVnPhone(input)).toBe(e164);
  });

  it.each([
    "",
    "091234567",
    "091234567890",
    "00912345678",
    "+1 912 345 678",
    "0912abc678",
    "+840912345678",
  ])("refuses %j", (input) => {
    expect(normalizeVnPhone(input)).toBeNull();
  });
});

describe("parseLoginName", () => {
  it("reads an e-mail by its @ (lower-cased, NFC) and anything else as a phone", () => {
    expect(parseLoginName(" Lan@Example.VN ")).toEqual({ kind: "email", value: "lan@example.vn" });
    expect(parseLoginName("0912 345 678")).toEqual({ kind: "phone", value: "+84912345678" });
    expect(parseLoginName("lan")).toBeNull();
  });
});
