// The live region where a screen reports what went wrong (or what happened). It is rendered
// even when empty: a region that appears with its text is not always announced.
import type { JSX } from "solid-js";

export function Alert(props: { children?: JSX.Element; class?: string }) {
  return (
    <div role="alert" class={props.class ? `alert ${props.class}` : "alert"}>
      {props.children}
    </div>
  );
}

/** What a form's submission answered: its error in the alert, its notice in the status line
 *  (both rendered even when empty). */
export function Outcome(props: { error: JSX.Element; notice: string | undefined }) {
  return (
    <>
      <Alert>{props.error}</Alert>
      <p role="status" class="notice">
        {props.notice ?? ""}
      </p>
    </>
  );
}
