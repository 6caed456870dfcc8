// The progress of a campaign for admins, secretaries and viewers (DESIGN.md §5: "an admin
// sees the tree with a progress bar per unit and drills down"). The server counts each
// unit's own members; the tree sums them per subtree here. Choosing a unit narrows the
// page to it (?unitId=), and the CSV export takes the same rows.
import { createAsync, useLocation, useSearchParams } from "@solidjs/router";
import { createMemo, For, lazy, Show } from "solid-js";
import type { Counts, Unit } from "../../api";
import { formatDay } from "../../lib/labels";
import { saveFile } from "../../lib/save";
import { ancestors, buildTree, subtreeIds, type UnitTree } from "../../lib/tree";
import { getUnits } from "../units/units.data";
import { getCampaignProgress } from "./campaigns.data";
import { addCounts as add, zeroCounts as zero } from "../../../schema/rules/counts";

/** The bar's words, for screen readers and for anyone who reads rather than looks. */
export function countsText(c: Counts): string {
  const parts = [`đã xác nhận ${c.confirmed}/${c.expected}`, `đã nộp ${c.submitted}/${c.expected}`];
  if (c.late) parts.push(`${c.late} muộn hoặc quá hạn`);
  if (c.excused) parts.push(`${c.excused} được miễn`);
  return parts.join(", ");
}

/** A spreadsheet cannot run a cell that starts like a formula: such cells get a "'". */
export function csvCell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The chart over time: its own chunk, loaded with the figures it draws. */
const CompletionChart = lazy(() => import("./Charts"));

