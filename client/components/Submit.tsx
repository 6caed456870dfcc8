// A form's submit button: disabled while its submission runs, and saying what it is doing.
import type { JSX } from "solid-js";

export function Submit(props: {
  pending: boolean | undefined;
  /** What the button says while pending ("Đang lưu…"); its label stays when not given. */
  busy?: string;
  /** "button primary" unless given. */
  class?: string;
  /** The accessible name, when the visible label needs its context ("Áp dụng" what). */
  label?: string;
  children: JSX.Element;
}) {
  return (
    <button
      type="submit"
      class={props.class ?? "button primary"}
      disabled={props.pending}
      aria-label={props.label}
    >
      {props.pending && props.busy ? props.busy : props.children}
    </button>
  );
}
