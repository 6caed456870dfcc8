// /t/:tenant/sao-luu — the đảng bộ's whole data as one file, and loading such a file into a
// brand-new đảng bộ (just signed up, nothing entered yet). The server checks the whole file
// before anything is kept: a damaged or foreign file changes nothing.
import { useSubmission, type RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";
import { archiveExportUrl } from "../../api-admin";
import { Alert } from "../../components/Alert";
import { Field, Input } from "../../components/Field";
import { errorText } from "../../lib/errors";
import { useTitle } from "../../lib/title";
import { loadArchive } from "./archive.data";
import "../screens.css";
import { UploadForm } from "../../components/UploadForm";

export default function ArchivePage(props: RouteSectionProps) {
  const slug = () => props.params.tenant ?? "";
  const sub = useSubmission(loadArchive);
  useTitle(() => "Sao lưu dữ liệu");
  return (
    <>
      <h1>Sao lưu dữ liệu</h1>
      <section class="card stack">
        <h2>Tải bản xuất</h2>
        <p>
          Một tệp .zip chứa toàn bộ dữ liệu của đảng bộ: đơn vị, đảng viên và quá trình sinh hoạt,
          tài khoản (không có mật khẩu), mẫu, đợt sinh hoạt, kế hoạch với mọi phiên bản, hội nghị,
          báo cáo, nhận xét, góp ý, thông báo và nhật ký. Hãy giữ tệp ở nơi an toàn: trong đó có kế
          hoạch cá nhân của đảng viên.
        </p>
        <p>
          <a href={archiveExportUrl(slug())} class="button primary">
            Tải bản xuất
          </a>
        </p>
      </section>
      <UploadForm action={loadArchive.with(slug())}>
        <h2>Nhập bản xuất vào đảng bộ mới</h2>
        <p>
          Chỉ dùng được cho đảng bộ vừa đăng ký, chưa nhập dữ liệu gì. Các tài khoản trong bản xuất
          cần đặt lại mật khẩu; tài khoản của bạn giữ nguyên mật khẩu.
        </p>
        <Field id="archive-file" label="Tệp bản xuất (.zip)">
          <Input name="file" type="file" required accept=".zip,application/zip" />
        </Field>
        <Alert>{errorText(sub.error)}</Alert>
        <div role="status" class="result">
          <Show when={sub.pending}>
            <p>Đang kiểm tra và nhập tệp…</p>
          </Show>
          <Show when={!sub.pending && sub.result}>
            {(r) => (
              <p class="ok">
                Đã nhập {r().rows.toLocaleString("vi-VN")} dòng dữ liệu của “{r().source.name}”
                (xuất lúc{" "}
                {new Date(r().exportedAt).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" })}
                ).
              </p>
            )}
          </Show>
        </div>
        <div class="actions">
          <button type="submit" class="button" disabled={sub.pending}>
            Nhập
          </button>
        </div>
      </UploadForm>
    </>
  );
}
