// The page matrix: every page and layout (app/**/page.tsx, layout.tsx; route groups left out of the
// key) against every identity of ./matrix.ts. page-matrix.test.ts calls each one's default export
// as a server component under the identity's cookies: the guard's answer is what the browser gets
// (200 — rendered, 404 — notFound, "→ /x" — redirect). Rendering what the page returns is not needed:
// the guard runs first. A page or layout missing here fails the test.
//
// Adding a row: say who may see it and why, and `props` (params and searchParams naming real
// targets from pageTargets). PAGE_MATRIX_PRINT=1 prints what each cell answered.
import { DEMO_INVITATION_TOKEN } from "@/prisma/seed/demo";
import { ratingToken } from "@/lib/messages/rating-link";
import { testDb } from "../../helpers/db";
import { pendingSchoolRequest } from "../requests/support";
import { IDENTITY_KEYS, SCHOOL_16, SCHOOL_33, type IdentityKey } from "./matrix";

export type PageOutcome = 200 | 404 | `→ ${string}`;

export interface PageTargets {
  school16: number;
  school33: number;
  messageId: string;
  accountId: string;
  requestId: string;
  rateToken: string;
}

interface PageProps {
  params?: Record<string, string | string[]>;
  searchParams?: Record<string, string | string[]>;
}

export interface PageRow {
  why: string;
  outcomes: Record<IdentityKey, PageOutcome>;
  props: (t: PageTargets) => PageProps | Promise<PageProps>;
}

/** The targets the rows name: МОУ «СОШ № 16»'s cabinet and an account of it, МОУ «СОШ № 33»'s cabinet and a message of it, a request to the Управление образования. */
export async function pageTargets(): Promise<PageTargets> {
  const db = testDb();
  const lko = async (id: string) => (await db.cabinet.findUniqueOrThrow({ where: { id }, select: { lkoId: true } })).lkoId;
  const message = (state: Record<string, unknown>) =>
    db.citizenMessage.create({
      data: {
        cabinetId: SCHOOL_33.cabinetId, receivedCabinetId: SCHOOL_33.cabinetId, category: "other", text: "Сообщение для матрицы страниц", authorName: "Гражданин",
        contact: "citizen@mail.demo.test", consentAt: new Date(), plannedOn: new Date(Date.now() + 14 * 86_400_000), ...state,
      },
      select: { id: true },
    });
  const open = await message({});
  const closed = await message({ stage: "CLOSED", status: "ANSWERED", answerRound: 1, answerText: "Ответ", closedAt: new Date() });
  return {
    school16: await lko(SCHOOL_16.cabinetId),
    school33: await lko(SCHOOL_33.cabinetId),
    messageId: open.id,
    accountId: "acc-mag-school-16-2",
    requestId: (await pendingSchoolRequest()).requestId,
    rateToken: ratingToken(closed.id, 1, new Date()),
  };
}

// ───────────── Outcomes ─────────────

const ALL = IDENTITY_KEYS;
const SIGNED_IN = ALL.filter((k) => k !== "signedOut");

/** The same answer for everyone (public pages). */
const everyone = (outcome: PageOutcome = 200) => Object.fromEntries(ALL.map((k) => [k, outcome])) as Record<IdentityKey, PageOutcome>;

/** The listed identities see it; other signed-in ones get `refused`; signed out — to /signin. */
function seenBy(allowed: readonly IdentityKey[], refused: PageOutcome = 404, extra: Partial<Record<IdentityKey, PageOutcome>> = {}): Record<IdentityKey, PageOutcome> {
  return {
    ...(Object.fromEntries(ALL.map((k) => [k, k === "signedOut" ? "→ /signin" : allowed.includes(k) ? 200 : refused])) as Record<IdentityKey, PageOutcome>),
    ...extra,
  };
}

/** Everyone signed in sees it; signed out — to /signin. */
const signedIn = () => seenBy(SIGNED_IN);

// Who reaches what, by the roles (lib/access/roles.ts): МОУ «СОШ № 16»'s cabinet is seen by its own
// administrator and observer, the Управление образования's administrator (bound) and curator of
// education (boundInSpheres), and the region's operator; accounts are managed by the administrators only.
const VIEW_16 = ["organ", "institution", "operator", "observer", "curator"] as const satisfies readonly IdentityKey[];
const MANAGE_ACCOUNTS_16 = ["organ", "institution"] as const satisfies readonly IdentityKey[];
// МОУ «СОШ № 33»'s messages: its message staff and moderator, the organ's administrator and curator of education.
const MESSAGES_33 = ["organ", "coordinator", "executor", "supervisor", "moderator", "curator"] as const satisfies readonly IdentityKey[];
const MONITORING = ["operator", "cityIt"] as const satisfies readonly IdentityKey[];
/** A person with one organization has it chosen at sign-in; the citizen has none. */
const CHOOSE = { citizen: "→ /select-organization" } as const;

const school16 = (t: PageTargets) => ({ params: { lkoId: String(t.school16) } });
const school33 = (t: PageTargets) => ({ params: { lkoId: String(t.school33) } });
const none = () => ({});

// ───────────── Pages and layouts ─────────────

