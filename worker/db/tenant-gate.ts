// Turns between tenants where one thread serves them all (Node). Node reads every socket that
// is ready and runs each request's handler to its first real wait before it reads again, so 50
// heavy requests of one tenant that arrive together run back to back — seconds — before
// another tenant's request is even read. The gate cuts the event loop into turns (a turn ends
// at setImmediate, after pending I/O has been read): once a turn has run longer than
// `budgetMs`, a tenant that already started a request in it waits for a later turn. Each turn
// starts, per waiting tenant, as many requests as its recent cost fits in the budget, at least
// one: a tenant of cheap requests empties its queue in a turn, one of 100 ms dashboards starts
// one. Past `maxWaiting` waiting requests a tenant is refused (503, BUSY).
import { DomainError } from "../errors";
import { commitWaits } from "./group-commit";

export interface TenantGate {
  /** Resolves when the tenant may start this request, with the function that reports it done. */
  enter(tenantId: string): Promise<() => void>;
  /** Runs a request (`enter` and its work) where the time it waits for a group commit is
   *  kept apart from its cost (./group-commit.ts). */
  scope<T>(run: () => Promise<T>): Promise<T>;
  /** Requests of the tenant waiting for a turn (tests). */
  waiting(tenantId: string): number;
  /** The tenant's recent milliseconds per request, as the turns count it (tests). */
  cost(tenantId: string): number | undefined;
}

interface TenantTurns {
  turn: number;
  queue: (() => void)[];
  /** Recent milliseconds per request (moving average). */
  cost: number;
  /** Requests of the tenant started and not done, and the integral of that count over time
   *  (request-milliseconds) up to `at`. */
  running: number;
  area: number;
  at: number;
}

/** Brings the tenant's integral of running requests up to `now`. */
function accrue(t: TenantTurns, now: number) {
  t.area += t.running * (now - t.at);
  t.at = now;
}

export function tenantGate(
  budgetMs = 2,
  maxWaiting = 512,
  /** Milliseconds (tests drive their own). */
  clock: () => number = () => performance.now(),
): TenantGate {
  let turn = 0;
  let turnStart = clock();
  let ticking = false;
  const tenants = new Map<string, TenantTurns>();

  function tick() {
    ticking = false;
    turn++;
    turnStart = clock();
    let more = false;
    for (const [id, t] of tenants) {
      if (t.queue.length) {
        t.turn = turn;
        const allowance = Math.max(1, Math.floor(budgetMs / Math.max(t.cost, 0.05)));
        for (const next of t.queue.splice(0, allowance)) next();
        more ||= t.queue.length > 0;
      } else if (t.turn !== turn - 1 && t.running === 0) tenants.delete(id); // idle a whole turn
    }
    if (more) schedule();
  }
  function schedule() {
    if (ticking) return;
    ticking = true;
    setImmediate(tick);
  }

  return {
    async enter(tenantId) {
      schedule(); // the turn in progress ends at the next check phase
      let t = tenants.get(tenantId);
      if (!t)
        tenants.set(tenantId, (t = { turn: -1, queue: [], cost: 1, running: 0, area: 0, at: 0 }));
      const ranThisTurn = t.turn === turn;
      if (t.queue.length || (ranThisTurn && clock() - turnStart >= budgetMs)) {
        if (t.queue.length >= maxWaiting)
          throw new DomainError(
            "BUSY",
            "Hệ thống đang bận, vui lòng thử lại sau giây lát.",
            undefined,
            { "Retry-After": "2" },
          );
        await new Promise<void>((resolve) => t.queue.push(resolve));
      }
      t.turn = turn;
      const start = clock();
      const tenant = t;
      accrue(tenant, start);
      tenant.running++;
      const area0 = tenant.area;
      const waits = commitWaits.getStore();
      const before = waits?.waited ?? 0;
      return () => {
        const end = clock();
        accrue(tenant, end);
        tenant.running--;
        // The request's own time: its time shared with the tenant's other requests running
        // beside it (200 dashboards at once each take 200 times as long, not each cost it),
        // and not what it waited for other requests' share of a commit.
        const beside = end > start ? (tenant.area - area0) / (end - start) : 1;
        const own = (end - start - ((waits?.waited ?? 0) - before)) / Math.max(1, beside);
        tenant.cost = tenant.cost * 0.8 + Math.max(0, own) * 0.2;
      };
    },
    scope: (run) => commitWaits.run({ waited: 0 }, run),
    waiting: (tenantId) => tenants.get(tenantId)?.queue.length ?? 0,
    cost: (tenantId) => tenants.get(tenantId)?.cost,
  };
}
