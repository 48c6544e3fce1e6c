// Words for the connection status: what the dashboard, exports, reminders and the public page say.
// Pure module (no database): the rules that produce these values are in ./rules.ts.
import type { CabinetState, ConnectionOverall, SiteState, WidgetState } from "@/lib/db/generated/enums";
import { READINESS_POINTS as FUNCTIONING_POINTS } from "@/lib/functioning/readiness";
import { checkText, hintText, type TWidgetStatus } from "@/lib/widget/placement";
import type { TStatusIcon, TStatusTone } from "@/lib/ui/status-html";

export const OVERALL_ORDER: readonly ConnectionOverall[] = ["NOT_STARTED", "REJECTED", "PENDING", "IN_PROGRESS", "CONNECTED"];

/** Each status has a word and a mark beside it: never colour alone (badges draw theirs, components/status). */
export const OVERALL: Record<ConnectionOverall, { label: string; icon: string }> = {
  NOT_STARTED: { label: "Нет заявки", icon: "✕" },
  REJECTED: { label: "Заявка отклонена", icon: "!" },
  PENDING: { label: "Заявка на рассмотрении", icon: "…" },
  IN_PROGRESS: { label: "Подключение не завершено", icon: "◐" },
  CONNECTED: { label: "Подключено", icon: "✓" },
};

/** How each status is drawn as a badge (components/status/StatusBadge, the dashboard's rows). */
export const OVERALL_LOOK: Record<ConnectionOverall, { tone: TStatusTone; icon: TStatusIcon }> = {
  NOT_STARTED: { tone: "danger", icon: "cross" },
  REJECTED: { tone: "danger", icon: "alert" },
  PENDING: { tone: "warning", icon: "hourglass" },
  IN_PROGRESS: { tone: "info", icon: "progress" },
  CONNECTED: { tone: "success", icon: "check" },
};

export const CABINET_STATE: Record<CabinetState, string> = {
  NONE: "Нет кабинета",
  PENDING: "Заявка на рассмотрении",
  REJECTED: "Заявка отклонена",
  APPROVED: "Кабинет создан",
};

export const SITE_STATE: Record<SiteState, string> = {
  GIVEN: "Указан",
  NO_SITE: "Нет сайта",
  MISSING: "Не указан",
};

export const WIDGET_STATE: Record<WidgetState, string> = {
  PLACED: "Размещён",
  NOT_WORKING: "Не работает",
  MISSING: "Не размещён",
  NO_SITE: "Не нужен (нет сайта)",
};

/** A mark next to the word (never colour alone). */
export const WIDGET_ICON: Record<WidgetState, string> = { PLACED: "✓", NOT_WORKING: "⚠", MISSING: "✕", NO_SITE: "—" };

/** What is still to be done, as the reminder email and the dashboard word it (the instruction's steps). */
const point = (key: (typeof FUNCTIONING_POINTS)[number]["key"]) => FUNCTIONING_POINTS.find((p) => p.key === key)!.label;

export const MISSING: Record<string, string> = {
  request: "Подать заявку на создание кабинета учреждения (рабочего кабинета) в Госпабликах",
  requestPending: "Дождаться рассмотрения заявки на создание кабинета органом, в ведении которого находится учреждение",
  requestRejected: "Исправить заявку на создание кабинета по замечанию и снова отправить её на рассмотрение",
  accounts: "Всем учётным записям представителей учреждения получить статус «Подтвержден» (перейти по ссылке из письма-приглашения)",
  training: "Каждому пользователю при первом входе поставить отметку «Мною пройдено обучение»",
  // The readiness points in the words of the «Функционирование ЛКО» tab.
  readyAccounts: `Функционирование ЛКО: отметить «${point("readyAccounts")}»`,
  readyResponsibles: `Функционирование ЛКО: отметить «${point("readyResponsibles")}»`,
  readyTraining: `Функционирование ЛКО: отметить «${point("readyTraining")}»`,
  readyToWork: `Функционирование ЛКО: отметить «${point("readyToWork")}»`,
  site: "Функционирование ЛКО: указать адрес официального сайта учреждения (или отметить, что сайта нет)",
  widget: "Сгенерировать код виджета и разместить его на главной странице официального сайта учреждения",
  widgetNotWorking: "Код виджета на официальном сайте не работает: исправить его по результату проверки сайта (вкладка «Функционирование ЛКО»)",
};

export const missingText = (code: string) => MISSING[code] ?? code;

/** The same, in a word or two, for the dashboard's rows (the sentences go to exports and emails). */
export const MISSING_SHORT: Record<string, string> = {
  request: "заявка",
  requestPending: "решение по заявке",
  requestRejected: "исправить заявку",
  accounts: "подтверждение учётных записей",
  training: "отметки об обучении",
  readyAccounts: `«${point("readyAccounts")}»`,
  readyResponsibles: `«${point("readyResponsibles")}»`,
  readyTraining: `«${point("readyTraining")}»`,
  readyToWork: `«${point("readyToWork")}»`,
  site: "адрес сайта",
  widget: "виджет на сайте",
  widgetNotWorking: "исправить код виджета",
};

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/** What proves the widget's status, then the loader's hints: «проверка сайта school18.ru 05.12.2026, 14:03: …; загрузчик замечен на …». */
export function widgetSeenText(detail: TWidgetStatus | null): string {
  if (!detail) return "";
  const hints = hintText(detail);
  return `${checkText(detail.check)}${hints ? `; ${hints}` : ""}`;
}