export default function ProgressView(props: {
  tenant: string;
  campaignId: string;
  campaignName: string;
  /** The queue's path for those who may read it (names are not for viewers); "" otherwise. */
  queue: string;
}) {
  const [search] = useSearchParams<{ unitId?: string }>();
  const location = useLocation();
  /** Drilling down is plain navigation: Back goes up again, and the link can be shared. */
  const hrefFor = (id?: string) => (id ? `${location.pathname}?unitId=${id}` : location.pathname);
  const unitId = () => search.unitId ?? "";
  const progress = createAsync(() => getCampaignProgress(props.tenant, props.campaignId, unitId()));
  const units = createAsync(() => getUnits(props.tenant));
  const tree = createMemo(() => buildTree(units() ?? []));
  const own = createMemo(() => new Map((progress()?.units ?? []).map((u) => [u.unitId, u])));
  const sum = (id: string): Counts => {
    const c = zero();
    for (const x of subtreeIds(tree(), id)) {
      const o = own().get(x);
      if (o) add(c, o);
    }
    return c;
  };
  const current = () => (unitId() ? tree().byId.get(unitId()) : undefined);
  /** The rows: the chosen unit's children; at the top, the roots (or a single root's children). */
  const rows = createMemo((): Unit[] => {
    const t = tree();
    const c = current();
    let list = c ? (t.children.get(c.id) ?? []) : t.roots;
    if (!c && list.length === 1) list = t.children.get(list[0]!.id) ?? list;
    return list.filter((u) => {
      const s = sum(u.id);
      return s.expected + s.excused > 0;
    });
  });
  /** Members counted in the chosen unit itself, not in a unit below it. */
  const direct = () => {
    const c = current();
    // A unit without units below: its totals already say it all.
    if (!c || !(tree().children.get(c.id) ?? []).length) return null;
    const o = c ? own().get(c.id) : undefined;
    return c && o && o.expected + o.excused > 0 ? { unit: c, counts: o } : null;
  };

  const exportCsv = () => {
    const t = tree();
    const scope = current() ? subtreeIds(t, current()!.id) : null;
    const header = [
      "Đơn vị",
      "Trực thuộc",
      "Phải nộp",
      "Đã nộp",
      "Đã xác nhận",
      "Đúng hạn",
      "Muộn",
      "Được miễn",
    ];
    const lines = [header];
    const list = (progress()?.units ?? [])
      .filter((u) => !scope || scope.has(u.unitId))
      .map((u) => ({ u, unit: t.byId.get(u.unitId) }))
      .sort((a, b) => (a.unit?.name ?? "").localeCompare(b.unit?.name ?? "", "vi"));
    for (const { u, unit } of list) {
      const parent = unit
        ? ancestors(t, unit)
            .map((a) => a.name)
            .join(" › ")
        : "";
      lines.push([
        unit?.name ?? u.unitId,
        parent,
        ...[u.expected, u.submitted, u.confirmed, u.onTime, u.late, u.excused].map(String),
      ]);
    }
    const tot = progress()!.totals;
    lines.push([
      "Tổng",
      "",
      ...[tot.expected, tot.submitted, tot.confirmed, tot.onTime, tot.late, tot.excused].map(
        String,
      ),
    ]);
    const csv = "\uFEFF" + lines.map((l) => l.map(csvCell).join(",")).join("\r\n") + "\r\n";
    saveFile(
      new Blob([csv], { type: "text/csv;charset=utf-8" }),
      `tien-do-${props.campaignId}${unitId() ? `-${unitId()}` : ""}.csv`,
    );
  };

  return (
    <section aria-labelledby="progress-title" class="progress">
      <h2 id="progress-title">Tiến độ nộp kế hoạch</h2>
      <Show when={current()}>
        <nav class="crumbs" aria-label="Đơn vị đang xem">
          <ol>
            <li>
              <a href={hrefFor()}>Tất cả</a>
            </li>
            <For each={ancestors(tree(), current()!)}>
              {(a) => (
                <li>
                  <a href={hrefFor(a.id)}>{a.name}</a>
                </li>
              )}
            </For>
            <li aria-current="page">{current()!.name}</li>
          </ol>
        </nav>
      </Show>
      <Show when={progress()} fallback={<p class="boot">Đang tính tiến độ…</p>}>
        {(p) => (
          <>
            <div class="card totals">
              <p class="totals-head">{current()?.name ?? "Toàn bộ phạm vi của bạn"}</p>
              <Bar counts={p().totals} label={current()?.name ?? "Toàn bộ"} />
              <dl class="totals-grid">
                <div>
                  <dt>Phải nộp</dt>
                  <dd>{p().totals.expected}</dd>
                </div>
                <div>
                  <dt>Đã nộp</dt>
                  <dd>{p().totals.submitted}</dd>
                </div>
                <div>
                  <dt>Đã xác nhận</dt>
                  <dd>{p().totals.confirmed}</dd>
                </div>
                <div classList={{ late: p().totals.late > 0 }}>
                  <dt>Muộn, quá hạn</dt>
                  <dd>{p().totals.late}</dd>
                </div>
                <div>
                  <dt>Được miễn</dt>
                  <dd>{p().totals.excused}</dd>
                </div>
              </dl>
              <p class="hint">
                Số liệu tính đến ngày {formatDay(p().evaluatedOn)}. Người được miễn không tính vào
                số phải nộp.
              </p>
            </div>
            <CompletionChart
              tenant={props.tenant}
              campaignId={props.campaignId}
              unitId={p().unitId ?? unitId()}
              label={current()?.name ?? "toàn bộ phạm vi của bạn"}
            />
            <Show when={rows().length > 0 || direct()}>
              <h3>Theo đơn vị</h3>
              <ul class="unit-bars">
                <Show when={direct()}>
                  {(d) => (
                    <li>
                      <span class="unit-bar-name">{d().unit.name} (đảng viên trực tiếp)</span>
                      <Bar counts={d().counts} label={d().unit.name} />
                    </li>
                  )}
                </Show>
                <For each={rows()}>
                  {(u) => (
                    <UnitRow unit={u} tree={tree()} counts={sum(u.id)} href={hrefFor(u.id)} />
                  )}
                </For>
              </ul>
            </Show>
            <div class="actions">
              <Show when={p().unitId}>
                {(u) => (
                  <a
                    class="button small"
                    href={`${location.pathname}/don-vi/${u()}/bang-tong-hop/in`}
                  >
                    In bảng tổng hợp
                  </a>
                )}
              </Show>
              <Show when={props.queue}>
                <a
                  class="button small"
                  href={unitId() ? `${props.queue}?unitId=${unitId()}` : props.queue}
                >
                  Danh sách từng đảng viên
                </a>
              </Show>
              <button type="button" class="button small" onClick={exportCsv}>
                Tải bảng số liệu (CSV)
              </button>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}

function UnitRow(props: { unit: Unit; tree: UnitTree; counts: Counts; href: string }) {
  return (
    <li>
      {/* A plain link: <A> would mark every drill-down link aria-current (same path). */}
      <a href={props.href} class="unit-bar-name">
        {props.unit.name}
        <Show when={(props.tree.children.get(props.unit.id) ?? []).length > 0}>
          <span aria-hidden="true"> ›</span>
        </Show>
      </a>
      <Bar counts={props.counts} label={props.unit.name} />
    </li>
  );
}

/** Confirmed (dark) and submitted-not-yet-confirmed (light) against those who must submit. */
function Bar(props: { counts: Counts; label: string }) {
  const pct = (n: number) =>
    props.counts.expected ? `${Math.round((n / props.counts.expected) * 1000) / 10}%` : "0%";
  return (
    <>
      <div class="bar" role="img" aria-label={`${props.label}: ${countsText(props.counts)}`}>
        <span class="bar-confirmed" style={{ width: pct(props.counts.confirmed) }} />
        <span
          class="bar-submitted"
          style={{ width: pct(props.counts.submitted - props.counts.confirmed) }}
        />
      </div>
      <p class="bar-text" aria-hidden="true">
        Xác nhận {props.counts.confirmed}/{props.counts.expected} · Đã nộp {props.counts.submitted}/
        {props.counts.expected}
        <Show when={props.counts.late > 0}>
          {" "}
          · <span class="late">{props.counts.late} muộn/quá hạn</span>
        </Show>
        <Show when={props.counts.excused > 0}> · {props.counts.excused} được miễn</Show>
      </p>
    </>
  );
}
