// A tenant's turn among the others on Node (db/tenant-gate.ts), taken once the caller is
// known. Signed-in requests and anonymous ones (sign-in, invitations, reset links, public
// pages) wait in separate lanes of the tenant: a flood of anonymous requests — a thousand
// logins with made-up e-mails — fills its own lane and is refused there (503), and never makes
// the tenant's signed-in people wait behind it or answer 503. A made-up session cookie does
// not help the flood: it is checked (one statement) before the lane is chosen.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";

export const takeTurn: MiddlewareHandler<AppEnv> = async (c, next) => {
  const gate = c.get("platform").tenantGate;
  if (!gate) return next();
  const tenantId = c.get("tenant").id;
  await gate.scope(async () => {
    const done = await gate.enter(c.get("user") ? tenantId : `${tenantId}#anonymous`);
    try {
      await next();
    } finally {
      done();
    }
  });
};
