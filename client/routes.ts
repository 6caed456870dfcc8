// The SPA's routes. Paths are Vietnamese without diacritics, as people read them aloud.
//
// The public pages, the shell and the home screen with "Việc của tôi" are in the entry
// chunk: a member's phone needs them first. The plan form (and its print view) is the one
// lazy chunk on a member's path. The campaign, queue, template, structure and account
// screens are lazy chunks of their own, loaded only by the people who open them. Their reads (`*.data.ts`) are lazy too,
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
import TasksPage from "./pages/tasks/Page";
import { preloadTasks } from "./pages/tasks/tasks.data";

const UnitsPage = lazy(() => import("./pages/units/Page"));
const RosterPage = lazy(() => import("./pages/roster/Page"));
const MemberPage = lazy(() => import("./pages/member/Page"));
const ImportPage = lazy(() => import("./pages/import/Page"));
const AccountsPage = lazy(() => import("./pages/accounts/Page"));
const AuditPage = lazy(() => import("./pages/audit/Page"));
const ArchivePage = lazy(() => import("./pages/archive/Page"));
const SetPasswordPage = lazy(() => import("./pages/set-password/Page"));
const PlanPage = lazy(() => import("./pages/plan/Page"));
const PrintPage = lazy(() => import("./pages/print/Page"));
const MinutesPaper = lazy(() => import("./pages/print/Minutes"));
const ReportPaper = lazy(() => import("./pages/print/Report"));
const SummaryPaper = lazy(() => import("./pages/print/Summary"));
const CampaignsPage = lazy(() => import("./pages/campaigns/Page"));
const CampaignPage = lazy(() => import("./pages/campaigns/Campaign"));
const NewCampaignPage = lazy(() => import("./pages/campaigns/New"));
const QueuePage = lazy(() => import("./pages/queue/Page"));
const ReviewPage = lazy(() => import("./pages/queue/Review"));
const TemplatesPage = lazy(() => import("./pages/templates/Page"));
const TemplateEditorPage = lazy(() => import("./pages/templates/Editor"));
const MeetingPage = lazy(() => import("./pages/meeting/Page"));
const PublicPage = lazy(() => import("./pages/public/Page"));
const SupervisionPage = lazy(() => import("./pages/supervision/Page"));
const SupervisedPlanPage = lazy(() => import("./pages/supervision/Plan"));
const LinksPage = lazy(() => import("./pages/links/Page"));
const AdoptPage = lazy(() => import("./pages/links/Adopt"));
const EditAdoptedPage = lazy(() => import("./pages/links/EditAdopted"));
const NotificationsPage = lazy(() => import("./pages/notifications/Page"));
const NotifySettingsPage = lazy(() => import("./pages/notifications/Settings"));
const SecurityPage = lazy(() => import("./pages/security/Page"));
const CellPage = lazy(() => import("./pages/cell/Page"));
const UnitFormPage = lazy(() => import("./pages/unit-forms/Page"));
const MonthlyReviewPage = lazy(() => import("./pages/unit-forms/Monthly"));
const PeriodicReportPage = lazy(() => import("./pages/unit-forms/Periodic"));
const TallyPage = lazy(() => import("./pages/unit-forms/Tally"));
const UpwardReportPage = lazy(() => import("./pages/upward-report/Page"));
const UpwardReportPrint = lazy(() => import("./pages/upward-report/Print"));

type Preload = (args: RoutePreloadFuncArgs) => Promise<unknown>;

/**
 * A preload that lives in a lazy module. The route's params and search are copied now, while
 * the router calls us: the router creates a memo per key on first read, and one first read
 * after the `await`, in the middle of the navigation's transition, stays stuck at its old
 * value (the page then saw no `unitId`). Errors are the page's to show, not the preload's.
 */
