// "In phiếu đặt lại mật khẩu": a secretary (or the admin) prints a slip with a short code and
// a QR code for a member of their own cell who forgot the password. A new slip replaces the
// previous one; the code works once.
import { createSignal, lazy, Show } from "solid-js";
import { ApiError } from "../../api";
import { createResetSlip, type ResetSlip as Slip } from "../../api-admin";
import { Alert } from "../../components/Alert";

const Slips = lazy(() => import("./Slips"));

export default function ResetSlip(props: { tenant: string; memberId: string }) {
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal("");
  const [slip, setSlip] = createSignal<Slip | null>(null);
  const make = async () => {
    setPending(true);
    setError("");
    try {
      setSlip(await createResetSlip(props.tenant, props.memberId));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Không tạo được phiếu.");
    } finally {
      setPending(false);
    }
  };
  return (
    <div class="stack">
      <Alert>{error()}</Alert>
      <p>
        <button
          type="button"
          class="button ghost"
          disabled={pending()}
          aria-busy={pending() ? "true" : undefined}
          onClick={() => void make()}
        >
          {pending() ? "Đang tạo phiếu…" : "In phiếu đặt lại mật khẩu"}
        </button>
      </p>
      <Show when={slip()}>{(s) => <Slips kind="reset" slips={[s()]} />}</Show>
    </div>
  );
}
