// The campaign page's sections about the units' own work: the secretary's meetings ("Lên lịch
// sinh hoạt", then the record) and the compliance checklist per unit. A lazy chunk of its own:
// a member opening the campaign page never loads it.
import { A, createAsync, useLocation, useSearchParams, useSubmission } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import type { CampaignDetail, Grant } from "../../api";
import type { MarkStatus } from "../../api-meetings";
import { errorMessage, fieldError } from "../../lib/errors";
import { formatDateTime } from "../../lib/labels";
import { RuleBars } from "../campaigns/Charts";
import { ancestors, buildTree } from "../../lib/tree";
import { getUnits } from "../units/units.data";
import { getCampaignCompliance, getCampaignMeetings, scheduleMeeting } from "./meeting.data";
import "./meeting.css";
import { ChoiceField, createChoice, Field, Input } from "../../components/Field";
import { Submit } from "../../components/Submit";

/** Unit steps held as a meeting: the ones a meeting record is for. */
const MEETING_KINDS = new Set(["meeting", "adopt-resolution"]);

export function MeetingsSection(props: {
  tenant: string;
  campaign: CampaignDetail;
  grants: readonly Grant[];
}) {
  const meetings = createAsync(() => getCampaignMeetings(props.tenant, props.campaign.id));
  const units = createAsync(() => getUnits(props.tenant));
  const sub = useSubmission(scheduleMeeting);
  const steps = () =>
    props.campaign.steps.filter((s) => s.owner === "unit" && MEETING_KINDS.has(s.kind));
  /** The secretary's own units: where "Lên lịch sinh hoạt" is offered. */
  const myUnits = () => {
    const ids = props.grants.filter((g) => g.role === "secretary" && g.unitId).map((g) => g.unitId);
    return (units() ?? []).filter((u) => ids.includes(u.id));
  };
  const unit = createChoice(() => myUnits().map((u) => [u.id, u.name] as const));
  const step = createChoice(() => steps().map((s) => [s.key, s.title] as const));
  const existing = () =>
    (meetings() ?? []).find((m) => m.unitId === unit.chosen() && m.stepKey === step.chosen());
  const stepTitle = (key: string) => steps().find((s) => s.key === key)?.title ?? key;
  const href = (id: string) =>
    `/t/${props.tenant}/dot-sinh-hoat/${props.campaign.id}/sinh-hoat/${id}`;
  const state = (m: { startedAt: string | null; endedAt: string | null }) =>
    m.endedAt ? "Đã kết thúc" : m.startedAt ? "Đang diễn ra" : "Chưa bắt đầu";

  return (
    <Show when={steps().length > 0 && props.campaign.status === "active"}>
      <section class="card" aria-labelledby="meetings-title">
        <h2 id="meetings-title">Buổi sinh hoạt</h2>
        <Show
          when={(meetings() ?? []).length}
          fallback={<p class="muted">Chưa có buổi sinh hoạt nào được lên lịch.</p>}
        >
          <ul class="link-list">
            <For each={meetings()}>
              {(m) => (
                <li>
                  <A href={href(m.id)}>
                    {m.unitName}: {stepTitle(m.stepKey)}
                  </A>
                  <span class="cell-note">
                    {m.scheduledAt ? formatDateTime(m.scheduledAt) : "Chưa định giờ"} · {state(m)}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={myUnits().length > 0}>
          <Show
            when={!existing()}
            fallback={
              <p>
                <A class="button primary" href={href(existing()!.id)}>
                  Ghi buổi sinh hoạt
                </A>
              </p>
            }
          >
            <h3>Lên lịch sinh hoạt</h3>
            <form
              class="schedule-form"
              action={scheduleMeeting.with(props.tenant, props.campaign.id)}
              method="post"
            >
              <ChoiceField id="s-unit" label="Đơn vị" name="unitId" choice={unit} />
              <ChoiceField id="s-step" label="Buổi sinh hoạt" name="stepKey" choice={step} />
              <Field id="s-when" label="Thời gian">
                <Input
                  name="scheduledAt"
                  type="datetime-local"
                  aria-invalid={fieldError(sub.error, "scheduledAt") ? "true" : undefined}
                />
                <p class="field-error">{fieldError(sub.error, "scheduledAt")}</p>
              </Field>
              <Field id="s-place" label="Địa điểm">
                <input id="s-place" name="place" type="text" />
              </Field>
              <Submit pending={sub.pending} busy="Đang lên lịch…">
                Lên lịch sinh hoạt
              </Submit>
              <p role="alert" class="alert">
                {sub.error ? errorMessage(sub.error) : ""}
              </p>
            </form>
          </Show>
        </Show>
      </section>
    </Show>
  );
}

export const MARK_LABELS: Readonly<Record<MarkStatus, string>> = {
  pass: "Đạt",
  late: "Muộn",
  fail: "Chưa đạt",
  pending: "Chưa đến hạn",
};

/** One rule's counts over a subtree in words: "Đạt 12 · Muộn 2 · Chưa đạt 1 · Chưa đến hạn 3". */
export function ruleCountsText(c: Record<MarkStatus, number>): string {
  return (Object.keys(MARK_LABELS) as MarkStatus[])
    .filter((k) => c[k] > 0)
    .map((k) => `${MARK_LABELS[k]} ${c[k]}`)
    .join(" · ");
}

/**
 * "Tuân thủ", one page of the tree at a time (the route answers the anchor and its direct
 * children): the anchor's subtree summary per rule, its own marks, and each child's subtree
 * counts per rule with a link down (?unitId=, shared with the progress section). The
 * breadcrumb leads back up to the reader's root.
 */
export function ComplianceSection(props: { tenant: string; campaignId: string }) {
  const [search] = useSearchParams<{ unitId?: string }>();
  const location = useLocation();
  const unitId = () => search.unitId ?? "";
  const data = createAsync(() => getCampaignCompliance(props.tenant, props.campaignId, unitId()));
  const units = createAsync(() => getUnits(props.tenant));
  const tree = createMemo(() => buildTree(units() ?? []));
  /** Drilling down is plain navigation: Back goes up again, and the link can be shared. */
  const hrefFor = (id?: string) => (id ? `${location.pathname}?unitId=${id}` : location.pathname);
  const labels = createMemo(() => new Map(Object.entries(data()?.labels ?? {})));
  const anchor = () => data()?.units.find((u) => u.unitId === data()?.unitId);
  const children = () => (data()?.units ?? []).filter((u) => u.unitId !== data()?.unitId);
  const current = () => (unitId() ? tree().byId.get(unitId()) : undefined);

  return (
    <section class="card" aria-labelledby="compliance-title">
      <h2 id="compliance-title">Tuân thủ</h2>
      <Show when={current()}>
        {(c) => (
          <nav class="crumbs" aria-label="Đơn vị đang xem tuân thủ">
            <ol>
              <li>
                <a href={hrefFor()}>Tất cả</a>
              </li>
              <For each={ancestors(tree(), c())}>
                {(a) => (
                  <li>
                    <a href={hrefFor(a.id)}>{a.name}</a>
                  </li>
                )}
              </For>
              <li aria-current="page">{c().name}</li>
            </ol>
          </nav>
        )}
      </Show>
      <Show when={data()} fallback={<p class="muted">Đang tải…</p>}>
        {(d) => (
          <Show
            when={d().units.length}
            fallback={<p class="muted">Chưa có tiêu chí nào để đánh giá.</p>}
          >
            <h3>Số đơn vị đạt từng tiêu chí{anchor() ? ` — ${anchor()!.unitName}` : ""}</h3>
            <RuleBars summary={d().summary} labels={labels()} />
            <Show when={anchor()?.marks.length}>
              <div class="compliance-unit">
                <h3>Tiêu chí của chính {anchor()!.unitName}</h3>
                <ul class="marks" aria-label={`Tuân thủ của ${anchor()!.unitName}`}>
                  <For each={anchor()!.marks}>
                    {(k) => (
                      <li>
                        <span class={`badge k-${k.status}`}>{MARK_LABELS[k.status]}</span>{" "}
                        <strong>{k.label}</strong>
                        <span class="reason">{k.reason}</span>
                      </li>
                    )}
                  </For>
                </ul>
              </div>
            </Show>
            <Show when={children().length}>
              <h3>Đơn vị trực thuộc</h3>
              <ul class="unit-compliance">
                <For each={children()}>
                  {(u) => (
                    <li>
                      {/* A plain link: <A> would mark every drill-down link aria-current. */}
                      <a href={hrefFor(u.unitId)} class="unit-bar-name">
                        {u.unitName}
                        <Show when={u.childCount > 0}>
                          <span aria-hidden="true"> ›</span>
                        </Show>
                      </a>
                      <Show when={u.childCount > 0}>
                        <span class="cell-note"> {u.childCount} đơn vị con</span>
                      </Show>
                      <ul class="marks" aria-label={`Số liệu tuân thủ của ${u.unitName}`}>
                        <For each={Object.entries(u.subtree)}>
                          {([rule, c]) => (
                            <li>
                              <strong>{labels().get(rule) ?? rule}</strong>
                              <span class="reason">{ruleCountsText(c)}</span>
                            </li>
                          )}
                        </For>
                      </ul>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </Show>
        )}
      </Show>
    </section>
  );
}
