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
