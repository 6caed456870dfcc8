// The landing page's one write-like step: turn what the user typed into a đảng bộ code and
// go to its login page. An action (not an onSubmit handler) so the form works the same way
// as every other form here and its error lands in the submission.
import { action, redirect } from "@solidjs/router";
import { normaliseSlug, SLUG_RE } from "../../lib/slug";

export const openTenant = action(async (form: FormData | URLSearchParams) => {
  const slug = normaliseSlug(String(form.get("slug") ?? ""));
  if (!SLUG_RE.test(slug)) {
    throw new Error(
      "Mã đảng bộ gồm 3–40 ký tự: chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: long-bien).",
    );
  }
  throw redirect(`/t/${slug}/dang-nhap`);
}, "open-tenant");
