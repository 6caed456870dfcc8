// The service worker (served as /sw.js, built by ./build.ts): a reload without network opens
// the app. Hand-written and small; it imports nothing and runs in the worker's own scope.
//
// What must stay true:
// - The app shell (index.html, the hashed JS/CSS of this build, the icons and the manifest)
//   is kept per build; an older build's cache is deleted when this one takes over.
// - Of the API, only the member's open tasks (`GET /api/t/<tenant>/my/tasks`) are kept: the
//   last answer per tenant (the URL names it), network first, the copy only when there is
//   no network. A 401 deletes the copy, and so does every sign-in or sign-out (here and in
//   the page, client/lib/offline.ts): no copy outlives the session that fetched it.
// - Every other API request goes to the network untouched, and where the browser offers
//   static routes (Chromium) it never enters this worker at all: a draft's save sent as the
//   page closes must fail with the page's network, not wait here for the network to return
//   and land behind the member's back (the plan form then shows the kept copy as stale).

// Replaced at build time (./build.ts): this build's files and an id made from their names.
declare const __SHELL__: string[];
declare const __BUILD__: string;

/** The few parts of the ServiceWorkerGlobalScope used here (the project's lib is the DOM's). */
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
/** Static routes (Chromium 123+): requests they send to the network skip the worker. */
interface RouterRule {
  condition: { urlPattern: unknown; requestMethod?: string };
  source: "network" | "fetch-event";
}
type AddRoutes = (rules: RouterRule[]) => Promise<void>;
type URLPatternCtor = new (init: { pathname: string }) => unknown;
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: "install" | "activate", fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", fn: (e: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
}
const sw = self as unknown as WorkerScope;

const SHELL = `shct-shell-${__BUILD__}`;
/** Also named in client/lib/offline.ts, which clears it on sign-in and sign-out. */
const TASKS = "shct-tasks";
const MY_TASKS = /^\/api\/t\/[^/]+\/my\/tasks$/;
const AUTH = /^\/api\/t\/[^/]+\/auth\/(login|logout)/;

sw.addEventListener("install", (e) => {
  const addRoutes = (e as ExtendableEvent & { addRoutes?: AddRoutes }).addRoutes;
  const Pattern = (globalThis as { URLPattern?: URLPatternCtor }).URLPattern;
  if (addRoutes && Pattern) {
    // First match wins: the task list comes here, the rest of the API goes to the network.
    const rules: RouterRule[] = [
      {
        condition: {
          urlPattern: new Pattern({ pathname: "/api/t/*/my/tasks" }),
          requestMethod: "GET",
        },
        source: "fetch-event",
      },
      { condition: { urlPattern: new Pattern({ pathname: "/api/*" }) }, source: "network" },
    ];
    e.waitUntil(addRoutes.call(e, rules).catch(() => {}));
  }
  e.waitUntil(
    caches
      .open(SHELL)
      .then((c) => c.addAll(["/", ...__SHELL__]))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener("activate", (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((n) => n.startsWith("shct-shell-") && n !== SHELL)
            .map((n) => caches.delete(n)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener("fetch", (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (url.origin !== sw.location.origin) return;
  if (url.pathname.startsWith("/api/")) {
    if (req.method === "POST" && AUTH.test(url.pathname)) e.waitUntil(caches.delete(TASKS));
    else if (req.method === "GET" && MY_TASKS.test(url.pathname) && !url.search)
      e.respondWith(tasks(req));
    return;
  }
  if (req.method !== "GET") return;
  if (req.mode === "navigate") e.respondWith(page(req));
  else e.respondWith(asset(req));
});

/** Network first; the last answer of this tenant's session when there is no network. */
async function tasks(req: Request): Promise<Response> {
  const cache = await caches.open(TASKS);
  let res: Response;
  try {
    res = await fetch(req);
  } catch (err) {
    const kept = await cache.match(req);
    if (kept) return kept;
    throw err;
  }
  if (res.ok) await cache.put(req, res.clone());
  else if (res.status === 401) await cache.delete(req);
  return res;
}

/** A page: the network's answer, or the kept index.html (the SPA routes it). */
async function page(req: Request): Promise<Response> {
  try {
    return await fetch(req);
  } catch (err) {
    const kept = await caches.match("/", { cacheName: SHELL });
    if (kept) return kept;
    throw err;
  }
}

/** A build file: hashed names never change, so the kept copy is the file. */
async function asset(req: Request): Promise<Response> {
  const kept = await caches.match(req, { cacheName: SHELL });
  return kept ?? fetch(req);
}
