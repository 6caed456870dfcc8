// A draft campaign's way out, for the admin: what still blocks its launch, "Cập nhật theo
// mẫu" (the template's latest version, or the đảng bộ's copy with its lists filled in — the
// name, dates and units stay) and "Xóa đợt nháp". A draft froze its template when it was
// made, so filling a list in the template alone does not reach it: this is how it does.
import { A, createAsync, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { CampaignDetail } from "../../api";
import { errorCode, errorMessage } from "../../lib/errors";
import { getTemplates } from "../templates/templates.data";
import { refreshDraft, removeDraft } from "./drafts.data";
import { Field, Select } from "../../components/Field";
import { Alert } from "../../components/Alert";
import { Submit } from "../../components/Submit";

export default function DraftActions(props: { tenant: string; campaign: CampaignDetail }) {
  const c = () => props.campaign;
  const templates = createAsync(() => getTemplates(props.tenant));
  const refreshing = useSubmission(refreshDraft, (input) => input[1] === c().id);
  const removing = useSubmission(removeDraft, (input) => input[1] === c().id);
  const [confirmDelete, setConfirmDelete] = createSignal(false);
  const templateHref = `/t/${props.tenant}/mau/${c().templateKey}`;
  return (
    <div class="stack">
      <Show when={c().launchBlockers.length > 0}>
        <div class="callout-warning" role="note">
          <p>
            <strong>Đợt nháp này chưa phát động được:</strong>
          </p>
          <ul>
            <For each={c().launchBlockers}>{(b) => <li>{b}</li>}</For>
          </ul>
          <p>
            Cách xử lý: mở <A href={templateHref}>mẫu của đợt</A> (mẫu có sẵn thì nhân bản trước),
            nhập đủ danh sách, rồi “Cập nhật theo mẫu” dưới đây và chọn mẫu đã bổ sung. Hoặc xóa đợt
            nháp này.
          </p>
        </div>
      </Show>
      <Show
        when={c().chain.links.length === 0}
        fallback={
          <>
            <p>
              <A class="button" href={`/t/${props.tenant}/lien-ket/sua/${c().id}`}>
                Sửa đợt nháp
              </A>{" "}
              <span class="cell-note">(trong giới hạn văn bản của cấp trên)</span>
            </p>
            <p class="muted">
              Đợt này thực hiện văn bản của cấp trên nên không cập nhật theo mẫu: muốn làm lại, xóa
              đợt nháp rồi áp dụng lại văn bản.
            </p>
          </>
        }
      >
        <form
          class="stack"
          action={refreshDraft.with(props.tenant, c().id, c().version)}
          method="post"
        >
          <Field
            id={`refresh-${c().id}`}
            label="Cập nhật theo mẫu"
            hint="Lấy phiên bản mới nhất của mẫu; tên, ngày và đơn vị của đợt giữ nguyên."
          >
            <Select name="templateKey">
              <For
                each={(templates() ?? []).filter((t) => !t.builtIn || t.key === c().templateKey)}
              >
                {(t) => (
                  <option value={t.key} selected={t.key === c().templateKey}>
                    {t.name} ({t.builtIn ? "mẫu có sẵn" : `phiên bản ${t.version}`})
                  </option>
                )}
              </For>
            </Select>
          </Field>
          <Submit pending={refreshing.pending} busy="Đang cập nhật…">
            Cập nhật theo mẫu
          </Submit>
        </form>
      </Show>
      <Show
        when={confirmDelete()}
        fallback={
          <p>
            <button type="button" class="button" onClick={() => setConfirmDelete(true)}>
              Xóa đợt nháp
            </button>
          </p>
        }
      >
        <p>
          <strong>Xóa đợt nháp “{c().name}”?</strong> Đợt chưa phát động nên chưa ai nhận việc.
        </p>
        <div class="actions">
          <form action={removeDraft.with(props.tenant, c().id)} method="post">
            <Submit pending={removing.pending} busy="Đang xóa…">
              Xóa
            </Submit>
          </form>
          <button type="button" class="button" onClick={() => setConfirmDelete(false)}>
            Hủy
          </button>
        </div>
      </Show>
      <Alert>
        <Show when={refreshing.error || removing.error}>
          {(e) => (
            <>
              <p>{errorMessage(e())}</p>
              <Show when={errorCode(e()) === "VERSION_CONFLICT"}>
                <p class="alert-more">Hãy tải lại trang để xem đợt mới nhất.</p>
              </Show>
            </>
          )}
        </Show>
      </Alert>
      <p role="status" class="notice">
        {refreshing.result
          ? `Đã cập nhật theo mẫu “${refreshing.result.templateKey}” (phiên bản ${refreshing.result.templateVersion}).`
          : ""}
      </p>
    </div>
  );
}
