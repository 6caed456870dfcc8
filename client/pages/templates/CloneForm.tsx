// "Nhân bản": a tenant's own copy of a template, under a key and a name of its choosing. The
// key is suggested from the name by the server's own rule (schema/rules/keys.ts), so a name
// with "–" or diacritics gives a key the server accepts; a key typed by hand is checked here
// in Vietnamese (not by the browser's generic pattern message) and again by the server.
import { useSubmission } from "@solidjs/router";
import { createSignal } from "solid-js";
import { KEY_MAX, KEY_RE, keyFromName } from "../../../schema/rules/keys";
import { alertUnlessField, fieldError } from "../../lib/errors";
import { copyTemplate } from "./templates.data";
import { Field, Input } from "../../components/Field";
import { Alert } from "../../components/Alert";
import { Submit } from "../../components/Submit";

/** The admin's key in words, "" when it will do. */
export function keyProblem(key: string): string {
  if (!key) return "Hãy đặt khóa (hoặc đặt tên có chữ để gợi ý khóa).";
  if (key.length > KEY_MAX) return `Khóa tối đa ${KEY_MAX} ký tự.`;
  if (!KEY_RE.test(key))
    return `Khóa chỉ gồm chữ thường không dấu, số và dấu gạch ngang giữa các từ, ví dụ “${keyFromName(key) || "ct24-phuong"}”.`;
  return "";
}

export default function CloneForm(props: { tenant: string; fromKey: string; fromName: string }) {
  const sub = useSubmission(copyTemplate, (input) => input[1] === props.fromKey);
  const initialName = `${props.fromName} (đảng bộ)`;
  const [key, setKey] = createSignal(keyFromName(initialName));
  const [keyTouched, setKeyTouched] = createSignal(false);
  const [checked, setChecked] = createSignal(false);
  const id = (s: string) => `clone-${props.fromKey}-${s}`;
  const keyError = () => (checked() ? keyProblem(key()) : "") || fieldError(sub.error, "key");
  return (
    <form
      action={copyTemplate.with(props.tenant, props.fromKey)}
      method="post"
      class="stack"
      noValidate
      onSubmit={(e) => {
        setChecked(true);
        if (keyProblem(key())) {
          e.preventDefault();
          document.getElementById(id("key"))?.focus();
        }
      }}
    >
      <Field id={id("name")} label="Tên mẫu mới" error={fieldError(sub.error, "name")}>
        <Input
          name="name"
          type="text"
          required
          minLength={3}
          maxLength={200}
          value={initialName}
          onInput={(e) => {
            // Suggest a key from the name until the admin types one.
            if (!keyTouched()) setKey(keyFromName(e.currentTarget.value));
          }}
        />
      </Field>
      <Field
        id={id("key")}
        label="Khóa (viết thường, không dấu, nối bằng gạch ngang)"
        hint="Gợi ý từ tên mẫu; dùng trong đường dẫn, không đổi được sau khi tạo."
        error={keyError()}
      >
        <Input
          name="key"
          type="text"
          required
          maxLength={KEY_MAX}
          autocapitalize="none"
          spellcheck={false}
          value={key()}
          onInput={(e) => {
            setKeyTouched(true);
            setKey(e.currentTarget.value.trim());
          }}
        />
      </Field>
      <Alert>{alertUnlessField(sub.error, "key", "name")}</Alert>
      <Submit pending={sub.pending} busy="Đang nhân bản…">
        Nhân bản
      </Submit>
    </form>
  );
}
