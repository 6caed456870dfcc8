// /t/:tenant/lien-ket/sua/:campaignId — the edit of a draft that carries out a parent's
// directive, after adoption and before launch (PATCH /campaigns/:id). What the directive
// locks is shown read-only, saying who locked it ("Khóa bởi Quận ủy …"); the rest is the
// adopt screen's own inputs (AdaptFields.tsx) holding the draft's values. The save sends the
// version it read: a stale one gets "Đã có người sửa trước, tải lại"; the server's 422
// (SECTION_LOCKED, a date after the parent's deadline) lands beside the input it names.
import { A, createAsync, revalidate, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import { SECTION_LABELS, type Section } from "../../../schema/vocab/campaigns";
import type { CampaignDetail } from "../../api";
import type { Directive } from "../../api-parents";
import { Alert } from "../../components/Alert";
import { Submit } from "../../components/Submit";
import { alertUnlessField, errorCode, fieldError } from "../../lib/errors";
import { formatDay } from "../../lib/labels";
import { useTitle } from "../../lib/title";
import { getCampaignDetail } from "../campaigns/campaigns.data";
import { AdaptFields, adaptFieldNames, LockedSections } from "./AdaptFields";
import { getAdoptedDraft, getDirectives, saveAdopted } from "./links.data";
import "../screens.css";

export default function EditAdoptedPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const campaignId = () => props.params.campaignId ?? "";
  // One read of both: the draft, and the directive it carries out (visible while linked).
  const loaded = createAsync(async () => {
    const [campaign, directives] = await Promise.all([
      getAdoptedDraft(tenant(), campaignId()),
      getDirectives(tenant()),
    ]);
    const id = campaign.chain.links[0]?.directiveId;
    return { campaign, directive: directives.find((d) => d.id === id && !d.own) };
  });
  useTitle(() => "Sửa đợt nháp thực hiện văn bản cấp trên");
  return (
    <>
      <h1>Sửa đợt nháp thực hiện văn bản cấp trên</h1>
      <p>
        <A href={`/t/${tenant()}/dot-sinh-hoat/${campaignId()}`}>← Về đợt sinh hoạt</A>
      </p>
      <Show when={loaded()} fallback={<p class="muted">Đang tải…</p>}>
        {(l) => (
          <Show
            when={l().campaign.status === "draft"}
            fallback={<p class="muted">Đợt đã phát động: không sửa được nữa.</p>}
          >
            <Show
              when={l().directive}
              fallback={
                <p class="muted">
                  Đợt này không thực hiện văn bản nào của cấp trên đang liên kết: sửa trong mục Đợt
                  sinh hoạt.
                </p>
              }
            >
              {(d) => <EditForm tenant={tenant()} campaign={l().campaign} directive={d()} />}
            </Show>
          </Show>
        )}
      </Show>
    </>
  );
}

function EditForm(props: { tenant: string; campaign: CampaignDetail; directive: Directive }) {
  const sub = useSubmission(saveAdopted);
  const c = () => props.campaign;
  const issuer = () => c().chain.links[0]!;
  /** "Đảng bộ quận X (187-KH/QU)": who locked, and in which document. */
  const by = () =>
    `${issuer().issuer} (${issuer().documentNo ? `số ${issuer().documentNo}` : issuer().name})`;
  const locked = () =>
    props.directive.lockedSections.filter((s): s is Section => s in SECTION_LABELS);
  const conflict = () => errorCode(sub.error) === "VERSION_CONFLICT";
  const reload = async () => {
    sub.clear();
    await revalidate([
      getAdoptedDraft.keyFor(props.tenant, c().id),
      getCampaignDetail.keyFor(props.tenant, c().id),
    ]);
  };
  return (
    <form action={saveAdopted.with(props.tenant, c(), props.directive)} method="post" class="stack">
      <section class="card" aria-labelledby="edit-parent">
        <h2 id="edit-parent">{c().name}</h2>
        <p class="cell-note">
          <Show when={c().documentNo}>Số {c().documentNo} · </Show>
          Từ {formatDay(c().startsOn)} đến {formatDay(c().dueOn)} · hạn của cấp trên{" "}
          {formatDay(props.directive.dueOn)}
        </p>
        <p class="muted">Đợt sinh hoạt ghi: “{c().chain.text}”.</p>
        <LockedSections when={locked().length > 0}>
          <h3>Phần bị khóa (chỉ xem)</h3>
          <ul class="locked-list">
            <For each={locked()}>
              {(s) => (
                <li>
                  <strong>{SECTION_LABELS[s]}</strong>: Khóa bởi {by()}.
                </li>
              )}
            </For>
          </ul>
        </LockedSections>
      </section>

      <AdaptFields
        tenant={props.tenant}
        terms={props.directive}
        values={{ ...c(), documentNo: c().documentNo ?? null }}
        err={(k) => fieldError(sub.error, k)}
        lockedBy={issuer().issuer}
      />

      <Alert>
        <Show
          when={conflict()}
          fallback={alertUnlessField(sub.error, ...adaptFieldNames(c().definition))}
        >
          <p>Đã có người sửa trước, tải lại để sửa trên bản mới nhất.</p>
          <p>
            <button type="button" class="button small" onClick={() => void reload()}>
              Tải lại
            </button>
          </p>
        </Show>
      </Alert>
      <Submit pending={sub.pending} busy="Đang lưu…">
        Lưu thay đổi
      </Submit>
      <p role="status" class="notice">
        {sub.result?.notice ?? ""}
      </p>
    </form>
  );
}
