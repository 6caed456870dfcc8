// The admin's password on the sign-up form and on the confirmation page: one rule, one box.
import { Field, Input } from "../../components/Field";

export function AdminPasswordField(props: { id: string; error: string }) {
  return (
    <Field id={props.id} label="Mật khẩu" required hint="Ít nhất 10 ký tự." error={props.error}>
      <Input name="password" type="password" autocomplete="new-password" maxLength={200} />
    </Field>
  );
}
