// /t/:tenant/nhat-ky — the audit log: who changed what, when, and from what to what.
// Newest first; "Xem thêm" appends the next older page (cursor: the last entry's id).
import { A, createAsync, useSearchParams, type RouteSectionProps } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show, Suspense } from "solid-js";
import type { AuditEntry } from "../../api-admin";
import { roleLabel } from "../../lib/format";
import { formatDateTime, formatDay, memberStatusLabel, unitKindLabel } from "../../lib/labels";
import { useTitle } from "../../lib/title";
import { getUnits } from "../units/units.data";
import { AUDIT_PAGE, entityParam, getAudit } from "./audit.data";
import "../screens.css";
import { Field, Select } from "../../components/Field";

const ENTITIES: Record<string, string> = {
  unit: "Đơn vị",
  member: "Đảng viên",
  user: "Tài khoản",
  invitation: "Lời mời",
  tenant: "Đảng bộ",
};

const ACTIONS: Record<string, string> = {
  "tenant.signup": "Đăng ký đảng bộ",
  "unit.create": "Thêm đơn vị",
  "unit.rename": "Đổi tên đơn vị",
  "unit.move": "Chuyển đơn vị",
  "unit.close": "Giải thể đơn vị",
  "member.create": "Thêm đảng viên",
  "member.update": "Sửa hồ sơ đảng viên",
  "member.status": "Đổi trạng thái đảng viên",
  "member.import": "Nhập danh sách",
  "member.import-update": "Cập nhật từ tệp danh sách",
  "invitation.create": "Tạo lời mời",
  "invitation.revoke": "Thu hồi lời mời",
  "invitation.accept": "Nhận lời mời",
  "account.disable": "Khóa tài khoản",
  "account.enable": "Mở khóa tài khoản",
  "account.reset-link": "Tạo đường dẫn đặt lại mật khẩu",
  "account.reset": "Đặt lại mật khẩu",
  "grant.add": "Thêm vai trò",
  "grant.remove": "Bỏ vai trò",
};

const FIELDS: Record<string, string> = {
  name: "Tên",
  kind: "Loại",
  parentId: "Trực thuộc",
  closedOn: "Giải thể từ",
  fullName: "Họ tên",
  birthYear: "Năm sinh",
  email: "Thư điện tử",
  phone: "Số điện thoại",
  unitId: "Đơn vị",
  position: "Chức vụ",
  leadershipRank: "Thứ tự chức vụ",
  status: "Trạng thái",
  statusSince: "Từ ngày",
  managedByStandingCommittee: "Diện Ban Thường vụ quản lý",
  mustPublishPlan: "Phải công khai kế hoạch",
  role: "Vai trò",
  slug: "Mã",
  created: "Thêm mới",
  updated: "Cập nhật",
  unchanged: "Không đổi",
};

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
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

