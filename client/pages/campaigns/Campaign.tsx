// /t/:tenant/dot-sinh-hoat/:campaignId — one campaign: its steps and due dates, the caller's
// own forms in it, the progress per unit for those who follow it, the secretary's way to
// the confirmation queue, and the admin's "Phát động" / "Kết thúc".
import { A, createAsync, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { createSignal, For, lazy, Show } from "solid-js";
import type { CampaignDetail } from "../../api";
import { errorCode, errorMessage } from "../../lib/errors";
import { dueText } from "../../lib/format";
import { formatDay } from "../../lib/labels";
import { screenTitle, withYear } from "../../lib/plan";
import { isAdmin } from "../../lib/roles";
import { useTitle } from "../../lib/title";
import { getMe } from "../shell/shell.data";
import { changeCampaign, getCampaignDetail } from "./campaigns.data";
import ProgressView from "./Progress";
import { CAMPAIGN_STATUS_LABELS, OWNER_LABELS, stepKindLabel } from "./steps";
import "../screens.css";
import { Table, Row, RowHead, Cell } from "../../components/Table";
import { Alert } from "../../components/Alert";
import { Submit } from "../../components/Submit";

// The unit's meetings and the compliance checklist: a chunk of their own, which a member who
// opens the campaign page never loads.
const MeetingsSection = lazy(() =>
  import("../meeting/Sections").then((m) => ({ default: m.MeetingsSection })),
);
const ReportsSection = lazy(() => import("./Reports").then((m) => ({ default: m.ReportsSection })));
const CampaignLinks = lazy(() => import("../unit-forms/CampaignLinks"));
// The admin's way out of a draft (refresh from the template, delete): the admin's chunk.
const DraftActions = lazy(() => import("./DraftActions"));
const ComplianceSection = lazy(() =>
  import("../meeting/Sections").then((m) => ({ default: m.ComplianceSection })),
);

export default function CampaignPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const campaignId = () => props.params.campaignId ?? "";
  const me = createAsync(() => getMe(tenant()));
  const campaign = createAsync(() => getCampaignDetail(tenant(), campaignId()));
  const grants = () => me()?.grants ?? [];
  const admin = () => isAdmin(grants());
  const follows = () => grants().some((g) => ["admin", "secretary", "viewer"].includes(g.role));
  const confirms = () => grants().some((g) => g.role === "admin" || g.role === "secretary");
  useTitle(() => campaign()?.name ?? "Đợt sinh hoạt");

  return (
    <Show when={campaign()} fallback={<p class="boot">Đang tải…</p>}>
      {(c) => (
        <>
          <p class="back">
            <A href={`/t/${tenant()}/dot-sinh-hoat`}>← Đợt sinh hoạt</A>
          </p>
          <h1>{c().name}</h1>
          <p class="muted">
            <Show when={c().documentNo}>Số {c().documentNo} · </Show>
            Từ {formatDay(c().startsOn)} đến {formatDay(c().dueOn)} · Mẫu “{c().definition.name}”
          </p>
          <p>
            <span class={`badge c-${c().status}`}>{CAMPAIGN_STATUS_LABELS[c().status]}</span>
          </p>

          <Show when={admin()}>
            <AdminActions tenant={tenant()} campaign={c()} />
          </Show>

          <Show when={grants().some((g) => g.role === "member")}>
            <MyForms tenant={tenant()} campaign={c()} />
          </Show>

          <Show when={confirms() && c().status !== "draft"}>
            <p>
              <A href={`/t/${tenant()}/dot-sinh-hoat/${c().id}/xac-nhan`} class="button">
                Xác nhận kế hoạch của đảng viên
              </A>
            </p>
          </Show>

          <Show
            when={
              c().chain.links.length > 0 &&
              c().status !== "draft" &&
              grants().some((g) => g.role === "admin" || g.role === "viewer")
            }
          >
            <p>
              <A href={`/t/${tenant()}/dot-sinh-hoat/${c().id}/bao-cao-cap-tren`} class="button">
                Báo cáo gửi cấp trên
              </A>
            </p>
          </Show>

          <Show when={confirms() && c().status === "active"}>
            <MeetingsSection tenant={tenant()} campaign={c()} grants={grants()} />
          </Show>

          <Show when={follows() && c().status !== "draft"}>
            <CampaignLinks tenant={tenant()} campaign={c()} grants={grants()} />
          </Show>

          <Show when={follows() && c().status !== "draft"}>
            <ComplianceSection tenant={tenant()} campaignId={c().id} />
          </Show>

          <Show when={follows() && c().status !== "draft"}>
            <ReportsSection tenant={tenant()} campaign={c()} grants={grants()} />
          </Show>

          <Show when={follows() && c().status !== "draft"}>
            <ProgressView
              tenant={tenant()}
              campaignId={c().id}
              campaignName={c().name}
              queue={confirms() ? `/t/${tenant()}/dot-sinh-hoat/${c().id}/xac-nhan` : ""}
            />
          </Show>

          <section aria-labelledby="steps-title">
            <h2 id="steps-title">Các bước và hạn</h2>
            <Table
              columns={["Bước", "Ai làm", "Hạn"]}
              rows={c().steps}
              stacked
              scrollLabel="steps-title"
            >
              {(s) => (
                <Row>
                  <RowHead>
                    {s.title}
                    <span class="cell-note">{stepKindLabel(s.kind)}</span>
                  </RowHead>
                  <Cell>{OWNER_LABELS[s.owner]}</Cell>
                  <Cell>{s.dueAt ? dueText(s.dueAt) : "Không có hạn cụ thể"}</Cell>
                </Row>
              )}
            </Table>
          </section>
        </>
      )}
    </Show>
  );
}

