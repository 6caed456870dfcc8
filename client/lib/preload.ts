// The preload of a route that reads one query with the route's parameters, in the order named
// ("" for one the route lacks), so its data is on the way while the page's code loads.
import type { RoutePreloadFuncArgs } from "@solidjs/router";

export const preloadOf =
  <A extends string[]>(read: (...params: { [K in keyof A]: string }) => unknown, ...names: A) =>
  (args: RoutePreloadFuncArgs): Promise<unknown> =>
    Promise.resolve(
      read(...(names.map((n) => args.params[n] ?? "") as { [K in keyof A]: string })),
    );
