// Accounts for everyone on a unit's roll (or the whole roster, for an admin) in one go: an
// e-mailed link where the roster has an address, a printed slip with a code and a QR code
// otherwise, and the names that have neither. Pages of the server's size follow one another
// on request ("Mời tiếp"). Calling again makes no duplicates: the server skips members who
// have an account or a live invitation.
import { revalidate } from "@solidjs/router";
import { createSignal, lazy, Show } from "solid-js";
import { inviteRoster, type BulkInvitations } from "../../api-admin";
import { RunButton, useRun } from "./run";
import { countLabel } from "../../lib/labels";

/** The slips and their QR encoder load only when there are slips to show. */
const Slips = lazy(() => import("./Slips"));

export default function BulkInvite(props: {
  tenant: string;
  /** The subtree; absent: the whole roster. */
  unitId?: string;
  /** "Chi bộ …" or "toàn đảng bộ", for the button and the summary. */
  place: string;
}) {
  const state = useRun("Không tạo được lời mời.");
  const [result, setResult] = createSignal<BulkInvitations | null>(null);

  const invite = (after?: string) =>
    state.run(async () => {
      const page = await inviteRoster(props.tenant, {
        ...(props.unitId ? { unitId: props.unitId } : {}),
        ...(after ? { after } : {}),
      });
      const prev = after ? result() : null;
      setResult(
        prev
          ? {
              emailed: [...prev.emailed, ...page.emailed],
              slips: [...prev.slips, ...page.slips],
              unreachable: [...prev.unreachable, ...page.unreachable],
              next: page.next,
            }
          : page,
      );
      void revalidate("invitations");
    });

  return (
    <section class="card stack" aria-labelledby="bulk-title">
      <h2 id="bulk-title">Mời cả {props.place}</h2>
      <p class="hint">
        Mỗi đảng viên trong danh sách chưa có tài khoản nhận một lời mời: gửi thư nếu có địa chỉ thư
        điện tử; nếu không, in phiếu có mã và mã QR để phát tại buổi sinh hoạt. Mời lại không tạo
        lời mời trùng.
      </p>
      <RunButton state={state} busy="Đang tạo lời mời…" class="button" onRun={() => void invite()}>
        Mời cả {props.place}
      </RunButton>
      <Show when={result()}>
        {(r) => (
          <>
            <p role="status">
              Đã gửi thư mời cho {countLabel(r().emailed.length, "người")}; in phiếu cho{" "}
              {countLabel(r().slips.length, "người")}.
            </p>
            <Show when={r().unreachable.length > 0}>
              <p>
                Chưa có thư điện tử hay số điện thoại, cần bổ sung vào danh sách:{" "}
                {r()
                  .unreachable.map((u) => u.fullName)
                  .join(", ")}
                .
              </p>
            </Show>
            <Show when={r().next}>
              {(next) => (
                <p>
                  <button
                    type="button"
                    class="button ghost"
                    disabled={state.pending()}
                    onClick={() => void invite(next())}
                  >
                    Mời tiếp những người còn lại
                  </button>
                </p>
              )}
            </Show>
            <Show when={r().slips.length > 0}>
              <Slips kind="invite" slips={r().slips} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