/** Links to the member forms of the campaign, for anyone who writes one. */
function MyForms(props: { tenant: string; campaign: CampaignDetail }) {
  const forms = () => {
    const keys = [
      ...new Set(
        props.campaign.steps
          .filter((s) => s.owner === "member" && s.formKey)
          .map((s) => s.formKey!),
      ),
    ];
    return keys
      .map((k) => props.campaign.definition.forms.find((f) => f.key === k))
      .filter((f) => f !== undefined);
  };
  return (
    <Show when={props.campaign.status !== "draft" && forms().length > 0}>
      <section aria-labelledby="my-forms" class="card">
        <h2 id="my-forms">Biểu mẫu của tôi</h2>
        <ul class="link-list">
          <For each={forms()}>
            {(f) => (
              <li>
                <A href={`/t/${props.tenant}/dot-sinh-hoat/${props.campaign.id}/ke-hoach/${f.key}`}>
                  {screenTitle(withYear(f.title, props.campaign.startsOn.slice(0, 4)))}
                </A>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

function AdminActions(props: { tenant: string; campaign: CampaignDetail }) {
  const sub = useSubmission(changeCampaign, (input) => input[1] === props.campaign.id);
  const [confirmClose, setConfirmClose] = createSignal(false);
  const blocked = () => errorCode(sub.error) === "NOT_LAUNCHABLE";
  const blockers = (): string[] => {
    const e = sub.error as { fields?: Record<string, string> } | undefined;
    const list = Object.values(e?.fields ?? {});
    return list.length ? list : [errorMessage(sub.error)];
  };
  return (
    <section class="card" aria-labelledby="admin-actions">
      <h2 id="admin-actions">Điều hành đợt</h2>
      <Show when={props.campaign.status === "draft"}>
        <p>
          Đợt đang ở dạng nháp. Phát động sẽ giao việc cho từng chi bộ và từng đảng viên thuộc các
          đơn vị đã chọn.
        </p>
        <form action={changeCampaign.with(props.tenant, props.campaign.id, "launch")} method="post">
          <Submit pending={sub.pending} busy="Đang phát động…">
            Phát động
          </Submit>
        </form>
        <DraftActions tenant={props.tenant} campaign={props.campaign} />
      </Show>
      <Show when={props.campaign.status === "active"}>
        <Show
          when={confirmClose()}
          fallback={
            <button type="button" class="button" onClick={() => setConfirmClose(true)}>
              Kết thúc đợt
            </button>
          }
        >
          <p>
            <strong>Kết thúc đợt sinh hoạt?</strong> Sau khi kết thúc, đảng viên không sửa hay nộp
            kế hoạch được nữa; số liệu tiến độ được giữ nguyên.
          </p>
          <div class="actions">
            <form
              action={changeCampaign.with(props.tenant, props.campaign.id, "close")}
              method="post"
            >
              <Submit pending={sub.pending} busy="Đang kết thúc…">
                Kết thúc
              </Submit>
            </form>
            <button type="button" class="button" onClick={() => setConfirmClose(false)}>
              Hủy
            </button>
          </div>
        </Show>
      </Show>
      <Show when={props.campaign.status === "closed"}>
        <p class="muted">Đợt sinh hoạt đã kết thúc.</p>
      </Show>
      <Alert>
        <Show when={sub.error}>
          <Show when={blocked()} fallback={errorMessage(sub.error)}>
            <p>Chưa phát động được:</p>
            <ul>
              <For each={blockers()}>{(b) => <li>{b}</li>}</For>
            </ul>
            <p class="alert-more">
              Đợt này giữ nguyên mẫu tại lúc tạo. Hãy bổ sung trong mục{" "}
              <A href={`/t/${props.tenant}/mau/${props.campaign.templateKey}`}>Mẫu</A> (nhân bản mẫu
              có sẵn nếu cần), rồi “Cập nhật theo mẫu” đã bổ sung ở trên.
            </p>
          </Show>
        </Show>
      </Alert>
      <p role="status" class="notice">
        {sub.result?.op === "launch"
          ? "Đã phát động: các chi bộ và đảng viên đã nhận việc."
          : sub.result?.op === "close"
            ? "Đã kết thúc đợt sinh hoạt."
            : ""}
      </p>
    </section>
  );
}