function changes(e: AuditEntry, names: Names): { label: string; text: string }[] {
  const before = e.before ?? {};
  const after = e.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !HIDDEN.has(k),
  );
  return keys.flatMap((k) => {
    const label = FIELDS[k] ?? k;
    const b = before[k];
    const a = after[k];
    if (e.before && e.after) {
      // Rows may carry unchanged fields along (a rename keeps its parent): only changes.
      if (JSON.stringify(a) === JSON.stringify(b)) return [];
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
  const entity = () => entityParam(props.location.query);
  const units = createAsync(() => getUnits(slug()));
  const names: Names = (key, value) =>
    (key === "unitId" || key === "parentId") && typeof value === "string"
      ? units()?.find((u) => u.id === value)?.name
      : undefined;
  const [, setSearch] = useSearchParams();
  // One cursor per loaded page; the first page has none. A new filter starts over.
  const [cursors, setCursors] = createSignal<(number | string | undefined)[]>([undefined]);
  const [next, setNext] = createSignal<number | string | null>(null);
  createEffect(on(entity, () => setCursors([undefined]), { defer: true }));
  useTitle(() => "Nhật ký thay đổi");

  return (
    <>
      <h1>Nhật ký thay đổi</h1>
      <p class="muted">Mọi thay đổi về đơn vị, đảng viên và tài khoản, mới nhất ở trên.</p>
      <Field id="audit-entity" label="Đối tượng" class="filters">
        <Select
          onChange={(e) =>
            setSearch({ "doi-tuong": e.currentTarget.value || undefined }, { replace: true })
          }
        >
          <option value="">Tất cả</option>
          <For each={Object.entries(ENTITIES)}>
            {([value, label]) => (
              <option value={value} selected={entity() === value}>
                {label}
              </option>
            )}
          </For>
        </Select>
      </Field>
      <div class="table-scroll" role="region" aria-labelledby="audit-caption" tabindex="0">
        <table class="table stacked audit" role="table">
          <caption id="audit-caption" class="visually-hidden">
            Nhật ký thay đổi
          </caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                Thời gian
              </th>
              <th scope="col" role="columnheader">
                Người thực hiện
              </th>
              <th scope="col" role="columnheader">
                Thao tác
              </th>
              <th scope="col" role="columnheader">
                Chi tiết
              </th>
            </tr>
          </thead>
          <For each={cursors()}>
            {(before, i) => (
              <Suspense
                fallback={
                  <tbody role="rowgroup">
                    <tr role="row">
                      <td role="cell" colspan="4" class="block">
                        Đang tải…
                      </td>
                    </tr>
                  </tbody>
                }
              >
                <AuditRows
                  names={names}
                  tenant={slug()}
                  entity={entity()}
                  before={before}
                  first={i() === 0}
                  last={i() === cursors().length - 1}
                  onEnd={setNext}
                />
              </Suspense>
            )}
          </For>
        </table>
      </div>
      <Show when={next() !== null}>
        <p>
          <button
            type="button"
            class="button"
            onClick={() => {
              const cursor = next()!;
              setNext(null);
              setCursors([...cursors(), cursor]);
            }}
          >
            Xem thêm
          </button>
        </p>
      </Show>
    </>
  );
}

function AuditRows(props: {
  names: Names;
  tenant: string;
  entity: string;
  before: number | string | undefined;
  first: boolean;
  last: boolean;
  onEnd: (cursor: number | string | null) => void;
}) {
  const entries = createAsync(() => getAudit(props.tenant, props.entity, props.before));
  // The last page tells the page whether older entries may exist, and from where.
  createEffect(() => {
    const list = entries();
    if (!props.last || !list) return;
    props.onEnd(list.length >= AUDIT_PAGE ? (list.at(-1)?.id ?? null) : null);
  });
  const base = () => `/t/${props.tenant}`;
  const target = (e: AuditEntry) => {
    if (!e.entityId) return "";
    if (e.entity === "member") return `${base()}/dang-vien/${e.entityId}`;
    if (e.entity === "unit") return `${base()}/don-vi/${e.entityId}`;
    if (e.entity === "user" || e.entity === "invitation") return `${base()}/tai-khoan`;
    return "";
  };
  return (
    <tbody role="rowgroup">
      <Show when={props.first && entries()?.length === 0}>
        <tr role="row">
          <td role="cell" colspan="4" class="block">
            Chưa có thay đổi nào.
          </td>
        </tr>
      </Show>
      <For each={entries()}>
        {(e) => (
          <tr role="row">
            <td role="cell" class="nowrap">
              {formatDateTime(e.at)}
            </td>
            <td role="cell">{e.actor?.fullName ?? "Hệ thống"}</td>
            <td role="cell" class="block strong">
              {ACTIONS[e.action] ?? e.action}
              <Show when={target(e)}>
                <br />
                <A href={target(e)}>{ENTITIES[e.entity] ?? e.entity}</A>
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
  );
}
