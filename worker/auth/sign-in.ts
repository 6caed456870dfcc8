// Starting a session on this browser, shared by login, links and the second factor.
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { readSessionCookie, setSessionCookie } from "./cookies";
import { createSession, invalidateSession } from "./sessions";

/** Signs `user` in on this browser, ending the session it had (rotation) and, when given,
 *  the session the request came with (a pending one, once its second factor is verified).
 *  `twoFactorPending`: the password was right but a code is still owed (routes/two-factor.ts). */
export async function startSession(
  c: Context<AppEnv>,
  user: { id: string; fullName: string },
  opts: { twoFactorPending?: boolean; replacing?: string | null } = {},
) {
  const { db, tenant, platform } = c.var;
  const previous = readSessionCookie(c, tenant.slug)?.split(".")[0];
  if (previous) await invalidateSession(db, previous);
  if (opts.replacing && opts.replacing !== previous) await invalidateSession(db, opts.replacing);
  const { token } = await createSession(db, user.id, platform.now(), {
    twoFactorPending: opts.twoFactorPending,
  });
  setSessionCookie(c, tenant.slug, token);
  return {
    user: { id: user.id, fullName: user.fullName },
    token,
    twoFactorRequired: opts.twoFactorPending ?? false,
  };
}
