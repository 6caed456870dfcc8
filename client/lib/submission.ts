// A small form's submission: whether it runs, and on a refusal (ApiError) the server's
// message and its errors by field, shown beside each field; cleared when a save succeeds.
import { createSignal } from "solid-js";
import { ApiError } from "../http";
import { parseDay } from "./labels";

export function createSubmission() {
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [message, setMessage] = createSignal("");
  const [pending, setPending] = createSignal(false);
  const run = async (work: () => Promise<unknown>) => {
    setPending(true);
    try {
      await work();
      setErrors({});
      setMessage("");
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      setErrors(x.fields ?? {});
      setMessage(x.message);
    } finally {
      setPending(false);
    }
  };
  return { errors, setErrors, message, pending, run };
}

/** A submitted form read once: its trimmed text fields, and a day field typed dd/mm/yyyy as
 *  YYYY-MM-DD (null when it is not a real day). Stops the browser's own submission. */
export function readForm(e: SubmitEvent) {
  e.preventDefault();
  const f = new FormData(e.currentTarget as HTMLFormElement);
  const text = (k: string) => String(f.get(k) ?? "").trim();
  return { text, day: (k: string) => parseDay(text(k)) };
}
