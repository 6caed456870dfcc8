// Reads of "Việc của tôi": the caller's tasks across active campaigns, and their own plan in
// a campaign. Both live in the entry chunk: this is the member's home screen.
import { query, type RoutePreloadFuncArgs } from "@solidjs/router";
import { getMySubmission, listMyTasks } from "../../api";

export const getMyTasks = query(listMyTasks, "my-tasks");

/** The caller's own submission of a form; the plan form reads it too. */
export const getMine = query(getMySubmission, "my-plan");

export function preloadTasks(args: RoutePreloadFuncArgs): void {
  void getMyTasks(args.params.tenant ?? "");
}
