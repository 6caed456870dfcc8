// A button that runs one request and keeps its own state (pending, the error to show): the
// bulk invitation and the reset slip, whose answers stay on the page rather than in a
// router action's revalidated reads.
import { createSignal, type JSX } from "solid-js";
import { ApiError } from "../../api";
import { Alert } from "../../components/Alert";
import { Submit } from "../../components/Submit";

export function useRun(failed: string) {
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal("");
  const run = async (work: () => Promise<void>) => {
    setPending(true);
    setError("");
    try {
      await work();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : failed);
    } finally {
      setPending(false);
    }
  };
  return { pending, error, run };
}

/** The button, with the request's error above it (the server's Vietnamese message). */
export function RunButton(props: {
  state: ReturnType<typeof useRun>;
  busy: string;
  class: string;
  onRun: () => void;
  children: JSX.Element;
}) {
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        props.onRun();
      }}
    >
      <Alert>{props.state.error()}</Alert>
      <Submit pending={props.state.pending()} busy={props.busy} class={props.class}>
        {props.children}
      </Submit>
    </form>
  );
}
