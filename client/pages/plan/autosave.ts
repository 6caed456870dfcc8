// Autosave of a plan draft (DESIGN.md §5: "drafts save as the member types and survive a
// lost connection").
//
// Not a router `action`: it is a small state machine (debounce, one save at a time, retry
// when the network returns, stop on a conflict), and an action would also revalidate every
// read after each keystroke's save — refetching the plan under the member's fingers.
//
// What must stay true:
// - Every change is written to localStorage first, with the server version it was made on,
//   so a lost connection, a closed tab or a dead battery loses nothing. The copy is removed
//   only once the server holds exactly that content.
// - A save sends the version it started from (none before the first save). A 409 stops
//   autosaving until the user chooses: nothing typed is overwritten on either side.
// - One request at a time, in order: a slow 3G save is never overtaken by a newer one.
import { createSignal, onCleanup, type Accessor } from "solid-js";
import { ApiError, type PlanData } from "../../api";
import { clearLocal, writeLocal } from "../../lib/drafts";

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "offline" }
  | { kind: "conflict" }
  | { kind: "invalid"; message: string }
  | { kind: "expired" }
  | { kind: "failed"; message: string };

export { clearLocal, readLocal, writeLocal, type LocalDraft } from "../../lib/drafts";

const RETRY_MS = 15_000;

export interface Autosave {
  state: Accessor<SaveState>;
  version: () => number | null;
  /** After a submit, which also moves the version on. */
  setVersion(v: number): void;
  /** The data changed: keep it on the device now, send it after the pause. */
  changed(data: PlanData): void;
  /** Send what is pending now; true when the server holds everything typed. */
  flush(): Promise<boolean>;
  /** Whether there are edits the server does not have yet. */
  dirty(): boolean;
}

export function createAutosave(opts: {
  storageKey: string;
  version: number | null;
  save: (data: PlanData, version: number | null) => Promise<{ version: number }>;
  onSaved?: (version: number, data: PlanData) => void;
  /** A 422 on a draft: what is there has the wrong shape or size (too long, say). */
  onInvalid?: (fields: Readonly<Record<string, string>>) => void;
  delayMs?: number;
}): Autosave {
  const delay = opts.delayMs ?? 1500;
  const [state, setState] = createSignal<SaveState>({ kind: "idle" });
  let version = opts.version;
  /** Edits the server does not have, as a snapshot; null when there are none. */
  let latest: PlanData | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<boolean> | null = null;
  /** A conflict, an expired session, a closed campaign: only the user can move on. */
  let blocked = false;

  const keep = () => {
    if (latest) writeLocal(opts.storageKey, { data: latest, baseVersion: version, at: Date.now() });
  };
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), ms);
  };
  const retryLater = (ms: number) => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void flush(), ms);
  };

  function fail(e: unknown) {
    if (!(e instanceof ApiError)) {
      setState({ kind: "failed", message: "Đã có lỗi không mong muốn khi lưu." });
      retryLater(RETRY_MS);
      return;
    }
    if (e.status === 0) {
      setState({ kind: "offline" });
      retryLater(RETRY_MS);
    } else if (e.code === "VERSION_CONFLICT") {
      blocked = true;
      setState({ kind: "conflict" });
    } else if (e.status === 401) {
      blocked = true;
      setState({ kind: "expired" });
    } else if (e.status === 422) {
      // Waits for the next change: sending the same content again would fail the same way.
      setState({ kind: "invalid", message: e.message });
      opts.onInvalid?.(e.fields);
    } else if (e.status === 429 || e.status >= 500) {
      setState({ kind: "failed", message: e.message });
      retryLater((e.retryAfter ?? RETRY_MS / 1000) * 1000);
    } else {
      // 403, 404, a closed campaign (409 INVALID_STATE): retrying will not help.
      blocked = true;
      setState({ kind: "failed", message: e.message });
    }
  }

  async function flush(): Promise<boolean> {
    clearTimeout(timer);
    clearTimeout(retryTimer);
    while (inFlight) await inFlight;
    if (!latest) return state().kind !== "conflict" && !blocked;
    if (blocked) return false;
    const data = latest;
    const base = version;
    latest = null;
    setState({ kind: "saving" });
    const attempt = opts.save(data, base).then(
      (res) => {
        version = res.version;
        opts.onSaved?.(res.version, data);
        if (latest) {
          // Typed while the save travelled: keep the newer text, on the new version.
          keep();
          setState({ kind: "pending" });
          schedule(delay);
        } else {
          clearLocal(opts.storageKey);
          setState({ kind: "saved", at: new Date() });
        }
        return true;
      },
      (e: unknown) => {
        if (!latest) latest = data;
        fail(e);
        return false;
      },
    );
    inFlight = attempt;
    try {
      return await attempt;
    } finally {
      inFlight = null;
    }
  }

  const onOnline = () => {
    if (latest && !blocked) void flush();
  };
  // A phone that locks or switches apps may never come back to this page: send now.
  const onHide = () => {
    if (document.visibilityState === "hidden" && latest && !blocked) void flush();
  };
  window.addEventListener("online", onOnline);
  document.addEventListener("visibilitychange", onHide);
  onCleanup(() => {
    clearTimeout(timer);
    clearTimeout(retryTimer);
    window.removeEventListener("online", onOnline);
    document.removeEventListener("visibilitychange", onHide);
  });

  return {
    state,
    version: () => version,
    setVersion(v) {
      version = v;
      keep();
    },
    changed(data) {
      latest = JSON.parse(JSON.stringify(data)) as PlanData;
      keep();
      if (blocked) return;
      if (state().kind !== "offline") setState({ kind: "pending" });
      schedule(delay);
    },
    flush,
    dirty: () => latest !== null,
  };
}
