// /t/:tenant/nhat-ky — the audit log: who changed what, when, and from what to what, in words
// (schema/vocab/audit-actions.ts). Newest first, one person's changes within one hour read as
// one group; filters by what changed, by person and by unit (its subtree). "Xem thêm" appends
// the next older page (keyset: the server's `next`), so a big tenant's log costs a page at a
// time. A page ends on a group's edge; a group longer than a page continues on the next one,
// and the loaded pages are grouped together, so one person-hour is always one group.
import { A, createAsync, useSearchParams, type RouteSectionProps } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show, Suspense, type Accessor } from "solid-js";
import {
  AUDIT_ENTITY_LABELS,
  AUDIT_FIELD_LABELS,
  auditActionLabel,
  TEMPLATE_PART_LABELS,
} from "../../../schema/vocab/audit-actions";
import type { AuditEntry } from "../../api-admin";
import { roleLabel } from "../../lib/format";
import { formatDateTime, formatDay, memberStatusLabel, unitKindLabel } from "../../lib/labels";
import { useTitle } from "../../lib/title";
import { getAccounts } from "../accounts/accounts.data";
import { getUnits } from "../units/units.data";
import { filterParam, getAudit, type AuditPage } from "./audit.data";
import { groupByPersonAndHour } from "./groups";
import "../screens.css";
import { Field, Select } from "../../components/Field";

/** Bookkeeping fields that say nothing to a reader. */
const HIDDEN = new Set([
  "id",
  "version",
  "path",
  "depth",
  "createdAt",
  "updatedAt",
  "searchName",
  "createdIds",
]);

/** Turns ids into names where the page knows them (units). */
type Names = (key: string, value: unknown) => string | undefined;

function show(key: string, v: unknown, names: Names): string {
  if (v === null || v === undefined || v === "") return "(trống)";
  const named = names(key, v);
  if (named) return named;
  if (typeof v === "boolean") return v ? "Có" : "Không";
  if (typeof v === "string") {
    if (key === "status") return memberStatusLabel(v);
    if (key === "kind") return unitKindLabel(v);
    if (key === "role") return roleLabel(v);
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDay(v);
    return v;
  }
  if (typeof v === "number") return String(v);
  if (key === "parts" && Array.isArray(v))
    return v.map((p) => TEMPLATE_PART_LABELS[String(p)] ?? String(p)).join(", ");
  if (Array.isArray(v) && v.every((x) => typeof x === "string"))
    return v.map((x) => show(key, x, names)).join(", ");
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

/** The changed fields only: before → after where both are known, else the one side. */
export function changes(e: AuditEntry, names: Names): { label: string; text: string }[] {
  const before = e.before ?? {};
  const after = e.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !HIDDEN.has(k),
  );
  return keys.flatMap((k) => {
    const label = AUDIT_FIELD_LABELS[k] ?? k;
    const b = before[k];
    const a = after[k];
    if (e.before && e.after) {
      // Rows may carry unchanged fields along (a rename keeps its parent): only changes.
      if (JSON.stringify(a) === JSON.stringify(b)) return [];
      if (b === undefined) return [{ label, text: show(k, a, names) }];
      return [{ label, text: `${show(k, b, names)} → ${show(k, a, names)}` }];
    }
    const v = e.after ? a : b;
    // A created row: its empty fields are noise.
    if (v === null || v === undefined || v === "" || v === false) return [];
    return [{ label, text: show(k, v, names) }];
  });
}

