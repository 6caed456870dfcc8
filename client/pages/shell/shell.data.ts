// Reads and writes of the signed-in shell /t/:tenant/*.
import { action, query, redirect, type RoutePreloadFuncArgs } from "@solidjs/router";
import { ApiError, listNotifications, logout, me, type Me } from "../../api";
import { forgetOfflineCopies, isOffline } from "../../lib/offline";

export const loginPath = (tenant: string) => `/t/${tenant}/dang-nhap`;

/**
 * Who is signed in to this đảng bộ. A 401 sends the user to the login page instead of
 * failing: that is the normal state of anyone who is not signed in yet.
 */
export const getMe = query(async (tenant: string): Promise<Me> => {
  try {
    return await me(tenant);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) throw redirect(loginPath(tenant));
    throw e;
  }
}, "me");

/** Who is signed in, or null when there is no network: the shell then shows what the
 *  service worker kept (the task list) instead of an error. */
export const getMeOrOffline = (tenant: string): Promise<Me | null> =>
  getMe(tenant).catch((e: unknown) => {
    if (isOffline(e)) return null;
    throw e;
  });

export function preloadShell(args: RoutePreloadFuncArgs): void {
  void getMe(args.params.tenant ?? "");
}

export const signOut = action(async (tenant: string) => {
  try {
    await logout(tenant);
  } catch (e) {
    // Already signed out (expired session) is the outcome the user asked for.
    if (!(e instanceof ApiError && e.status === 401)) throw e;
  }
  await forgetOfflineCopies();
  // Forget who was signed in, and revalidate nothing: refetching /me now would only answer
  // 401 and redirect a second time.
  query.delete(getMe.keyFor(tenant));
  throw redirect(loginPath(tenant), { revalidate: [] });
}, "sign-out");

/** The signed-in user's notifications, newest first (the header counts the unread ones). */
export const getNotifications = query(listNotifications, "notifications");
