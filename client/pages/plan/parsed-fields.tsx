// Date and number controls (typed as text, sent only once they are valid), the member's
// commitment, and the cell's confirmation.
import { createSignal, Show, untrack } from "solid-js";
import type {
  CellConfirmationField,
  CommitmentField,
  DateField,
  NumberField,
} from "../../../schema/template";
import { FieldError, Help, Input, Req } from "../../components/Field";
import { formatDate } from "../../lib/format";
import { DAY_HINT, formatDay, parseDay } from "../../lib/labels";
import { getAt, type Path } from "../../lib/plan";
import { described, LeafBox, useForm, useLeaf } from "./form-context";

/**
 * A value typed as text that is sent only when it parses: a half-typed date or number would
 * otherwise be refused by the server and hold back the autosave of everything else.
 */
function ParsedText(props: {
  field: DateField | NumberField;
  path: Path;
  initial: string;
  inputmode: "numeric" | "decimal";
  placeholder?: string;
  hint?: string;
  parse: (text: string) => { value: unknown } | { error: string };
}) {
  const leaf = useLeaf(props);
  const ctx = leaf.ctx;
  const [local, setLocal] = createSignal("");
  const [touched, setTouched] = createSignal(false);
  const err = () => (touched() && local()) || ctx.error(props.path);
  const hint = () => [props.field.help, props.hint].filter(Boolean).join(" ") || undefined;
  const onInput = (text: string) => {
    const s = text.trim();
    if (!s) {
      setLocal("");
      ctx.set(props.path, undefined);
      return;
    }
    const r = props.parse(s);
    if ("error" in r) {
      setLocal(r.error);
      ctx.set(props.path, undefined);
    } else {
      setLocal("");
      ctx.set(props.path, r.value);
    }
  };
  return (
    <LeafBox leaf={leaf} field={props.field} help={hint()} error={err()}>
      <Input
        type="text"
        inputmode={props.inputmode}
        autocomplete="off"
        placeholder={props.placeholder}
        value={props.initial}
        onInput={(e) => onInput(e.currentTarget.value)}
        onBlur={() => setTouched(true)}
      />
    </LeafBox>
  );
}

export function DateInput(props: { field: DateField; path: Path }) {
  const ctx = useForm();
  const v = untrack(() => getAt(ctx.data, props.path));
  return (
    <ParsedText
      field={props.field}
      path={props.path}
      initial={typeof v === "string" ? formatDay(v) : ""}
      inputmode="numeric"
      placeholder="dd/mm/yyyy"
      hint={DAY_HINT}
      parse={(s) => {
        const ymd = parseDay(s);
        return ymd ? { value: ymd } : { error: `Ngày không hợp lệ. ${DAY_HINT}` };
      }}
    />
  );
}

export function NumberInput(props: { field: NumberField; path: Path }) {
  const ctx = useForm();
  const v = untrack(() => getAt(ctx.data, props.path));
  const f = props.field;
  return (
    <ParsedText
      field={f}
      path={props.path}
      initial={typeof v === "number" ? String(v) : ""}
      inputmode={f.integer ? "numeric" : "decimal"}
      parse={(s) => {
        const n = Number(s.replace(",", "."));
        if (!Number.isFinite(n)) return { error: "Phải là số." };
        if (f.integer && !Number.isInteger(n)) return { error: "Phải là số nguyên." };
        if (f.min !== undefined && n < f.min) return { error: `Không được nhỏ hơn ${f.min}.` };
        if (f.max !== undefined && n > f.max) return { error: `Không được lớn hơn ${f.max}.` };
        return { value: n };
      }}
    />
  );
}

export function Commitment(props: { field: CommitmentField; path: Path }) {
  const { ctx, id, required, err } = useLeaf(props);
  return (
    <fieldset class="field commitment" aria-invalid={err() ? "true" : undefined}>
      <legend>
        {props.field.label}
        <Req when={required()} />
      </legend>
      <p id={`${id}-statement`} class="statement">
        {props.field.statement}
      </p>
      <label class="check">
        <input
          type="checkbox"
          id={id}
          checked={untrack(() => getAt(ctx.data, props.path)) === true}
          aria-describedby={described(id, props.field.help, `${id}-statement`)}
          // Unticked is "absent", not false: the server refuses false even in a draft.
          onChange={(e) => ctx.set(props.path, e.currentTarget.checked ? true : undefined)}
        />
        Tôi cam kết như trên
      </label>
      <Help id={`${id}-help`} text={props.field.help} />
      <FieldError id={`${id}-err`} text={err()} />
    </fieldset>
  );
}

/** Filled by the cell when it confirms, never by the member: shown, not edited. */
export function CellConfirmation(props: { field: CellConfirmationField }) {
  const ctx = useForm();
  return (
    <div class="field cell-confirmation">
      <p class="field-label">{props.field.label}</p>
      <Show when={props.field.statement}>
        <p class="statement">{props.field.statement}</p>
      </Show>
      <p class="muted">
        {ctx.confirmedAt()
          ? `Chi bộ xác nhận ngày ${formatDate(ctx.confirmedAt()!)}.`
          : "Chi bộ điền phần này khi xác nhận, sau khi bạn nộp."}
      </p>
    </div>
  );
}
