// Any path the SPA does not know.
import { A, useLocation } from "@solidjs/router";
import PublicHeader from "../../components/PublicHeader";
import { useTitle } from "../../lib/title";

export default function NotFoundPage() {
  const location = useLocation();
  useTitle(() => "Không tìm thấy trang");
  return (
    <>
      <PublicHeader />
      <main id="main" tabindex="-1" class="page narrow">
        <p class="eyebrow">Lỗi 404</p>
        <h1>Không tìm thấy trang</h1>
        <p>
          Địa chỉ <code class="break">{location.pathname}</code> không có trong hệ thống. Có thể
          đường dẫn đã cũ hoặc bị gõ nhầm.
        </p>
        <p>
          <A href="/" class="button">
            Về trang đầu
          </A>
        </p>
      </main>
    </>
  );
}
