// The SPA's routes. Paths are Vietnamese without diacritics, as people read them aloud.
//
// The public pages, the shell and the home screen are in the entry chunk: that is all a
// member's phone needs today. The structure and account screens are lazy chunks, loaded
// only by the admins and secretaries who open them. Their reads (`*.data.ts`) are lazy too,
// in small chunks of their own, so `preload` starts the API calls while the page's chunk
// is still on its way.
import type { RouteDefinition, RoutePreloadFuncArgs } from "@solidjs/router";
import { lazy } from "solid-js";
import { AREAS, COMING_SOON } from "./lib/areas";
import ComingSoonPage from "./pages/coming-soon/Page";
import HomePage from "./pages/home/Page";
import LandingPage from "./pages/landing/Page";
import { preloadLogin } from "./pages/login/login.data";
import LoginPage from "./pages/login/Page";
import NotFoundPage from "./pages/not-found/Page";
import ShellPage from "./pages/shell/Page";
import { preloadShell } from "./pages/shell/shell.data";

const UnitsPage = lazy(() => import("./pages/units/Page"));
const RosterPage = lazy(() => import("./pages/roster/Page"));
const MemberPage = lazy(() => import("./pages/member/Page"));
const ImportPage = lazy(() => import("./pages/import/Page"));
const AccountsPage = lazy(() => import("./pages/accounts/Page"));
const AuditPage = lazy(() => import("./pages/audit/Page"));
const SetPasswordPage = lazy(() => import("./pages/set-password/Page"));

type Preload = (args: RoutePreloadFuncArgs) => Promise<unknown>;

/**
 * A preload that lives in a lazy module. The route's params and search are copied now, while
 * the router calls us: the router creates a memo per key on first read, and one first read
 * after the `await`, in the middle of the navigation's transition, stays stuck at its old
 * value (the page then saw no `unitId`). Errors are the page's to show, not the preload's.
 */
function lazyPreload<M>(load: () => Promise<M>, pick: (m: M) => Preload) {
  return (args: RoutePreloadFuncArgs): void => {
    const copy: RoutePreloadFuncArgs = {
      params: { ...args.params },
      location: { ...args.location, query: { ...args.location.query } },
      intent: args.intent,
    };
    load()
      .then((m) => pick(m)(copy))
      .catch(() => {});
  };
}
const preloadUnits = lazyPreload(
  () => import("./pages/units/units.data"),
  (m) => m.preloadUnits,
);
const preloadRoster = lazyPreload(
  () => import("./pages/roster/roster.data"),
  (m) => m.preloadRoster,
);
const preloadMember = lazyPreload(
  () => import("./pages/member/member.data"),
  (m) => m.preloadMember,
);
const preloadAccounts = lazyPreload(
  () => import("./pages/accounts/accounts.data"),
  (m) => m.preloadAccounts,
);
const preloadAudit = lazyPreload(
  () => import("./pages/audit/audit.data"),
  (m) => m.preloadAudit,
);

export const routes: RouteDefinition[] = [
  { path: "/", component: LandingPage },
  { path: "/t/:tenant/dang-nhap", component: LoginPage, preload: preloadLogin },
  { path: "/t/:tenant/nhan-loi-moi", component: SetPasswordPage, preload: preloadLogin },
  { path: "/t/:tenant/dat-lai-mat-khau", component: SetPasswordPage, preload: preloadLogin },
  {
    path: "/t/:tenant",
    component: ShellPage,
    preload: preloadShell,
    children: [
      { path: "/", component: HomePage },
      { path: "/don-vi", component: UnitsPage, preload: preloadUnits },
      { path: "/don-vi/:unitId", component: RosterPage, preload: preloadRoster },
      { path: "/dang-vien/:memberId", component: MemberPage, preload: preloadMember },
      { path: "/nhap-danh-sach", component: ImportPage, preload: preloadUnits },
      { path: "/tai-khoan", component: AccountsPage, preload: preloadAccounts },
      { path: "/nhat-ky", component: AuditPage, preload: preloadAudit },
      ...AREAS.filter((a) => COMING_SOON.includes(a.path)).map((a) => ({
        path: `/${a.path}`,
        component: ComingSoonPage,
        info: { title: a.label },
      })),
    ],
  },
  { path: "*404", component: NotFoundPage },
];
