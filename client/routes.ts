// The SPA's routes. Paths are Vietnamese without diacritics, as people read them aloud.
//
// Pages are imported eagerly: the whole shell is a few kB, and on 3G a lazy chunk costs a
// round trip more than it saves. Split here once an area grows large.
import type { RouteDefinition } from "@solidjs/router";
import { AREAS } from "./lib/areas";
import ComingSoonPage from "./pages/coming-soon/Page";
import HomePage from "./pages/home/Page";
import LandingPage from "./pages/landing/Page";
import { preloadLogin } from "./pages/login/login.data";
import LoginPage from "./pages/login/Page";
import NotFoundPage from "./pages/not-found/Page";
import ShellPage from "./pages/shell/Page";
import { preloadShell } from "./pages/shell/shell.data";

export const routes: RouteDefinition[] = [
  { path: "/", component: LandingPage },
  { path: "/t/:tenant/dang-nhap", component: LoginPage, preload: preloadLogin },
  {
    path: "/t/:tenant",
    component: ShellPage,
    preload: preloadShell,
    children: [
      { path: "/", component: HomePage },
      ...AREAS.map((a) => ({
        path: `/${a.path}`,
        component: ComingSoonPage,
        info: { title: a.label },
      })),
    ],
  },
  { path: "*404", component: NotFoundPage },
];
