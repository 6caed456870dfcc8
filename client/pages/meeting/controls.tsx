// The meeting page's controls, sized for one hand on a phone during the meeting.
import { Show } from "solid-js";
import { Field } from "../../components/Field";
import { formatDateTime } from "../../lib/labels";
import { fromLocalInput, nowIct, toLocalInput } from "./meeting.data";

/** A time with an optional "now" button that stamps the current minute. */
export function TimeField(props: {
  id: string;
  label: string;
  value: string | null;
  now?: string;
  onSave: (v: string | null) => void;
}) {
  return (
    <Field id={props.id} label={props.label}>
      <div class="time-row">
        <input
          id={props.id}
          type="datetime-local"
          value={toLocalInput(props.value)}
          onChange={(e) => props.onSave(fromLocalInput(e.currentTarget.value))}
        />
        <Show when={props.now}>
          <button
            type="button"
            class="button"
            aria-describedby={props.id}
            onClick={() => props.onSave(nowIct())}
          >
            {props.now}
          </button>
        </Show>
      </div>
      <p class="hint">{props.value ? formatDateTime(props.value) : "Chưa ghi."}</p>
    </Field>
  );
}

/** A text saved when the person leaves the field; empty is saved as "not recorded". */
export function TextField(props: {
  id: string;
  label: string;
  value: string | null;
  type?: "text" | "url";
  onSave: (v: string | null) => void;
}) {
  return (
    <Field id={props.id} label={props.label}>
      <input
        id={props.id}
        type={props.type ?? "text"}
        value={props.value ?? ""}
        onChange={(e) => props.onSave(e.currentTarget.value.trim() || null)}
      />
    </Field>
  );
}

/** A count with big − and + buttons: easier than a number keyboard with one hand. */
export function Stepper(props: { label: string; value: number; onChange: (n: number) => void }) {
  return (
    <div class="stepper" role="group" aria-label={props.label}>
      <span class="stepper-label">{props.label}</span>
      <button
        type="button"
        class="button"
        aria-label={`Bớt một (${props.label})`}
        disabled={props.value <= 0}
        onClick={() => props.onChange(Math.max(0, props.value - 1))}
      >
        −
      </button>
      <output class="stepper-value" aria-live="polite">
        {props.value}
      </output>
      <button
        type="button"
        class="button"
        aria-label={`Thêm một (${props.label})`}
        onClick={() => props.onChange(props.value + 1)}
      >
        +
      </button>
    </div>
  );
}
