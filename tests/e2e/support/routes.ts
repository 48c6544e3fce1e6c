// Every route of the portal and of the ЕСИА emulator, one list per role (who can reach what).
// The accessibility spec checks each of them (axe, heading, navigation, Russian text, narrow
// screens) and fails when a link on them leads to a page missing here. A new section: add its paths to the roles that see it (and a pattern if it has ids).
import type { Page } from "@playwright/test";
import { personById } from "../../../lib/demo-world/esia-world";
import { INSTITUTION_SCENARIOS } from "../../../prisma/seed/scenarios";

/** The seed numbers institutions' cabinets from 220801 in the order of INSTITUTION_SCENARIOS. */
export const lkoOf = (organizationId: string) => 220_801 + INSTITUTION_SCENARIOS.findIndex((s) => s.organizationId === organizationId);
/** Organs' editorial cabinets are numbered from 210001 (prisma/seed/demo.ts, ORGANS_WITH_EDITORIAL). */
export const EDU_DEPARTMENT_LKO = 210_004;

// Institutions this spec relies on (no other e2e file changes them).
export const PLACED_SCHOOL = "org-mag-school-32"; // widget placed; a message is written to it here
export const UNTRAINED_SCHOOL = "org-mag-school-48"; // accounts confirmed, training not ticked
export const REJECTED_KINDERGARTEN = "org-mag-kindergarten-29"; // request rejected
const PLACED = lkoOf(PLACED_SCHOOL);
const EDU = EDU_DEPARTMENT_LKO;
const SCHOOL_16 = lkoOf("org-mag-school-16");

export const headOf = (organizationId: string) => `person-${organizationId.replace(/^org-/, "")}-head`;
export const loginOf = (personId: string) => personById.get(personId)!.email;

/** A path, or a way to find one on the running app (for ids the seed does not fix). */
export type TRoute = string | { pattern: string; resolve: (page: Page) => Promise<string> };

export interface TAudience {
  name: string;
  /** null: not signed in. */
  personId: string | null;
  routes: TRoute[];
}

const firstLink = (from: string, selector: string) => async (page: Page) => {
  await page.goto(from);
  const href = await page.locator(selector).first().getAttribute("href");
  if (!href) throw new Error(`нет ссылки ${selector} на ${from}`);
  return href;
};

/** A cabinet the person sees first in «Администрирование ЛКО», with each of its tabs. */
const firstCabinetTabs = (): TRoute[] =>
  ["", "/accounts", "/functioning", "/messages", "/history"].map((tab) => ({
    pattern: `/admin/cabinets/[lkoId]${tab}`,
    resolve: async (page: Page) => `${await firstLink("/admin", 'a[href^="/admin/cabinets/"]')(page)}`.replace(/(\/admin\/cabinets\/\d+).*/, `$1${tab}`),
  }));

export const PUBLIC_ROUTES: TRoute[] = [
  "/",
  "/status",
  "/status/75738000",
  "/signin",
  "/signed-out",
  "/signin/error?reason=expired",
  "/signin/error?error=access_denied",
  "/invite/demo-invitation-mag-school-10",
  "/invite/no-such-invitation",
  `/form?opaId=${PLACED}`,
  "/widget-guide",
  "/rate/no-such-link",
  "/no-such-page",
];