export const PAGE_MATRIX: Record<string, PageRow> = {
  "layout /": { why: "корневой layout: шапка и меню по правам вошедшего, без охраны", outcomes: everyone(), props: none },
  "page /": { why: "главная, открыта всем (гостю без cookie сеанса proxy.ts отдаёт её из кэша Next)", outcomes: everyone(), props: none },
  "page /admin": { why: "список кабинетов: каждому — только видимые ему", outcomes: signedIn(), props: (t) => ({ searchParams: { q: String(t.school16) } }) },
  "layout /admin/cabinets/[lkoId]": { why: "layout кабинета МОУ «СОШ № 16»: кабинет, который человек видит", outcomes: seenBy(VIEW_16), props: school16 },
  "page /admin/cabinets/[lkoId]": { why: "данные кабинета МОУ «СОШ № 16»", outcomes: seenBy(VIEW_16), props: school16 },
  "page /admin/cabinets/[lkoId]/accounts": { why: "пользователи кабинета МОУ «СОШ № 16» (просмотр; изменять — только администраторам)", outcomes: seenBy(VIEW_16), props: school16 },
  "page /admin/cabinets/[lkoId]/accounts/new": { why: "новый пользователь кабинета МОУ «СОШ № 16»: accounts.manage", outcomes: seenBy(MANAGE_ACCOUNTS_16), props: school16 },
  "page /admin/cabinets/[lkoId]/accounts/import": { why: "загрузка пользователей в кабинет МОУ «СОШ № 16»: accounts.manage", outcomes: seenBy(MANAGE_ACCOUNTS_16), props: school16 },
  "page /admin/cabinets/[lkoId]/accounts/[accountId]/archive": {
    why: "архивирование учётной записи МОУ «СОШ № 16»: accounts.manage", outcomes: seenBy(MANAGE_ACCOUNTS_16),
    props: (t) => ({ params: { lkoId: String(t.school16), accountId: t.accountId } }),
  },
  "page /admin/cabinets/[lkoId]/functioning": { why: "функционирование кабинета МОУ «СОШ № 16» (изменять — functioning.edit)", outcomes: seenBy(VIEW_16), props: school16 },
  "page /admin/cabinets/[lkoId]/history": {
    why: "история кабинета МОУ «СОШ № 16»: без cabinet.manage (оператор, наблюдатель) — пояснение вместо истории", outcomes: seenBy(VIEW_16), props: school16,
  },
  "page /admin/cabinets/[lkoId]/messages": {
    why: "сообщения кабинета МОУ «СОШ № 33»: оператор видит кабинет, но без messages.view — пояснение вместо сообщений",
    outcomes: seenBy([...MESSAGES_33, "operator"]), props: school33,
  },
  "page /admin/cabinets/[lkoId]/messages/[messageId]": {
    why: "карточка сообщения МОУ «СОШ № 33»: messages.view", outcomes: seenBy(MESSAGES_33), props: (t) => ({ params: { lkoId: String(t.school33), messageId: t.messageId } }),
  },
  "page /admin/cabinets/[lkoId]/messages/settings": { why: "шаблоны и автоправила кабинета МОУ «СОШ № 33»: messages.configure", outcomes: seenBy(["organ"]), props: school33 },
  "page /admin/messages-settings": { why: "сроки ответов и календарь региона: region.settings", outcomes: seenBy(["operator"]), props: none },
  "page /admin/requests": { why: "очередь заявок: кто не рассматривает заявки, видит только пояснение", outcomes: signedIn(), props: none },
  "page /admin/requests/[id]": { why: "карточка заявки школы, адресованной Управлению образования: только её рассматривающий", outcomes: seenBy(["organ"]), props: (t) => ({ params: { id: t.requestId } }) },
  "page /dev/mail": { why: "демо-почта: в тестах и на демо-стенде открыта всем (в рабочем режиме — «не найдено», lib/mail/config.ts)", outcomes: everyone(), props: none },
  "page /invite/[token]": { why: "приглашение по ссылке из письма: право — сама ссылка, вход не нужен", outcomes: everyone(), props: () => ({ params: { token: DEMO_INVITATION_TOKEN } }) },
  "layout /monitoring": { why: "layout мониторинга: только заголовок и вкладки, ничего не читает (охраняют страницы)", outcomes: everyone(), props: none },
  "page /monitoring": { why: "мониторинг: monitoring.view", outcomes: seenBy(MONITORING), props: none },
  "page /monitoring/charts": { why: "диаграммы мониторинга: monitoring.view", outcomes: seenBy(MONITORING), props: none },
  "page /monitoring/progress": { why: "сроки и прогресс: monitoring.view", outcomes: seenBy(MONITORING), props: none },
  "page /rate/[token]": { why: "оценка ответа гражданином: право — подписанная ссылка", outcomes: everyone(), props: (t) => ({ params: { token: t.rateToken } }) },
  "page /registration": { why: "подача заявки от выбранной организации", outcomes: seenBy(SIGNED_IN, 404, CHOOSE), props: none },
  "page /registration/[kind]": { why: "форма заявки на рабочий кабинет от выбранной организации", outcomes: seenBy(SIGNED_IN, 404, CHOOSE), props: () => ({ params: { kind: "work" } }) },
  "page /select-organization": {
    why: "выбор организации: у кого она одна, выбрана при входе", outcomes: seenBy(["citizen"], "→ /start"), props: none,
  },
  "page /signed-out": { why: "«Вы вышли»", outcomes: everyone(), props: none },
  "page /signin": { why: "вход; вошедшему — на /start", outcomes: { ...everyone("→ /start"), signedOut: 200 }, props: none },
  "page /signin/error": { why: "вход не выполнен", outcomes: everyone(), props: none },
  "page /start": { why: "начало работы выбранной организации", outcomes: seenBy(SIGNED_IN, 404, CHOOSE), props: none },
  "page /training": { why: "«Мною пройдено обучение»: всем обученным — дальше, в /admin", outcomes: seenBy([], "→ /admin"), props: none },
  "page /widget-guide": { why: "инструкция по виджету, открыта всем", outcomes: everyone(), props: none },
};
