// The member form shared by "add" and "edit". Inputs are uncontrolled: the page re-creates
// the form when fresh data arrives, so a reload after a conflict shows the server's values.
import type { JSX } from "solid-js";
import { For, Show } from "solid-js";
import type { Member } from "../../api";
import UnitSelect from "../../components/UnitSelect";
import { fieldError } from "../../lib/errors";
import { DAY_HINT, formatDay, MEMBER_STATUS_LABELS, todayIct } from "../../lib/labels";
import type { UnitTree } from "../../lib/tree";
import { NO_RANK } from "./member.data";
import { DayInput, Field, Select } from "../../components/Field";
import { Submit } from "../../components/Submit";

export default function MemberForm(props: {
  /** The bound action (`saveMember.with(…)` or `addMember.with(…)`). */
  action: JSX.SerializableAttributeValue;
  tree: UnitTree;
  member?: Member;
  defaultUnitId?: string;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  /** The alert and anything the page puts next to it (the reload button of a conflict). */
  alert: JSX.Element;
}) {
  let since: HTMLInputElement | undefined;
  const err = (name: string) => fieldError(props.error, name);
  const invalid = (name: string) => (err(name) ? "true" : undefined);
  const m = () => props.member;
  const rank = () => {
    const r = m()?.leadershipRank;
    return r === undefined || r >= NO_RANK ? "" : String(r);
  };

  const text = (
    name: string,
    label: string,
    attrs: JSX.InputHTMLAttributes<HTMLInputElement>,
    hint?: string,
  ) => (
    <div class="field">
      <label for={`m-${name}`}>{label}</label>
      <input
        id={`m-${name}`}
        name={name}
        aria-invalid={invalid(name)}
        aria-describedby={`m-${name}-err${hint ? ` m-${name}-hint` : ""}`}
        {...attrs}
      />
      <Show when={hint}>
        <p id={`m-${name}-hint`} class="hint">
          {hint}
        </p>
      </Show>
      <p id={`m-${name}-err`} class="field-error">
        {err(name)}
      </p>
    </div>
  );

  return (
    <form action={props.action} method="post" class="card stack">
      <Show when={m()}>
        <input type="hidden" name="version" value={m()!.version} />
      </Show>
      {text("fullName", "Họ và tên", {
        type: "text",
        required: true,
        minLength: 2,
        maxLength: 120,
        autocomplete: "off",
        value: m()?.fullName ?? "",
      })}
      <div class="grid-2">
        {text("birthYear", "Năm sinh", {
          type: "number",
          inputmode: "numeric",
          min: 1900,
          max: 2100,
          value: m()?.birthYear ?? "",
        })}
        {text(
          "leadershipRank",
          "Thứ tự chức vụ",
          { type: "number", inputmode: "numeric", min: 0, max: 99, value: rank() },
          "1 là Bí thư, 2 là Phó Bí thư…; để trống nếu không giữ chức vụ.",
        )}
      </div>
      {text("position", "Chức vụ", {
        type: "text",
        maxLength: 200,
        value: m()?.position ?? "",
      })}
      <Field id="m-unitId" label="Đơn vị" error={err("unitId")}>
        <UnitSelect
          id="m-unitId"
          name="unitId"
          tree={props.tree}
          value={m()?.unitId ?? props.defaultUnitId}
          emptyLabel={m() || props.defaultUnitId ? undefined : "— Chọn đơn vị —"}
          required
          describedBy="m-unitId-err"
          invalid={!!err("unitId")}
        />
      </Field>
      {text(
        "email",
        "Thư điện tử",
        {
          type: "email",
          inputmode: "email",
          autocomplete: "off",
          autocapitalize: "none",
          spellcheck: false,
          value: m()?.email ?? "",
        },
        "Cần có để mời đảng viên tạo tài khoản.",
      )}
      {text("phone", "Số điện thoại", {
        type: "tel",
        inputmode: "tel",
        autocomplete: "off",
        value: m()?.phone ?? "",
      })}
      <div class="grid-2">
        <Field id="m-status" label="Trạng thái" error={err("status")}>
          <Select
            name="status"
            aria-invalid={invalid("status")}
            onChange={(e) => {
              // A new status starts today unless the user says otherwise.
              if (since && e.currentTarget.value !== m()?.status) {
                since.value = formatDay(todayIct());
              }
            }}
          >
            <For each={Object.entries(MEMBER_STATUS_LABELS)}>
              {([value, label]) => (
                <option value={value} selected={(m()?.status ?? "dang-sinh-hoat") === value}>
                  {label}
                </option>
              )}
            </For>
          </Select>
        </Field>
        <Field id="m-statusSince" label="Từ ngày" error={err("statusSince")} hint={DAY_HINT}>
          <DayInput
            name="statusSince"
            ref={since}
            value={formatDay(m()?.statusSince)}
            aria-invalid={invalid("statusSince")}
          />
        </Field>
      </div>
      <label class="check">
        <input
          type="checkbox"
          name="managedByStandingCommittee"
          checked={m()?.managedByStandingCommittee ?? false}
        />
        Thuộc diện Ban Thường vụ quản lý
      </label>
      <label class="check">
        <input type="checkbox" name="mustPublishPlan" checked={m()?.mustPublishPlan ?? false} />
        Phải công khai kế hoạch tự soi, tự sửa
      </label>
      {props.alert}
      <Submit pending={props.pending} busy="Đang lưu…">
        {props.submitLabel}
      </Submit>
    </form>
  );
}
