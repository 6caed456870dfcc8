// The service worker (served as /sw.js, built by ./build.ts): a reload without network opens
// the app. Hand-written and small; it imports nothing and runs in the worker's own scope.
//
// What must stay true:
// - What a member needs is kept per build, read from the build's chunk graph (./build.ts):
//   index.html, the entry chunk (shell, home, task list), the plan form's chunks with what
//   they import and their CSS, the icons and the manifest. An older build's cache is deleted
//   when this one takes over. Every other build file (admin and secretary screens) is fetched
//   when opened, network first, and kept for this build only after it was fetched.
// - Of the API, only what the member's own screens read is kept, the last answer of each, per
//   tenant (the URL names it), network first, the copy only when there is no network:
//   `GET …/my/tasks`, and for its tasks the campaign (`…/campaigns/<id>`: its definition,
//   forms and guidance) and, for each form of the member's own, the member's submission
//   (`…/campaigns/<id>/submissions/mine?formKey=…`), fetched with the task list so a plan
//   never opened online still opens offline. The plan page patches the kept submission after
//   each save (client/lib/offline.ts), so the kept copy is never older than the server's.
//   `…/me` is not kept: its failing is how the shell knows it is offline (the plan page then
//   takes the user's id from the kept task list).
// - A 401 on any of them deletes every kept answer, and so does every sign-in or sign-out
//   (here and in the page, client/lib/offline.ts): no copy outlives the session that fetched
//   it, and no other person's data stays on a shared phone.
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
const PRECACHED = new Set(__SHELL__);
/** Also named in client/lib/offline.ts, which clears it on sign-in and sign-out. */
const MEMBER = "shct-member";
/** The cache of the builds before this one's member data (tasks only): deleted on activate. */
const OLD = ["shct-tasks"];
const MY_TASKS = /^\/api\/t\/[^/]+\/my\/tasks$/;
/** The member's own reads, kept for offline: the search is part of the key (the form). */
const KEPT = [
  MY_TASKS,
  /^\/api\/t\/[^/]+\/campaigns\/[^/]+$/,
  /^\/api\/t\/[^/]+\/campaigns\/[^/]+\/submissions\/mine$/,
];
const AUTH = /^\/api\/t\/[^/]+\/auth\/(login|logout)/;

sw.addEventListener("install", (e) => {
  const addRoutes = (e as ExtendableEvent & { addRoutes?: AddRoutes }).addRoutes;
  const Pattern = (globalThis as { URLPattern?: URLPatternCtor }).URLPattern;
  if (addRoutes && Pattern) {
    // First match wins: the member's reads come here (a campaign's other reads pass through
    // untouched), the rest of the API goes to the network.
    const rules: RouterRule[] = ["/api/t/*/my/tasks", "/api/t/*/campaigns/*"].map((pathname) => ({
      condition: { urlPattern: new Pattern({ pathname }), requestMethod: "GET" },
      source: "fetch-event" as const,
    }));
    rules.push({
      condition: { urlPattern: new Pattern({ pathname: "/api/*" }) },
      source: "network",
    });
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
            .filter((n) => (n.startsWith("shct-shell-") && n !== SHELL) || OLD.includes(n))
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
    if (req.method === "POST" && AUTH.test(url.pathname)) e.waitUntil(caches.delete(MEMBER));
    else if (req.method === "GET" && isKept(url)) e.respondWith(kept(req, e));
    return;
  }
  if (req.method !== "GET") return;
  if (req.mode === "navigate") e.respondWith(page(req));
  else e.respondWith(asset(req));
});

const isKept = (url: URL) =>
  KEPT.some((re) => re.test(url.pathname)) &&
  (url.pathname.endsWith("/submissions/mine") ? /^\?formKey=[^&]+$/.test(url.search) : !url.search);

/** Network first; the last answer of this tenant's session when there is no network. The task
 *  list brings the reads of each of its plans along. */
async function kept(req: Request, e: ExtendableEvent): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(req);
  } catch (err) {
    const copy = await caches.match(req, { cacheName: MEMBER });
    if (copy) return copy;
    throw err;
  }
  if (res.status === 401) await caches.delete(MEMBER);
  else if (res.ok) {
    const cache = await caches.open(MEMBER);
    await cache.put(req, res.clone());
    if (MY_TASKS.test(new URL(req.url).pathname)) e.waitUntil(keepPlans(req.url, res.clone()));
  }
  return res;
}

/** What the task list's screens read: each task's campaign, and the member's submission of
 *  each of their own forms, kept as the plan page reads them. */
async function keepPlans(tasksUrl: string, res: Response): Promise<void> {
  const base = tasksUrl.replace(/\/my\/tasks$/, "");
  const { tasks } = (await res.json()) as {
    tasks: { campaignId: string; formKey: string | null; memberId: string | null }[];
  };
  const urls = new Set<string>();
  for (const t of tasks) {
    // The campaign of every task (its steps' guidance too); the submission of each own form.
    const c = `${base}/campaigns/${encodeURIComponent(t.campaignId)}`;
    urls.add(c);
    if (t.formKey && t.memberId)
      urls.add(`${c}/submissions/mine?formKey=${encodeURIComponent(t.formKey)}`);
  }
  const cache = await caches.open(MEMBER);
  // All at once; a read that fails for want of network keeps the copy kept before.
  const got = await Promise.all(
    [...urls].map((u) =>
      fetch(u, { credentials: "same-origin" }).then(
        (r) => [u, r] as const,
        () => null,
      ),
    ),
  );
  // A session ended meanwhile (signed out): keep nothing more of it.
  if (got.some((g) => g?.[1].status === 401)) return void (await caches.delete(MEMBER));
  await Promise.all(got.map((g) => (g?.[1].ok ? cache.put(g[0], g[1]) : undefined)));
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

/** A build file. The member's, kept at install: hashed names never change, so the kept copy
 *  is the file. Any other (an admin screen): the network first, kept for this build once
 *  fetched, the copy when there is no network. */
async function asset(req: Request): Promise<Response> {
  const copy = await caches.match(req, { cacheName: SHELL });
  if (copy && PRECACHED.has(new URL(req.url).pathname)) return copy;
  try {
    const res = await fetch(req);
    if (res.ok) await (await caches.open(SHELL)).put(req, res.clone());
    return res;
  } catch (err) {
    if (copy) return copy;
    throw err;
  }
}