export default function AuditPage(props: RouteSectionProps) {
  const slug = () => props.params.tenant ?? "";
  const filter = () => filterParam(props.location.query);
  const units = createAsync(() => getUnits(slug()));
  const accounts = createAsync(() => getAccounts(slug()));
  const names: Names = (key, value) =>
    (key === "unitId" || key === "parentId" || key === "unitIds") && typeof value === "string"
      ? units()?.find((u) => u.id === value)?.name
      : undefined;
  const [, setSearch] = useSearchParams();
  // The first page through the route's query; older pages appended by "Xem thêm". A new
  // filter starts over.
  const first = createAsync(() => getAudit(slug(), filter(), undefined));
  const [more, setMore] = createSignal<AuditPage[]>([]);
  const [loading, setLoading] = createSignal(false);
  createEffect(
    on(
      () => JSON.stringify(filter()),
      () => setMore([]),
      { defer: true },
    ),
  );
  const next = () => (more().at(-1) ?? first())?.next ?? null;
  const entries = () => [...(first()?.entries ?? []), ...more().flatMap((p) => p.entries)];
  const loadMore = async () => {
    const cursor = next();
    const asked = JSON.stringify(filter());
    if (cursor === null || loading()) return;
    setLoading(true);
    try {
      const page = await getAudit(slug(), filter(), cursor);
      if (JSON.stringify(filter()) === asked) setMore([...more(), page]);
    } finally {
      setLoading(false);
    }
  };
  useTitle(() => "Nhật ký thay đổi");
  const pick = (param: string) => (value: string) =>
    setSearch({ [param]: value || undefined }, { replace: true });

  return (
    <>
      <h1>Nhật ký thay đổi</h1>
      <p class="muted">
        Mọi thay đổi trong đảng bộ, mới nhất ở trên; các thay đổi của một người trong cùng một giờ
        được gộp lại.
      </p>
      <div class="filters grid-2">
        <FilterSelect
          id="audit-entity"
          label="Đối tượng"
          value={filter().entity}
          onPick={pick("doi-tuong")}
          options={Object.entries(AUDIT_ENTITY_LABELS)}
        />
        <FilterSelect
          id="audit-actor"
          label="Người thực hiện"
          value={filter().actor}
          onPick={pick("nguoi")}
          options={(accounts() ?? []).map((a) => [a.id, a.fullName] as const)}
        />
        <FilterSelect
          id="audit-unit"
          label="Đơn vị (cả đơn vị trực thuộc)"
          value={filter().unitId}
          onPick={pick("don-vi")}
          options={(units() ?? []).map((u) => [u.id, `${"— ".repeat(u.depth)}${u.name}`] as const)}
        />
      </div>
      <div class="table-scroll" role="region" aria-labelledby="audit-caption" tabindex="0">
        <table class="table stacked audit" role="table">
          <caption id="audit-caption" class="visually-hidden">
            Nhật ký thay đổi
          </caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                Giờ
              </th>
              <th scope="col" role="columnheader">
                Thao tác
              </th>
              <th scope="col" role="columnheader">
                Thay đổi
              </th>
            </tr>
          </thead>
          <Suspense
            fallback={
              <tbody role="rowgroup">
                <tr role="row">
                  <td role="cell" colspan="3" class="block">
                    Đang tải…
                  </td>
                </tr>
              </tbody>
            }
          >
            <AuditRows names={names} tenant={slug()} entries={entries} loaded={first()} />
          </Suspense>
        </table>
      </div>
      <Show when={next() !== null}>
        <p>
          <button type="button" class="button" disabled={loading()} onClick={() => void loadMore()}>
            {loading() ? "Đang tải…" : "Xem thêm"}
          </button>
        </p>
      </Show>
    </>
  );
}

/** One filter of the log: "Tất cả", then the options; picking one changes the address. */
function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onPick: (value: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label}>
      <Select onChange={(e) => props.onPick(e.currentTarget.value)}>
        <option value="">Tất cả</option>
        <For each={props.options}>
          {([value, label]) => (
            <option value={value} selected={props.value === value}>
              {label}
            </option>
          )}
        </For>
      </Select>
    </Field>
  );
}

function AuditRows(props: {
  names: Names;
  tenant: string;
  entries: Accessor<AuditEntry[]>;
  /** The first page, read here so that the table waits for it. */
  loaded: AuditPage | undefined;
}) {
  const base = () => `/t/${props.tenant}`;
  const target = (e: AuditEntry) => {
    if (!e.entityId) return "";
    if (e.entity === "member") return `${base()}/dang-vien/${e.entityId}`;
    if (e.entity === "unit") return `${base()}/don-vi/${e.entityId}`;
    if (e.entity === "user" || e.entity === "invitation") return `${base()}/tai-khoan`;
    if (e.entity === "template") return `${base()}/mau/${e.entityId}`;
    if (e.entity === "campaign" && e.action !== "campaign.delete")
      return `${base()}/dot-sinh-hoat/${e.entityId}`;
    return "";
  };
  return (
    <>
      <Show when={props.loaded && props.entries().length === 0}>
        <tbody role="rowgroup">
          <tr role="row">
            <td role="cell" colspan="3" class="block">
              Chưa có thay đổi nào.
            </td>
          </tr>
        </tbody>
      </Show>
      <For each={groupByPersonAndHour(props.entries())}>
        {(g) => (
          <tbody role="rowgroup" class="audit-group">
            <tr role="row">
              <th role="rowheader" scope="rowgroup" colspan="3" class="block">
                {g.actor?.fullName || "Hệ thống"} · {g.hour.slice(11)} giờ ngày{" "}
                {g.hour.slice(0, 10)}
                <span class="muted"> · {g.entries.length} thay đổi</span>
              </th>
            </tr>
            <For each={g.entries}>
              {(e) => (
                <tr role="row">
                  <td role="cell" class="nowrap">
                    {formatDateTime(e.at).slice(11)}
                  </td>
                  <td role="cell" class="block strong">
                    {auditActionLabel(e.action)}
                    <Show when={target(e)}>
                      <br />
                      <A href={target(e)}>{AUDIT_ENTITY_LABELS[e.entity] ?? e.entity}</A>
                    </Show>
                  </td>
                  <td role="cell" class="block">
                    <ul class="changes">
                      <For each={changes(e, props.names)}>
                        {(c) => (
                          <li>
                            <span class="muted">{c.label}:</span> {c.text}
                          </li>
                        )}
                      </For>
                    </ul>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        )}
      </For>
    </>
  );
}
