// The campaign named by the URL (/campaigns/:id/…), for the sub-apps mounted under it:
// `campaignPath` validates the id (a malformed one is a 404), `withCampaign` then loads the
// campaign once for the handler (`c.var.campaign`). Both go after `guard`, so a caller who
// may not call the route learns nothing about which campaigns exist, and after the body or
// query validator, so a malformed request is refused before any lookup.
import type { MiddlewareHandler } from "hono";
import * as v from "valibot";
import { Id } from "../../schema/api";
import { requireCampaign, type Campaign } from "../data/campaigns";
import { pathParams, type RequestCtx } from "../http";

export const campaignPath = pathParams(v.object({ id: Id }));

export const withCampaign: MiddlewareHandler<
  { Variables: { ctx: RequestCtx; campaign: Campaign } },
  string,
  { out: { param: { id: string } } }
> = async (c, next) => {
  c.set("campaign", await requireCampaign(c.var.ctx.db, c.req.valid("param").id));
  await next();
};