function lazyPreload<M extends Record<K, Preload>, K extends keyof M>(
  load: () => Promise<M>,
  key: K,
) {
  return (args: RoutePreloadFuncArgs): void => {
    const copy: RoutePreloadFuncArgs = {
      params: { ...args.params },
      location: { ...args.location, query: { ...args.location.query } },
      intent: args.intent,
    };
    load()
      .then((m) => m[key](copy))
      .catch(() => {});
  };
}
const unitsData = () => import("./pages/units/units.data");
const rosterData = () => import("./pages/roster/roster.data");
const memberData = () => import("./pages/member/member.data");
const accountsData = () => import("./pages/accounts/accounts.data");
const auditData = () => import("./pages/audit/audit.data");
const planData = () => import("./pages/plan/plan.data");
const campaignsData = () => import("./pages/campaigns/campaigns.data");
const templatesData = () => import("./pages/templates/templates.data");
const meetingData = () => import("./pages/meeting/meeting.data");
const supervisionData = () => import("./pages/supervision/supervision.data");
const linksData = () => import("./pages/links/links.data");
const securityData = () => import("./pages/security/security.data");
const notifySettingsData = () => import("./pages/notifications/notify-settings.data");
const unitFormsData = () => import("./pages/unit-forms/unit-forms.data");
const upwardData = () => import("./pages/upward-report/upward-report.data");

const preloadUnits = lazyPreload(unitsData, "preloadUnits");
const preloadRoster = lazyPreload(rosterData, "preloadRoster");
const preloadMember = lazyPreload(memberData, "preloadMember");
const preloadAccounts = lazyPreload(accountsData, "preloadAccounts");
const preloadAudit = lazyPreload(auditData, "preloadAudit");
const preloadPlan = lazyPreload(planData, "preloadPlan");
const preloadReview = lazyPreload(planData, "preloadReview");
const preloadCampaigns = lazyPreload(campaignsData, "preloadCampaigns");
const preloadCampaign = lazyPreload(campaignsData, "preloadCampaign");
const preloadQueue = lazyPreload(campaignsData, "preloadQueue");
const preloadTemplates = lazyPreload(templatesData, "preloadTemplates");
const preloadTemplate = lazyPreload(templatesData, "preloadTemplate");
const preloadMeeting = lazyPreload(meetingData, "preloadMeeting");
const preloadPublic = lazyPreload(meetingData, "preloadPublic");
const preloadSupervision = lazyPreload(supervisionData, "preloadSupervision");
const preloadSupervisedPlan = lazyPreload(supervisionData, "preloadSupervisedPlan");
const preloadLinks = lazyPreload(linksData, "preloadLinks");
const preloadEditAdopted = lazyPreload(linksData, "preloadEditAdopted");
const preloadSecurity = lazyPreload(securityData, "preloadSecurity");
const preloadNotifySettings = lazyPreload(notifySettingsData, "preloadNotifySettings");
const preloadUnitForm = lazyPreload(unitFormsData, "preloadUnitForm");
const preloadMonthly = lazyPreload(unitFormsData, "preloadMonthly");
const preloadPeriodic = lazyPreload(unitFormsData, "preloadPeriodic");
const preloadTally = lazyPreload(unitFormsData, "preloadTally");
const preloadUpward = lazyPreload(upwardData, "preloadUpwardReport");

/** A campaign's own screens hang below its path. */
const CAMPAIGN = "/dot-sinh-hoat/:campaignId";

