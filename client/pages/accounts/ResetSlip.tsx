// "In phiếu đặt lại mật khẩu": a secretary (or the admin) prints a slip with a short code and
// a QR code for a member of their own cell who forgot the password. A new slip replaces the
// previous one; the code works once.
import { createSignal, lazy, Show } from "solid-js";
import { createResetSlip, type ResetSlip as Slip } from "../../api-admin";
import { RunButton, useRun } from "./run";

const Slips = lazy(() => import("./Slips"));

export default function ResetSlip(props: { tenant: string; memberId: string }) {
  const state = useRun("Không tạo được phiếu.");
  const [slip, setSlip] = createSignal<Slip | null>(null);
  const make = () =>
    state.run(async () => {
      setSlip(await createResetSlip(props.tenant, props.memberId));
    });
  return (
    <div class="stack">
      <RunButton
        state={state}
        busy="Đang tạo phiếu…"
        class="button ghost"
        onRun={() => void make()}
      >
        In phiếu đặt lại mật khẩu
      </RunButton>
      <Show when={slip()}>{(s) => <Slips kind="reset" slips={[s()]} />}</Show>
    </div>
  );
}
