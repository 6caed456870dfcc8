// "/" — what the product is, and the way in to one's own đảng bộ.
import { A, useSubmission } from "@solidjs/router";
import { useTitle } from "../../lib/title";
import { openTenant } from "./landing.data";
import { Field } from "../../components/Field";
import { Alert } from "../../components/Alert";

export default function LandingPage() {
  const sub = useSubmission(openTenant);
  useTitle(() => undefined);
  return (
    <main id="main" tabindex="-1" class="page narrow">
      <h1>Sinh hoạt chính trị</h1>
      <p class="lead">
        Nền tảng giúp đảng bộ tổ chức các đợt sinh hoạt chính trị trên điện thoại: đảng viên viết
        bản kiểm điểm, kế hoạch tự soi, tự sửa; chi bộ họp, góp ý và xác nhận; cấp ủy theo dõi tiến
        độ của từng chi bộ và nhận báo cáo đúng hạn, không phải cộng sổ bằng tay.
      </p>

      <section class="card" aria-labelledby="enter-heading">
        <h2 id="enter-heading">Vào đảng bộ của bạn</h2>
        <form action={openTenant} method="post" class="stack">
          <Field
            id="slug"
            label="Mã đảng bộ"
            hint={
              <>
                Mã do văn phòng cấp ủy cung cấp, ví dụ: <code>long-bien</code>.
              </>
            }
          >
            <input
              id="slug"
              name="slug"
              type="text"
              required
              autocomplete="organization"
              autocapitalize="none"
              spellcheck={false}
              enterkeyhint="go"
              aria-describedby="slug-hint"
              aria-invalid={sub.error ? "true" : undefined}
            />
          </Field>
          <Alert>{sub.error?.message}</Alert>
          <button type="submit" class="button primary">
            Tiếp tục
          </button>
        </form>
      </section>

      <p class="center">
        <A href="/dang-ky" class="button">
          Đăng ký đảng bộ mới
        </A>
      </p>
      <p class="center">
        Muốn xem thử? <A href="/t/demo/dang-nhap">Vào đảng bộ mẫu</A>
      </p>
    </main>
  );
}