export const AUDIENCES: TAudience[] = [
  { name: "гость", personId: null, routes: PUBLIC_ROUTES },
  {
    name: "администратор учреждения без кабинета (СОШ № 5)",
    personId: "person-institution-admin",
   
    routes: ["/start", "/select-organization?change=1", "/registration", "/registration?step=kind", "/registration/work", "/registration/editorial", "/admin", "/dev/mail"],
  },
  {
    name: "руководитель без группы доступа (СОШ № 8)",
    personId: "person-institution-head",
   
    routes: ["/start", "/registration", "/registration/work", "/admin", "/dev/mail"],
  },
  {
    name: "сотрудник учреждения без роли администратора (СОШ № 5)",
    personId: "person-institution-employee",
   
    routes: ["/start", "/registration", "/admin", "/dev/mail"],
  },
  {
    name: "руководитель учреждения с отклонённой заявкой",
    personId: headOf(REJECTED_KINDERGARTEN),
   
    routes: ["/start", "/registration", "/registration/work", "/admin", "/dev/mail"],
  },
  {
    name: "руководитель учреждения с виджетом на сайте",
    personId: headOf(PLACED_SCHOOL),
   
    routes: [
      "/start", "/registration", "/registration/work", "/admin", "/admin/requests",
      `/admin/cabinets/${PLACED}`, `/admin/cabinets/${PLACED}/accounts`, `/admin/cabinets/${PLACED}/accounts/new`,
      `/admin/cabinets/${PLACED}/accounts/import`, `/admin/cabinets/${PLACED}/functioning`, `/admin/cabinets/${PLACED}/messages`,
      `/admin/cabinets/${PLACED}/messages?status=ANSWERED`, `/admin/cabinets/${PLACED}/messages?view=overdue`, `/admin/cabinets/${PLACED}/messages/settings`,
      `/admin/cabinets/${PLACED}/history`, "/dev/mail",
      { pattern: "/admin/cabinets/[lkoId]/messages/[messageId]", resolve: firstLink(`/admin/cabinets/${PLACED}/messages`, `a[href^="/admin/cabinets/${PLACED}/messages/"]`) },
      { pattern: "/admin/cabinets/[lkoId]/accounts/[accountId]/archive", resolve: firstLink(`/admin/cabinets/${PLACED}/accounts`, 'a[href$="/archive"]') },
    ],
  },
  {
    name: "сотрудник, не отметивший обучение",
    personId: headOf(UNTRAINED_SCHOOL),
   
    routes: ["/start", "/training", "/admin", "/registration", "/dev/mail"],
  },
  {
    name: "администратор ЛКО органа (Управление образования)",
    personId: "person-organ-admin",
   
    routes: [
      "/start", "/registration", "/admin", "/admin?q=%D0%A1%D0%9E%D0%A8", "/admin?q=no-such-cabinet", "/admin/requests", "/admin/requests?status=ALL",
      "/admin/requests?status=APPROVED&from=2001-01-01&to=2001-01-02",
      { pattern: "/admin/requests/[id]", resolve: firstLink("/admin/requests", 'a[href^="/admin/requests/"]') },
      { pattern: "/admin/requests/[id]", resolve: firstLink("/admin/requests?status=REJECTED", 'a[href^="/admin/requests/"]') },
      `/admin/cabinets/${EDU}`, `/admin/cabinets/${EDU}/accounts`, `/admin/cabinets/${EDU}/accounts/new`, `/admin/cabinets/${EDU}/accounts/import`,
      `/admin/cabinets/${EDU}/functioning`, `/admin/cabinets/${EDU}/messages`, `/admin/cabinets/${EDU}/history`,
      { pattern: "/admin/cabinets/[lkoId]/messages/[messageId]", resolve: firstLink(`/admin/cabinets/${EDU}/messages`, `a[href^="/admin/cabinets/${EDU}/messages/"]`) },
      `/admin/cabinets/${SCHOOL_16}`, `/admin/cabinets/${SCHOOL_16}/accounts`, `/admin/cabinets/${SCHOOL_16}/accounts?status=ARCHIVED`,
      `/admin/cabinets/${SCHOOL_16}/functioning`, `/admin/cabinets/${SCHOOL_16}/history`,
      { pattern: "/admin/cabinets/[lkoId]/accounts/[accountId]/archive", resolve: firstLink(`/admin/cabinets/${SCHOOL_16}/accounts`, 'a[href$="/archive"]') },
      "/select-organization?change=1", "/dev/mail",
    ],
  },
  {
    name: "региональный оператор ПОС",
    personId: "person-operator",
   
    routes: ["/start", "/admin", "/admin/requests", "/admin/messages-settings", "/monitoring", "/monitoring/progress", "/monitoring/charts", "/registration", "/dev/mail", ...firstCabinetTabs()],
  },
  {
    name: "ИТ-специалист администрации города",
    personId: "person-city-it",
   
    routes: ["/start", "/monitoring", "/monitoring/progress", "/monitoring/charts", "/admin", "/registration", "/dev/mail", ...firstCabinetTabs()],
  },
  {
    name: "приглашённый пользователь (до подтверждения)",
    personId: "person-invitee",
   
    routes: ["/start", "/invite/demo-invitation-mag-school-10", "/registration", "/admin", "/dev/mail"],
  },
  {
    name: "гражданин без организаций",
    personId: "person-no-org",
   
    routes: ["/select-organization", "/status", "/dev/mail"],
  },
];

/** Paths with ids, so that the crawl counts /admin/cabinets/220814 and /admin/cabinets/220806 as one page. */
export function routePattern(path: string): string {
  const { pathname } = new URL(path, "http://x");
  return pathname
    .replace(/^\/admin\/cabinets\/\d+/, "/admin/cabinets/[lkoId]")
    .replace(/^\/admin\/requests\/[^/]+/, "/admin/requests/[id]")
    .replace(/\/messages\/[^/]+$/, "/messages/[messageId]")
    .replace(/\/accounts\/[^/]+\/archive$/, "/accounts/[accountId]/archive")
    .replace(/^\/invite\/[^/]+/, "/invite/[token]")
    .replace(/^\/status\/\d+$/, "/status/[oktmo]");
}

/** The emulator's screens not reached by signing in (login and consent are checked on the way). */
export const EMULATOR_PATHS = ["/", "/info/recovery", "/info/signature", "/info/help", "/info/register", "/aas/oauth2/v2/ac", "/demo/people", "/settings/agreements"];
