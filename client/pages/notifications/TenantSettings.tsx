// The admin's part of "Cách nhận thông báo": whether this deployment sends e-mail at all (the
// operator's SMTP_URL or MAIL_API_URL, shown as the server words it) and the đảng bộ's own
// settings — its e-mail switch, days of notice, quiet hours and webhook address. The
// webhook's secret is never shown nor sent back: left out of the form, it stays as stored.
import { useSubmission } from "@solidjs/router";
import { Show } from "solid-js";
import type { TenantNotifySettings } from "../../api-notify";
import { Alert } from "../../components/Alert";
import { Field, Input } from "../../components/Field";
import { Submit } from "../../components/Submit";
import { alertUnlessField, fieldError } from "../../lib/errors";
import { saveTenantNotifySettings } from "./notify-settings.data";

export function TenantSettings(props: { tenant: string; settings: TenantNotifySettings }) {
  const saved = useSubmission(saveTenantNotifySettings);
  const err = (name: string) => fieldError(saved.error, name);
  return (
    <section class="card stack" aria-labelledby="tenant-notify-title">
      <h2 id="tenant-notify-title">Cài đặt của đảng bộ (quản trị)</h2>
      <p role="status">
        <strong>Thư điện tử: </strong>
        {props.settings.emailNote}
      </p>
      <form action={saveTenantNotifySettings.with(props.tenant)} method="post" class="stack">
        <label class="notify-switch">
          <input type="checkbox" name="email" checked={props.settings.email} /> Cho phép gửi thư
          điện tử (nhắc việc và thông báo)
        </label>
        <Field id="daysBefore" label="Nhắc trước hạn (ngày)" error={err("daysBefore")}>
          <Input
            type="number"
            name="daysBefore"
            min="0"
            max="30"
            required
            value={props.settings.daysBefore}
          />
        </Field>
        <Field
          id="quietFrom"
          label="Giờ yên lặng: từ"
          hint="Để trống cả hai ô nếu không đặt giờ yên lặng."
          error={err("quietHours")}
        >
          <Input type="time" name="quietFrom" value={props.settings.quietHours?.from ?? ""} />
        </Field>
        <Field id="quietTo" label="Giờ yên lặng: đến">
          <Input type="time" name="quietTo" value={props.settings.quietHours?.to ?? ""} />
        </Field>
        <Field id="webhookUrl" label="Webhook (https://…)" error={err("webhookUrl")}>
          <Input type="url" name="webhookUrl" value={props.settings.webhookUrl ?? ""} />
        </Field>
        <Alert>{alertUnlessField(saved.error, "daysBefore", "quietHours", "webhookUrl")}</Alert>
        <Submit pending={saved.pending} busy="Đang lưu…">
          Lưu cài đặt của đảng bộ
        </Submit>
        <Show when={saved.result?.saved && !saved.pending}>
          <p role="status">Đã lưu cài đặt của đảng bộ.</p>
        </Show>
      </form>
    </section>
  );
}
