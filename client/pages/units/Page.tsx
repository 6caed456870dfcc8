// /t/:tenant/don-vi — the unit tree the caller may see. Each unit links to its roster; an
// admin also adds, renames, moves and closes units here through one dialog.
//
// The tree is nested lists of native buttons and links rather than an ARIA `tree` widget:
// Tab, Enter and Space then work as everywhere else, and screen readers announce nesting.
import { A, createAsync, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import type { Unit } from "../../api";
import { countLabel, formatDay, unitKindLabel } from "../../lib/labels";
import { isAdmin } from "../../lib/roles";
import { useTitle } from "../../lib/title";
import { buildTree, subtreeCount, type UnitTree } from "../../lib/tree";
import { getMe } from "../shell/shell.data";
import UnitDialog, { type UnitEdit } from "./UnitDialog";
import { editUnit, getUnits } from "./units.data";
import "../screens.css";
import { onResult } from "../../lib/on-result";

export default function UnitsPage(props: RouteSectionProps) {
  const slug = () => props.params.tenant ?? "";
  const me = createAsync(() => getMe(slug()));
  const units = createAsync(() => getUnits(slug()));
  const tree = createMemo(() => buildTree(units() ?? []));
  const admin = () => isAdmin(me()?.grants ?? []);
  useTitle(() => "Đơn vị");

  // Roots start open, everything below closed; the user's choices win.
  const [open, setOpen] = createSignal<Record<string, boolean>>({});
  const isOpen = (id: string, level: number) => open()[id] ?? level === 0;
  const toggle = (id: string, level: number) => setOpen({ ...open(), [id]: !isOpen(id, level) });
  const setAll = (value: boolean) =>
    setOpen(Object.fromEntries((units() ?? []).map((u) => [u.id, value])));

  const [edit, setEdit] = createSignal<UnitEdit | null>(null);
  const [notice, setNotice] = createSignal("");
  let noticeEl: HTMLParagraphElement | undefined;
  const sub = useSubmission(editUnit);
  onResult(
    () => sub.result,
    (r) => {
      const done = {
        add: "Đã thêm đơn vị",
        rename: "Đã đổi tên thành",
        move: "Đã chuyển đơn vị",
        close: "Đã ghi nhận giải thể",
      }[r.op];
      setNotice(`${done} “${r.unit.name}”.`);
      // Show where a new or moved unit now sits.
      if (r.unit.parentId) setOpen((o) => ({ ...o, [r.unit.parentId!]: true }));
      setEdit(null);
      // The refetched tree has new rows, so the "Sửa" button that opened the dialog is
      // gone: give focus to the confirmation rather than lose it to the page.
      queueMicrotask(() => noticeEl?.focus());
    },
  );
  const startEdit = (e: UnitEdit) => {
    sub.clear();
    setNotice("");
    setEdit(e);
  };

  return (
    <>
      <div class="page-head">
        <h1>Đơn vị</h1>
        <Show when={admin()}>
          <button
            type="button"
            class="button small"
            onClick={() => startEdit({ op: "add", unitId: null })}
          >
            Thêm đơn vị
          </button>
        </Show>
      </div>
      <p class="muted">
        Chọn một đơn vị để xem danh sách đảng viên.
        <Show when={admin()}>
          {" "}
          Nút “Sửa” mở các thao tác: thêm đơn vị trực thuộc, đổi tên, chuyển, giải thể.
        </Show>
      </p>
      <p ref={noticeEl} role="status" class="notice" tabindex="-1">
        {notice()}
      </p>
      <Show
        when={units()}
        fallback={
          <p class="boot" aria-busy="true">
            Đang tải cây đơn vị…
          </p>
        }
      >
        <Show
          when={tree().roots.length > 0}
          fallback={<p class="card">Bạn chưa được giao đơn vị nào.</p>}
        >
          <div class="tree-tools" hidden={!(units() ?? []).some((u) => tree().children.has(u.id))}>
            <button type="button" class="link-button" onClick={() => setAll(true)}>
              Mở tất cả
            </button>
            <button type="button" class="link-button" onClick={() => setAll(false)}>
              Thu gọn tất cả
            </button>
          </div>
          <ul class="tree" aria-label="Cây đơn vị">
            <For each={tree().roots}>
              {(u) => (
                <UnitNode
                  unit={u}
                  level={0}
                  tree={tree()}
                  base={`/t/${slug()}`}
                  admin={admin()}
                  isOpen={isOpen}
                  toggle={toggle}
                  onEdit={(unitId) => startEdit({ op: "menu", unitId })}
                />
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <UnitDialog
        tenant={slug()}
        tree={tree()}
        edit={edit()}
        onChange={setEdit}
        onClose={() => setEdit(null)}
      />
    </>
  );
}

function UnitNode(props: {
  unit: Unit;
  level: number;
  tree: UnitTree;
  base: string;
  admin: boolean;
  isOpen: (id: string, level: number) => boolean;
  toggle: (id: string, level: number) => void;
  onEdit: (unitId: string) => void;
}) {
  const kids = () => props.tree.children.get(props.unit.id) ?? [];
  const expanded = () => kids().length > 0 && props.isOpen(props.unit.id, props.level);
  const groupId = () => `unit-children-${props.unit.id}`;
  const total = () => subtreeCount(props.tree, props.unit.id);
  return (
    <li>
      <div class="tree-row" classList={{ closed: !!props.unit.closedOn }}>
        <Show when={kids().length > 0} fallback={<span class="tree-spacer" />}>
          <button
            type="button"
            class="tree-toggle"
            aria-expanded={expanded() ? "true" : "false"}
            aria-controls={expanded() ? groupId() : undefined}
            onClick={() => props.toggle(props.unit.id, props.level)}
          >
            <span aria-hidden="true">{expanded() ? "▾" : "▸"}</span>
            <span class="visually-hidden">
              {expanded() ? "Thu gọn" : "Mở"} {props.unit.name}
            </span>
          </button>
        </Show>
        <A href={`${props.base}/don-vi/${props.unit.id}`} class="tree-link">
          <span class="tree-name">{props.unit.name}</span>
          <span class="tree-meta">
            {unitKindLabel(props.unit.kind)} · {countLabel(props.unit.memberCount, "đảng viên")}
            <Show when={kids().length > 0 && total() !== props.unit.memberCount}>
              {" "}
              (cả trực thuộc: {total()})
            </Show>
            <Show when={props.unit.closedOn}> · Giải thể từ {formatDay(props.unit.closedOn)}</Show>
          </span>
        </A>
        <Show when={props.admin}>
          <button
            type="button"
            class="button small tree-edit"
            aria-haspopup="dialog"
            aria-label={`Sửa ${props.unit.name}`}
            onClick={() => props.onEdit(props.unit.id)}
          >
            Sửa
          </button>
        </Show>
      </div>
      <Show when={expanded()}>
        <ul id={groupId()}>
          <For each={kids()}>{(k) => <UnitNode {...props} unit={k} level={props.level + 1} />}</For>
        </ul>
      </Show>
    </li>
  );
}
