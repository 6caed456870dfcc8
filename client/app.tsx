// The app: the router, and a root layout shared by every page (skip link, error boundary,
// focus management after client-side navigation).
import { Router, useLocation, type RouteSectionProps } from "@solidjs/router";
import { createEffect, ErrorBoundary, on } from "solid-js";
import ErrorView from "./components/ErrorView";
import { routes } from "./routes";

// Handled here: the router would treat "#main" as a navigation and not move focus.
function skipToMain(e: MouseEvent) {
  e.preventDefault();
  document.getElementById("main")?.focus();
}

function Root(props: RouteSectionProps) {
  const location = useLocation();
  // After a navigation, move focus to the new page so keyboard and screen-reader users start
  // there rather than on a link that no longer exists. Not on the first load.
  createEffect(
    on(
      () => location.pathname,
      () => queueMicrotask(() => document.getElementById("main")?.focus({ preventScroll: true })),
      { defer: true },
    ),
  );
  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        Bỏ qua, đến nội dung chính
      </a>
      <ErrorBoundary fallback={(error, reset) => <ErrorView error={error} reset={reset} />}>
        {props.children}
      </ErrorBoundary>
    </>
  );
}

export default function App() {
  return <Router root={Root}>{routes}</Router>;
}
