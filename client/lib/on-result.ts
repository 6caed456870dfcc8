// Acting on a form's answer: the effect runs for each new result of a submission, not for the
// one (if any) already there when the page opened.
import { createEffect, on } from "solid-js";

export function onResult<T>(result: () => T | undefined, act: (r: T) => unknown): void {
  createEffect(
    on(result, (r) => r && act(r), {
      defer: true,
    }),
  );
}
