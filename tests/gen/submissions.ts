// When members hand their plans in: slowly at first, most in the middle weeks (a logistic
// S-curve), a rush in the last two days before the deadline, a few late and a few never.
import type { Rng } from "./random";

const DAY = 86_400_000;

/** A submission instant in ms, or null for a member who never submits. */
export function submissionTime(rng: Rng, startsAt: number, dueAt: number): number | null {
  const span = dueAt - startsAt;
  const roll = rng.next();
  if (roll < 0.08) return null;
  if (roll < 0.12) return dueAt + rng.int(1, 3 * DAY); // late
  if (roll < 0.37) return Math.round(dueAt - 2 * DAY * rng.next() ** 2); // the spike, rising to the deadline
  // Logistic around 60% of the period, clamped inside it.
  const u = Math.min(Math.max(rng.next(), 1e-9), 1 - 1e-9);
  const t = startsAt + 0.6 * span + (span / 10) * Math.log(u / (1 - u));
  return Math.round(Math.min(Math.max(t, startsAt), dueAt));
}
