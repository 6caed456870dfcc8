// The app offline (client/sw/service-worker.ts): registering the service worker, forgetting
// the kept tasks when the session changes, and telling "no network" from a real failure.
import { ApiError } from "../http";

/** Also named in the service worker: the member's last task list, per tenant. */
const TASKS_CACHE = "shct-tasks";

/** Registers /sw.js once the page has loaded (the dev server has none: that fails quietly). */
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch(() => {
      // No service worker (private mode, an old browser): the app still works online.
    });
  });
}

/** Forgets the kept task lists: on sign-in and sign-out, so no copy outlives its session. */
export async function forgetOfflineCopies(): Promise<void> {
  try {
    if ("caches" in globalThis) await caches.delete(TASKS_CACHE);
  } catch {
    // Storage refused: nothing was kept either.
  }
}

/** The request never got an answer (no network, or it timed out). */
export const isOffline = (e: unknown): boolean => e instanceof ApiError && e.status === 0;
