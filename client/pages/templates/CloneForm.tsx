// "Nhân bản": a tenant's own copy of a template, under a key and a name of its choosing.
import { useSubmission } from "@solidjs/router";
import { createSignal } from "solid-js";
import { alertUnlessField, fieldError } from "../../lib/errors";
import { normaliseSlug } from "../../lib/slug";
import { copyTemplate } from "./templates.data";
import { Field, Input } from "../../components/Field";
import { Alert } from "../../components/Alert";
import { Submit } from "../../components/Submit";

export default function CloneForm(props: { tenant: string; fromKey: string; fromName: string }) {
  const sub = useSubmission(copyTemplate, (input) => input[1] === props.fromKey);
  const [key, setKey] = createSignal("");
  const [keyTouched, setKeyTouched] = createSignal(false);
  const id = (s: string) => `clone-${props.fromKey}-${s}`;
  const err = (f: string) => fieldError(sub.error, f);
  return (
    <form action={copyTemplate.with(props.tenant, props.fromKey)} method="post" class="stack">
      <Field id={id("name")} label="Tên mẫu mới" error={err("name")}>
        <Input
          name="name"
          type="text"
          required
          minLength={3}
          maxLength={200}
          value={`${props.fromName} (đảng bộ)`}
          onInput={(e) => {
            // Suggest a key from the name until the admin types one.
            if (!keyTouched())
              setKey(normaliseSlug(e.currentTarget.value).replace(/[^a-z0-9-]/g, ""));
          }}
        />
      </Field>
      <Field
        id={id("key")}
        label="Khóa (viết thường, không dấu, nối bằng gạch ngang)"
        error={err("key")}
      >
        <Input
          name="key"
          type="text"
          required
          maxLength={60}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          autocapitalize="none"
          spellcheck={false}
          value={key() || `${props.fromKey}-dang-bo`}
          onInput={(e) => {
            setKeyTouched(true);
            setKey(e.currentTarget.value);
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
