// Vietnamese phone numbers as sign-in names. People type them as 0912 345 678, 0912.345.678,
// +84 912 345 678 or 84912345678; the account stores one spelling, E.164 (+84912345678), so
// every way of typing the same number finds the same account. Mobile numbers have 9 digits
// after the trunk 0 or +84, landlines (02x…) 10.

const SEPARATORS = /[\s.\-()]/g;
const VN_NUMBER = /^(?:\+84|84|0)([1-9]\d{8,9})$/;

/** The E.164 spelling of a Vietnamese number, or null when `input` is not one. */
export function normalizeVnPhone(input: string): string | null {
  const m = VN_NUMBER.exec(input.normalize("NFKC").replace(SEPARATORS, ""));
  return m ? `+84${m[1]}` : null;
}

/** What a sign-in name is: an e-mail (it has an @) or a phone number. */
export type LoginName = { kind: "email"; value: string } | { kind: "phone"; value: string };

export function parseLoginName(input: string): LoginName | null {
  const trimmed = input.trim();
  if (trimmed.includes("@"))
    return { kind: "email", value: trimmed.normalize("NFC").toLowerCase() };
  const phone = normalizeVnPhone(trimmed);
  return phone ? { kind: "phone", value: phone } : null;
}
