// The sign-up page's code rule and suggestion (client/pages/signup/slug.ts) against the
// server's: the request schema (schema/api.ts Slug) and the shape every tenant is made with
// (worker/data/tenants.ts checkSlugShape). A code the page accepts is one the server accepts.
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { Slug } from "../../schema/api";
import { checkSlugShape } from "../../worker/data/tenants";
import { slugProblem, suggestSlug } from "../../client/pages/signup/slug";

const serverAccepts = (slug: string) => {
  if (!v.safeParse(Slug, slug).success) return false;
  try {
    checkSlugShape(slug);
    return true;
  } catch {
    return false;
  }
};

describe("suggestSlug", () => {
  it("folds diacritics and đ, drops the leading Đảng bộ / Đảng ủy, joins words with one hyphen", () => {
    expect(suggestSlug("Đảng bộ phường Phúc Xá")).toBe("phuong-phuc-xa");
    expect(suggestSlug("Đảng ủy Khối cơ quan – doanh nghiệp tỉnh")).toBe(
      "khoi-co-quan-doanh-nghiep-tinh",
    );
    expect(suggestSlug("Quận ủy Long Biên")).toBe("quan-uy-long-bien");
    expect(suggestSlug("  Đảng bộ  xã Đông Hội (2025) ")).toBe("xa-dong-hoi-2025");
    expect(suggestSlug("Đảng bộ")).toBe("dang-bo");
    expect(suggestSlug("")).toBe("");
  });

  it("cuts at a word within 40 characters", () => {
    const slug = suggestSlug(
      "Đảng bộ Trường Đại học Sư phạm Kỹ thuật Thành phố Hồ Chí Minh cơ sở hai",
    );
    expect(slug).toBe("truong-dai-hoc-su-pham-ky-thuat-thanh");
    expect(slug.length).toBeLessThanOrEqual(40);
  });

  it("suggests only codes the server accepts (for names of three characters or more)", () => {
    for (const name of [
      "Đảng bộ phường Phúc Xá",
      "Đảng ủy xã Ân Thi",
      "Thành ủy Hà Nội",
      "Đảng bộ Ngân hàng Nhà nước – Chi nhánh 1",
      "Chi bộ số 7",
    ])
      expect(serverAccepts(suggestSlug(name)), name).toBe(true);
  });
});

describe("slugProblem", () => {
  it("accepts exactly what the server accepts", () => {
    for (const slug of [
      "phuong-phuc-xa",
      "abc",
      "a1-b2",
      "x".repeat(40),
      "x".repeat(41),
      "ab",
      "-abc",
      "abc-",
      "a--b",
      "---",
      "Phuong",
      "phường",
      "a b c",
      "a_b",
    ])
      expect(slugProblem(slug) === "", slug).toBe(serverAccepts(slug));
  });

  it("says what is wrong in Vietnamese", () => {
    expect(slugProblem("")).toBe("Hãy nhập mã đảng bộ.");
    expect(slugProblem("ab")).toBe("Mã đảng bộ gồm 3–40 ký tự.");
    expect(slugProblem("phường")).toBe(
      "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.",
    );
    expect(slugProblem("a--b")).toBe(
      "Dấu gạch ngang chỉ nằm giữa hai chữ, không ở đầu, cuối hay hai dấu liền nhau.",
    );
  });
});
