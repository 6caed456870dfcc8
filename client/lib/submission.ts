// A small form's submission: whether it runs, and on a refusal (ApiError) the server's
// message and its errors by field, shown beside each field; cleared when a save succeeds.
import { createSignal } from "solid-js";
import { ApiError } from "../http";

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
