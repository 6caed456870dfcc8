// The app offline (client/sw/service-worker.ts): registering the service worker, forgetting
// the member's kept reads when the session changes, keeping the kept plan as new as the
// server's after a save, and telling "no network" from a real failure.
import { mySubmissionUrl } from "../api";
import { ApiError } from "../http";

/** Also named in the service worker: the member's last reads (tasks, plans), per tenant. */
const MEMBER_CACHE = "shct-member";
/** Earlier builds kept only the task list, here. */
const OLD_CACHES = ["shct-tasks"];

/** Registers /sw.js once the page has loaded (the dev server has none: that fails quietly). */
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch(() => {
      // No service worker (private mode, an old browser): the app still works online.
    });
  });
}

/** Forgets the kept reads: on sign-in and sign-out, so no copy outlives its session. */
export async function forgetOfflineCopies(): Promise<void> {
  try {
    if ("caches" in globalThis)
      await Promise.all([MEMBER_CACHE, ...OLD_CACHES].map((n) => caches.delete(n)));
  } catch {
    // Storage refused: nothing was kept either.
  }
}

/**
 * After the member's own plan was saved: the kept copy of their submission (what the plan
 * page reads offline) takes the saved text and version, so a reload without network starts
 * from what the server holds and the next save is not stale. Where none is kept yet with a
 * submission (the first save), the worker fetches it anew. Nothing when there is no worker.
 */
export async function keepSavedPlan(
  plan: { tenant: string; campaignId: string; formKey: string },
  saved: { data?: unknown; version: number; status: string; submittedAt?: unknown },
): Promise<void> {
  const url = mySubmissionUrl(plan.tenant, plan.campaignId, plan.formKey);
  try {
    if (!("caches" in globalThis) || !navigator.serviceWorker?.controller) return;
    const cache = await caches.open(MEMBER_CACHE);
    const copy = await cache.match(url);
    const body = copy ? ((await copy.json()) as { submission: object | null }) : null;
    if (!body?.submission) {
      await fetch(url, { credentials: "same-origin" }); // through the worker, which keeps it
      return;
    }
    const submission = { ...body.submission, ...saved };
    const headers = { "Content-Type": "application/json" };
    await cache.put(url, new Response(JSON.stringify({ ...body, submission }), { headers }));
  } catch {
    // No network or no storage: the copy on the device (client/lib/drafts.ts) still holds it.
  }
}

/** The request never got an answer (no network, or it timed out). */
export const isOffline = (e: unknown): boolean => e instanceof ApiError && e.status === 0;