export const routes: RouteDefinition[] = [
  { path: "/", component: LandingPage },
  { path: ["/dang-ky", "/dang-ky/xac-nhan"], component: lazy(() => import("./pages/signup/Page")) },
  { path: "/t/:tenant/dang-nhap", component: LoginPage, preload: preloadLogin },
  { path: "/t/:tenant/nhan-loi-moi", component: SetPasswordPage, preload: preloadLogin },
  { path: "/t/:tenant/dat-lai-mat-khau", component: SetPasswordPage, preload: preloadLogin },
  // The public page: confirmed plans routed to publication, for anyone, without login.
  { path: "/t/:tenant/cong-khai", component: PublicPage, preload: preloadPublic },
  // Print views: outside the shell, so neither the screen nor the paper has its nav.
  {
    path: `/t/:tenant${CAMPAIGN}/ke-hoach/:formKey/in`,
    component: PrintPage,
    preload: preloadPlan,
  },
  {
    path: `/t/:tenant${CAMPAIGN}/xac-nhan/:submissionId/in`,
    component: PrintPage,
    preload: preloadReview,
  },
  // The unit's papers: the minutes of a session, the report upward, the summary table.
  { path: `/t/:tenant${CAMPAIGN}/sinh-hoat/:meetingId/in`, component: MinutesPaper },
  { path: `/t/:tenant${CAMPAIGN}/bao-cao/:unitId/:reportKey/in`, component: ReportPaper },
  { path: `/t/:tenant${CAMPAIGN}/don-vi/:unitId/bang-tong-hop/in`, component: SummaryPaper },
  {
    path: `/t/:tenant${CAMPAIGN}/bao-cao-cap-tren/in`,
    component: UpwardReportPrint,
    preload: preloadUpward,
  },
  {
    path: "/t/:tenant",
    component: ShellPage,
    preload: preloadShell,
    children: [
      { path: "/", component: HomePage, preload: preloadTasks },
      { path: "/viec-cua-toi", component: TasksPage, preload: preloadTasks },
      { path: "/dot-sinh-hoat", component: CampaignsPage, preload: preloadCampaigns },
      { path: "/dot-sinh-hoat/moi", component: NewCampaignPage, preload: preloadTemplates },
      { path: CAMPAIGN, component: CampaignPage, preload: preloadCampaign },
      { path: `${CAMPAIGN}/ke-hoach/:formKey`, component: PlanPage, preload: preloadPlan },
      {
        path: `${CAMPAIGN}/nhap-thay/:memberId/:formKey`,
        component: PlanPage,
        preload: preloadPlan,
      },
      { path: `${CAMPAIGN}/xac-nhan`, component: QueuePage, preload: preloadQueue },
      { path: `${CAMPAIGN}/xac-nhan/:submissionId`, component: ReviewPage, preload: preloadReview },
      { path: `${CAMPAIGN}/sinh-hoat/:meetingId`, component: MeetingPage, preload: preloadMeeting },
      // The cell's own work: step by step, its unit forms, monthly reviews, checklist counts.
      { path: `${CAMPAIGN}/don-vi/:unitId`, component: CellPage, preload: preloadUnitForm },
      {
        path: `${CAMPAIGN}/don-vi/:unitId/buoc/:stepKey`,
        component: UnitFormPage,
        preload: preloadUnitForm,
      },
      {
        path: `${CAMPAIGN}/don-vi/:unitId/nhan-xet-thang`,
        component: MonthlyReviewPage,
        preload: preloadMonthly,
      },
      {
        path: `${CAMPAIGN}/don-vi/:unitId/bao-cao-dinh-ky/:reportKey`,
        component: PeriodicReportPage,
        preload: preloadPeriodic,
      },
      { path: `${CAMPAIGN}/tong-hop/:stepKey`, component: TallyPage, preload: preloadTally },
      {
        path: `${CAMPAIGN}/bao-cao-cap-tren`,
        component: UpwardReportPage,
        preload: preloadUpward,
      },
      { path: "/mau", component: TemplatesPage, preload: preloadTemplates },
      { path: "/mau/:key", component: TemplateEditorPage, preload: preloadTemplate },
      { path: "/don-vi", component: UnitsPage, preload: preloadUnits },
      { path: "/don-vi/:unitId", component: RosterPage, preload: preloadRoster },
      { path: "/dang-vien/:memberId", component: MemberPage, preload: preloadMember },
      { path: "/nhap-danh-sach", component: ImportPage, preload: preloadUnits },
      { path: "/tai-khoan", component: AccountsPage, preload: preloadAccounts },
      { path: "/nhat-ky", component: AuditPage, preload: preloadAudit },
      { path: "/sao-luu", component: ArchivePage },
      { path: "/giam-sat", component: SupervisionPage, preload: preloadSupervision },
      {
        path: "/giam-sat/:submissionId",
        component: SupervisedPlanPage,
        preload: preloadSupervisedPlan,
      },
      { path: "/lien-ket", component: LinksPage, preload: preloadLinks },
      { path: "/lien-ket/ap-dung/:directiveId", component: AdoptPage, preload: preloadLinks },
      {
        path: "/lien-ket/sua/:campaignId",
        component: EditAdoptedPage,
        preload: preloadEditAdopted,
      },
      { path: "/thong-bao", component: NotificationsPage },
      {
        path: "/thong-bao/cai-dat",
        component: NotifySettingsPage,
        preload: preloadNotifySettings,
      },
      { path: "/bao-mat", component: SecurityPage, preload: preloadSecurity },
      ...AREAS.filter((a) => COMING_SOON.includes(a.path)).map((a) => ({
        path: `/${a.path}`,
        component: ComingSoonPage,
        info: { title: a.label },
      })),
    ],
  },
  { path: "*404", component: NotFoundPage },
];
