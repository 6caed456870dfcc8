// The links under a list read a page at a time: "Trang sau" to where the server said the next
// page starts (`?sau=<next>`), and back to the first page once past it. The page lives in the
// address, so the back button and a shared link show the same page.
import { A, useSearchParams } from "@solidjs/router";
import { Show } from "solid-js";

/** The `after` of the page the address names, or undefined for the first. */
export function usePageAfter(): () => string | undefined {
  const [params] = useSearchParams<{ sau?: string }>();
  return () => params.sau || undefined;
}

export function PageLinks(props: { next: string | null | undefined }) {
  const after = usePageAfter();
  return (
    <Show when={props.next || after()}>
      <p class="page-links">
        <Show when={after()}>
          <A href="?">« Trang đầu</A>
        </Show>
        <Show when={props.next}>
          <A href={`?sau=${encodeURIComponent(props.next!)}`}>Trang sau »</A>
        </Show>
      </p>
    </Show>
  );
}
