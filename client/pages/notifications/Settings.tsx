// /t/:tenant/thong-bao/cai-dat — how events reach me beside the app: e-mail at once, a daily
// digest, or the app only. An admin also sees the đảng bộ's notification settings and whether
// this deployment sends e-mail at all (without SMTP_URL or MAIL_API_URL it does not).
import { createAsync, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import { NOTIFY_MODE_LABELS, NOTIFY_MODES } from "../../../schema/vocab/people";
import { Alert } from "../../components/Alert";
import { Submit } from "../../components/Submit";
import { distinctErrorText } from "../../lib/errors";
import { useTitle } from "../../lib/title";
import { getMe } from "../shell/shell.data";
import {
  getNotifyPreference,
  getTenantNotifySettings,
  saveNotifyPreference,
} from "./notify-settings.data";
import { TenantSettings } from "./TenantSettings";
import "../screens.css";
import "./notifications.css";

export default function NotifySettingsPage(props: RouteSectionProps) {
  const slug = () => props.params.tenant ?? "";
  const pref = createAsync(() => getNotifyPreference(slug()));
  const me = createAsync(() => getMe(slug()));
  const isAdmin = () => !!me()?.grants.some((g) => g.role === "admin");
  const tenantSettings = createAsync(async () =>
    isAdmin() ? getTenantNotifySettings(slug()) : undefined,
  );
  const saved = useSubmission(saveNotifyPreference);
  useTitle(() => "Cách nhận thông báo");

  return (
    <>
      <h1>Cách nhận thông báo</h1>
      <Show when={pref()}>
        {(p) => (
          <form action={saveNotifyPreference.with(slug())} method="post" class="card stack">
            <fieldset class="notify-modes">
              <legend>
                Mọi thông báo (kế hoạch được nộp, trả lại, xác nhận, góp ý, báo cáo) luôn hiện trong
                ứng dụng. Ngoài ra:
              </legend>
              <For each={NOTIFY_MODES}>
                {(mode) => (
                  <label>
                    <input type="radio" name="mode" value={mode} checked={p().mode === mode} />{" "}
                    {NOTIFY_MODE_LABELS[mode]}
                  </label>
                )}
              </For>
            </fieldset>
            <Show when={!p().hasEmail}>
              <p class="cell-note">
                Tài khoản của đồng chí chưa có địa chỉ thư điện tử: thông báo chỉ hiện trong ứng
                dụng.
              </p>
            </Show>
            <Show when={p().hasEmail && !p().emailOn}>
              <p class="cell-note">
                Hiện chưa gửi được thư điện tử (chưa cấu hình hoặc đảng bộ đã tắt): thông báo chỉ
                hiện trong ứng dụng.
              </p>
            </Show>
            <Alert>{distinctErrorText(saved.error)}</Alert>
            <Submit pending={saved.pending} busy="Đang lưu…">
              Lưu
            </Submit>
            <Show when={saved.result?.saved && !saved.pending}>
              <p role="status">Đã lưu.</p>
            </Show>
          </form>
        )}
      </Show>
      <Show when={tenantSettings()}>
        {(s) => <TenantSettings tenant={slug()} settings={s()} />}
      </Show>
    </>
  );
}
