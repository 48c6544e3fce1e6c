// The readiness points of «Функционирование ЛКО» and what is still missing. Pure: pages and the
// status dashboard share the wording.

export const READINESS_POINTS = [
  {
    key: "readyAccounts",
    label: "Учетные записи созданы и подтверждены",
    hint: "Все сотрудники, которые будут работать в ЛКО, добавлены, приняли приглашение и имеют статус «Подтвержден».",
  },
  {
    key: "readyResponsibles",
    label: "Ответственные назначены",
    hint: "Назначены администратор ЛКО и ответственные за работу с сообщениями граждан (роли в учетных записях).",
  },
  {
    key: "readyTraining",
    label: "Обучение пройдено",
    hint: "Сотрудники прошли обучение работе в ПОС и отметили «Мною пройдено обучение».",
  },
  {
    key: "readyToWork",
    label: "ЛКО готов к работе",
    hint: "Кабинет настроен, сотрудники готовы принимать сообщения граждан и отвечать на них в срок.",
  },
] as const;

export type TReadinessKey = (typeof READINESS_POINTS)[number]["key"];

export interface TReadinessState {
  readyAccounts: boolean;
  readyResponsibles: boolean;
  readyTraining: boolean;
  readyToWork: boolean;
  officialSite: string | null;
  noSite: boolean;
  noSiteReason: string | null;
  widgetGeneratedAt: Date | null;
}

/** What the institution still has to do, in the order of the instruction. Empty when ready. */
export function missingReadiness(state: TReadinessState): string[] {
  const missing: string[] = READINESS_POINTS.filter((p) => !state[p.key]).map((p) => `Не отмечено: «${p.label}»`);
  const siteGiven = Boolean(state.officialSite) || (state.noSite && Boolean(state.noSiteReason?.trim()));
  if (!siteGiven) missing.push("Не указан адрес официального сайта (или «Нет сайта» с причиной)");
  if (state.officialSite && !state.noSite && !state.widgetGeneratedAt) missing.push("Не сгенерирован код виджета для сайта");
  return missing;
}
