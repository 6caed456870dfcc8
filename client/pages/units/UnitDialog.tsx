// The admin's changes to one unit, in a modal <dialog>: the browser then keeps focus inside,
// closes on Escape and returns focus to the "Sửa" button. First a short menu, then the form
// of the chosen change; all four post to the one `editUnit` action. Fields start from the
// unit as it was when the form opened: a refetch after a version conflict (units.data.ts)
// updates the version sent, never what the user typed.
import { useSubmission } from "@solidjs/router";
import { createEffect, Match, Show, Switch, untrack, type JSX } from "solid-js";
import type { Unit } from "../../api";
import UnitSelect from "../../components/UnitSelect";
import { errorCode, errorMessage, fieldError } from "../../lib/errors";
import { DAY_HINT, formatDay, todayIct, UNIT_KIND_LABELS } from "../../lib/labels";
import { subtreeIds, type UnitTree } from "../../lib/tree";
import { editUnit, type UnitOp } from "./units.data";
import { DayInput, Field, Input, SelectField } from "../../components/Field";
import { Alert } from "../../components/Alert";
import { Submit } from "../../components/Submit";

export interface UnitEdit {
  op: "menu" | UnitOp;
  /** The unit acted on; null only when adding a unit from the page's own button. */
  unitId: string | null;
}

const TITLES: Record<UnitEdit["op"], string> = {
  menu: "Sửa đơn vị",
  add: "Thêm đơn vị",
  rename: "Đổi tên đơn vị",
  move: "Chuyển đơn vị",
  close: "Giải thể đơn vị",
};

/** Focus the element once it is in the document (forms change inside an open dialog). */
const focusSoon = (el: HTMLElement) => queueMicrotask(() => el.focus());

export default function UnitDialog(props: {
  tenant: string;
  tree: UnitTree;
  edit: UnitEdit | null;
  onChange: (e: UnitEdit) => void;
  onClose: () => void;
}) {
  let dialog: HTMLDialogElement | undefined;
  const sub = useSubmission(editUnit);
  // Looked up each time: after a refetch (a version conflict) the tree holds a new object.
  const unit = (): Unit | undefined =>
    props.edit?.unitId ? props.tree.byId.get(props.edit.unitId) : undefined;
  const op = () => props.edit?.op ?? "menu";
  const err = () => sub.error as unknown;
  const go = (next: UnitEdit["op"]) => {
    sub.clear();
    props.onChange({ op: next, unitId: props.edit?.unitId ?? null });
  };

  createEffect(() => {
    if (!dialog) return;
    if (props.edit && !dialog.open) dialog.showModal();
    if (!props.edit && dialog.open) dialog.close();
  });

  const alert = () => (
    <Alert>
      {errorMessage(err())}
      <Show when={errorCode(err()) === "VERSION_CONFLICT"}>
        {" "}
        Người khác vừa sửa đơn vị này; tên hiện tại là “{unit()?.name}”. Kiểm tra lại rồi bấm lưu
        lần nữa.
      </Show>
    </Alert>
  );
  const buttons = (label: string) => (
    <div class="actions">
      <Submit pending={sub.pending} busy="Đang lưu…">
        {label}
      </Submit>
      <button type="button" class="button" onClick={() => props.onClose()}>
        Hủy
      </button>
    </div>
  );
  /** One form per operation: the same action, hidden fields, alert and buttons. */
  const form = (label: string, fields: JSX.Element) => (
    <form action={editUnit.with(props.tenant)} method="post" class="stack">
      {hidden()}
      {fields}
      {alert()}
      {buttons(label)}
    </form>
  );
  /** The unit's name, new or renamed. */
  const nameField = (id: string, label: string, value?: string) => (
    <Field id={id} label={label} error={fieldError(err(), "name")}>
      <Input
        name="name"
        type="text"
        required
        minLength={2}
        maxLength={200}
        value={value ?? ""}
        ref={focusSoon}
      />
    </Field>
  );
  /** Where the unit moves to: anywhere but inside itself. */
  const moveField = () => (
    <Field
      id="unit-move"
      label="Chuyển vào đơn vị"
      hint="Các đơn vị trực thuộc và đảng viên đi cùng đơn vị này."
    >
      <UnitSelect
        id="unit-move"
        name="parentId"
        tree={props.tree}
        value={untrack(() => unit()?.parentId ?? undefined)}
        exclude={unit() ? subtreeIds(props.tree, unit()!.id) : undefined}
        required
        describedBy="unit-move-hint"
      />
    </Field>
  );
  /** From which day the unit is closed. */
  const closeField = () => (
    <Field
      id="unit-close"
      label="Giải thể từ ngày"
      error={fieldError(err(), "closedOn")}
      hint={
        <>
          {DAY_HINT} Đơn vị không bị xóa: lịch sử và báo cáo cũ vẫn giữ nguyên, từ ngày này đơn vị
          được ghi là đã giải thể.
        </>
      }
    >
      <DayInput name="closedOn" required value={formatDay(todayIct())} ref={focusSoon} />
    </Field>
  );
  const hidden = () => (
    <>
      <input type="hidden" name="op" value={op()} />
      <input type="hidden" name="unitId" value={unit()?.id ?? ""} />
      <input type="hidden" name="version" value={unit()?.version ?? ""} />
    </>
  );

  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby="unit-dialog-title"
      onClose={() => props.onClose()}
    >
      <Show when={props.edit}>
        <h2 id="unit-dialog-title">{TITLES[op()]}</h2>
        <Show when={unit()}>
          <p class="muted">{unit()!.name}</p>
        </Show>
        <Switch>
          <Match when={op() === "menu"}>
            <ul class="menu">
              <li>
                <button type="button" class="button" ref={focusSoon} onClick={() => go("add")}>
                  Thêm đơn vị trực thuộc
                </button>
              </li>
              <li>
                <button type="button" class="button" onClick={() => go("rename")}>
                  Đổi tên
                </button>
              </li>
              <li>
                <button type="button" class="button" onClick={() => go("move")}>
                  Chuyển sang đơn vị khác
                </button>
              </li>
              <Show when={!unit()?.closedOn}>
                <li>
                  <button type="button" class="button" onClick={() => go("close")}>
                    Giải thể
                  </button>
                </li>
              </Show>
            </ul>
            <div class="actions">
              <button type="button" class="button" onClick={() => props.onClose()}>
                Đóng
              </button>
            </div>
          </Match>

          <Match when={op() === "add"}>
            {form(
              "Thêm đơn vị",
              <>
                {nameField("unit-name", "Tên đơn vị")}
                <SelectField
                  id="unit-kind"
                  label="Loại đơn vị"
                  name="kind"
                  options={Object.entries(UNIT_KIND_LABELS)}
                  selected="chi-bo"
                  required
                />
                <Field id="unit-parent" label="Trực thuộc">
                  <UnitSelect
                    id="unit-parent"
                    name="parentId"
                    tree={props.tree}
                    value={unit()?.id ?? props.tree.roots[0]?.id}
                    required
                  />
                </Field>
              </>,
            )}
          </Match>

          <Match when={op() === "rename"}>
            {form(
              "Lưu tên mới",
              nameField(
                "unit-rename",
                "Tên mới",
                untrack(() => unit()?.name ?? ""),
              ),
            )}
          </Match>

          <Match when={op() === "move"}>{form("Chuyển", moveField())}</Match>

          <Match when={op() === "close"}>{form("Giải thể", closeField())}</Match>
        </Switch>
      </Show>
    </dialog>
  );
}
