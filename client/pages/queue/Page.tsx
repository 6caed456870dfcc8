// /t/:tenant/dot-sinh-hoat/:campaignId/xac-nhan — the secretary's checklist of a campaign
// (DESIGN.md §5): plans waiting for the cell's confirmation, members who have not submitted
// (with "Nhập thay" for those without a phone), confirmed plans, and excused members.
// ?unitId= narrows it to one unit's subtree.
import {
  A,
  createAsync,
  useLocation,
  useSearchParams,
  type RouteSectionProps,
} from "@solidjs/router";
import { createMemo, For, Show, type JSX } from "solid-js";
import type { QueueEntry } from "../../api";
import UnitSelect from "../../components/UnitSelect";
import { dueText, formatDate, TASK_STATUS_LABELS } from "../../lib/format";
import { useTitle } from "../../lib/title";
import { buildTree } from "../../lib/tree";
import { getCampaignDetail, getCampaignQueue } from "../campaigns/campaigns.data";
import { trackedFormKey } from "../campaigns/steps";
import { getUnits } from "../units/units.data";
import "../screens.css";
import { Field } from "../../components/Field";

interface Section {
  id: string;
  title: string;
  entries: "awaitingConfirmation" | "missing" | "confirmed" | "excused";
  empty: string;
}

/** The queue's sections, in the order the secretary works through them. */
const SECTIONS: readonly Section[] = [
  {
    id: "q-awaiting",
    title: "Chờ xác nhận",
    entries: "awaitingConfirmation",
    empty: "Không có kế hoạch nào đang chờ xác nhận.",
  },
  { id: "q-missing", title: "Chưa nộp", entries: "missing", empty: "Mọi đảng viên đều đã nộp." },
  {
    id: "q-confirmed",
    title: "Đã xác nhận",
    entries: "confirmed",
    empty: "Chưa có kế hoạch nào được xác nhận.",
  },
  {
    id: "q-excused",
    title: "Được miễn",
    entries: "excused",
    empty: "Không có đảng viên nào được miễn.",
  },
];

export default function QueuePage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const campaignId = () => props.params.campaignId ?? "";
  const [search, setSearch] = useSearchParams<{ unitId?: string }>();
  const unitId = () => search.unitId ?? "";
  const location = useLocation<{ notice?: string }>();
  const campaign = createAsync(() => getCampaignDetail(tenant(), campaignId()));
  const queue = createAsync(() => getCampaignQueue(tenant(), campaignId(), unitId()));
  const units = createAsync(() => getUnits(tenant()));
  const tree = createMemo(() => buildTree(units() ?? []));
  // A secretary of one cell needs no unit on every line.
  const unitName = (id: string) => (tree().byId.size > 1 ? (tree().byId.get(id)?.name ?? "") : "");
  const formKey = () => (campaign() ? trackedFormKey(campaign()!.definition) : null);
  const base = () => `/t/${tenant()}/dot-sinh-hoat/${campaignId()}`;
  useTitle(() => "Xác nhận kế hoạch");

  /** What a secretary can do with a member's plan, by section. */
  const actions: Record<Exclude<Section["entries"], "excused">, (e: QueueEntry) => JSX.Element> = {
    awaitingConfirmation: (e) => (
      <A href={`${base()}/xac-nhan/${e.submission!.id}`} class="button small">
        Xem và xác nhận
      </A>
    ),
    missing: (e) => (
      <Show when={formKey()}>
        <A
          href={`${base()}/nhap-thay/${e.memberId}/${formKey()}`}
          class="button small"
          aria-label={`Nhập thay cho ${e.fullName}`}
        >
          Nhập thay
        </A>
      </Show>
    ),
    confirmed: (e) => (
      <Show when={e.submission}>
        <A href={`${base()}/xac-nhan/${e.submission!.id}`} class="button small">
          Xem
        </A>
      </Show>
    ),
  };
  return (
    <>
      <p class="back">
        <A href={base()}>← {campaign()?.name ?? "Đợt sinh hoạt"}</A>
      </p>
      <h1>Xác nhận kế hoạch</h1>
      <p class="notice" role="status">
        {location.state?.notice ?? ""}
      </p>
      <Show when={(units()?.length ?? 0) > 1}>
        <Field id="queue-unit" label="Đơn vị" class="filters">
          <UnitSelect
            id="queue-unit"
            name="unitId"
            tree={tree()}
            value={unitId()}
            emptyLabel="Tất cả đơn vị của tôi"
            onChange={(id) =>
              setSearch({ unitId: id || undefined }, { replace: true, scroll: false })
            }
          />
        </Field>
      </Show>
      <Show when={queue()} fallback={<p class="boot">Đang tải danh sách…</p>}>
        {(q) => (
          <>
            <Show when={q().dueAt}>
              <p class="muted">Hạn nộp kế hoạch: {dueText(q().dueAt!)}.</p>
            </Show>
            <For each={SECTIONS}>
              {(sec) => (
                <QueueSection
                  id={sec.id}
                  title={sec.title}
                  entries={q()[sec.entries]}
                  empty={sec.empty}
                  unitName={unitName}
                  action={sec.entries === "excused" ? undefined : actions[sec.entries]}
                  excused={sec.entries === "excused"}
                />
              )}
            </For>
          </>
        )}
      </Show>
    </>
  );
}

function entryState(e: QueueEntry, excused: boolean): string {
  const s = e.submission;
  if (excused) return s ? "Được miễn (có nộp tự nguyện)" : "Được miễn";
  if (!s) return "Chưa viết";
  const parts: string[] = [];
  if (s.status === "submitted" && s.submittedAt)
    parts.push(`Nộp ngày ${formatDate(s.submittedAt)}`);
  else {
    parts.push(TASK_STATUS_LABELS[s.status]);
    if (s.submittedAt && s.status === "confirmed")
      parts.push(`nộp ngày ${formatDate(s.submittedAt)}`);
  }
  if (s.enteredOnBehalf) parts.push("bí thư nhập thay");
  return parts.join(" · ");
}

function QueueSection(props: {
  id: string;
  title: string;
  entries: QueueEntry[];
  empty: string;
  unitName: (id: string) => string;
  action?: (e: QueueEntry) => JSX.Element;
  excused?: boolean;
}) {
  return (
    <section aria-labelledby={props.id} class="queue-section">
      <h2 id={props.id}>
        {props.title} ({props.entries.length})
      </h2>
      <Show when={props.entries.length > 0} fallback={<p class="muted">{props.empty}</p>}>
        <ul class="queue">
          <For each={props.entries}>
            {(e) => (
              <li>
                <div class="queue-who">
                  <span class="queue-name">{e.fullName}</span>
                  <span class="queue-meta">
                    {[props.unitName(e.unitId), entryState(e, !!props.excused)]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </div>
                <Show when={props.action}>{props.action!(e)}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
