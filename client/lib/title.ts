// Keeps document.title in step with the page, so screen readers and the tab switcher say
// where the user is after a client-side navigation.
import { createEffect } from "solid-js";

const APP = "Sinh hoạt chính trị";

export function useTitle(title: () => string | undefined): void {
  createEffect(() => {
    const t = title();
    document.title = t ? `${t} · ${APP}` : APP;
  });
}
