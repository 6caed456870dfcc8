// The shared scalar types refuse at the root what must never be stored: dates that are not on
// the calendar, instants on such dates, links that are not http(s), control characters.
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { toJsonSchema } from "@valibot/to-json-schema";
import { HttpUrl, IsoDate, IsoInstant, hasControlChar } from "../../schema/scalars";

/** The oracle: a day exists when the calendar gives back the same year, month and day. */
const exists = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y, m - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

describe("IsoDate", () => {
  it("accepts exactly the days the calendar has, leap years included (1596–2404 and 0000)", () => {
    const wrong: string[] = [];
    const years = [0, 4, 100, 400, 1000, 1200];
    for (let y = 1596; y <= 2404; y++) years.push(y);
    for (const y of years)
      for (let m = 1; m <= 12; m++)
        for (let d = 1; d <= 31; d++)
          if (v.is(IsoDate, iso(y, m, d)) !== exists(y, m, d)) wrong.push(iso(y, m, d));
    expect(wrong).toEqual([]);
  });

  it("says why it refuses", () => {
    const message = (s: unknown) => v.safeParse(IsoDate, s).issues?.[0]?.message;
    expect(message("2023-02-30")).toBe("Ngày không có thật.");
    expect(message("2100-02-29")).toBe("Ngày không có thật.");
    expect(message("2024-04-31")).toBe("Ngày không có thật.");
    expect(message("30/02/2023")).toBe("Ngày phải có dạng YYYY-MM-DD.");
    expect(message("2024-02-29")).toBeUndefined();
    expect(message("2000-02-29")).toBeUndefined();
  });

  it("converts to JSON schema (the OpenAPI document and templates use it)", () => {
    expect(toJsonSchema(IsoDate)).toMatchObject({ type: "string", pattern: expect.any(String) });
  });
});

describe("IsoInstant", () => {
  it("refuses an instant on a day that does not exist instead of rolling it over", () => {
    const r = v.safeParse(IsoInstant, "2023-02-30T08:00:00+07:00");
    expect(r.issues?.[0]?.message).toBe("Ngày không có thật.");
    expect(v.parse(IsoInstant, "2024-02-29T08:00:00+07:00").toISOString()).toBe(
      "2024-02-29T01:00:00.000Z",
    );
  });
});

describe("HttpUrl", () => {
  it("allows http and https only", () => {
    expect(v.parse(HttpUrl, " https://sotay.vn/a?b=1 ")).toBe("https://sotay.vn/a?b=1");
    expect(v.is(HttpUrl, "http://sotay.vn")).toBe(true);
    for (const bad of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "file:///etc/passwd",
      "ftp://x.vn/a",
      "//x.vn",
      "https://",
    ])
      expect([bad, v.is(HttpUrl, bad)]).toEqual([bad, false]);
    expect(v.safeParse(HttpUrl, "javascript:alert(1)").issues?.[0]?.message).toBe(
      "Chỉ nhận đường dẫn bắt đầu bằng http:// hoặc https://.",
    );
  });
});

describe("hasControlChar", () => {
  it("finds NUL and other C0 controls and DEL, not tab or line breaks", () => {
    expect(hasControlChar("a\u0000b")).toBe(true);
    expect(hasControlChar("\u001b[31m")).toBe(true);
    expect(hasControlChar("x\u007f")).toBe(true);
    expect(hasControlChar("dòng 1\r\n\tdòng 2")).toBe(false);
    expect(hasControlChar("Trần Thị Hồng")).toBe(false);
  });
});
