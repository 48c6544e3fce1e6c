// The words the portal's pages share: sections, statuses, common buttons and messages. One place,
// so that a section or a status is called the same everywhere, in the wording of the instructions
// the portal follows («Администрирование ЛКО», «Учетные записи», «Подтвержден», «Создать кабинет»…).
// Words used by one page only stay in that page. Pure module: server pages, client forms, emails.
import type { CabinetKind, CabinetStatus, CabinetType, MessageRejection, MessageResolution, MessageStage, MessageStatus, RequestStatus } from "@/lib/db/generated/enums";
import type { TWordForms } from "./format";

export const PORTAL_NAME = "Платформа обратной связи";
export const PORTAL_SHORT_NAME = "ПОС";

/** Sections, as the navigation, the start page, the footer and the guides name them. */
export const NAV = {
  home: "Главная",
  registration: "Подключение кабинета",
  admin: "Администрирование ЛКО",
  requests: "Заявки",
  monitoring: "Мониторинг подключения",
  messageSettings: "Сроки ответов",
  status: "Статус подключения",
  publicStatus: "Статус подключения учреждений",
  widgetGuide: "Размещение виджета на сайте",
  demoMail: "Почта (демо)",
  signIn: "Вход для сотрудников",
  skipToContent: "Перейти к содержанию",
  sectionsLabel: "Разделы",
  mainLabel: "Основная навигация",
} as const;

/** The tabs of a cabinet (the real ЛКО's own names, «Учетные записи» without «ё» as there). */
export const CABINET_TABS = {
  data: "Данные ЛКО",
  accounts: "Учетные записи",
  functioning: "Функционирование ЛКО",
  messages: "Сообщения",
  history: "История",
} as const;

/** Buttons and links that recur. */
export const ACTIONS = {
  signIn: "Войти",
  signInEsia: "Войти через ЕСИА",
  signInAgain: "Войти снова",
  signingIn: "Переход на Госуслуги…",
  signOut: "Выйти",
  back: "Назад",
  next: "Далее",
  toHome: "На главную",
  show: "Показать",
  find: "Найти",
  reset: "Сбросить",
  save: "Сохранить",
  changeOrganization: "Сменить организацию",
  chooseOrganization: "Выбрать организацию",
  createCabinet: "Создать кабинет",
  toSignInForm: "На форму входа",
  approve: "Одобрить",
  reject: "Отклонить",
  addUser: "Добавить пользователя",
  importCsv: "Загрузить из файла CSV",
  resendInvitation: "Отправить приглашение повторно",
  archive: "В архив",
  restore: "Восстановить",
  confirmData: "Данные актуальны",
  generate: "Сгенерировать",
  copy: "Скопировать",
  checkSite: "Проверить сайт",
  previousPage: "Предыдущая",
  nextPage: "Следующая",
} as const;

/** «Версия для слабовидящих» (larger text, high contrast) and back. */
export const VISION = {
  turnOn: "Версия для слабовидящих",
  turnOff: "Обычная версия",
} as const;

/** Statuses, each with the word people see; icons are drawn by components/ui/Status.tsx. */
export const REQUEST_STATUS: Record<RequestStatus, string> = {
  PENDING: "На рассмотрении",
  APPROVED: "Одобрена",
  REJECTED: "Отклонена",
};

export const ACCOUNT_STATUS = {
  INVITED: "Приглашен",
  INVITATION_EXPIRED: "Приглашение истекло",
  AWAITING_APPROVAL: "Ожидает подтверждения администратором",
  CONFIRMED: "Подтвержден",
  ARCHIVED: "В архиве",
} as const;

/** The back office's words for a message's stage and status (the columns «Стадия» and «Статус» of the export). */
export const MESSAGE_STAGE: Record<MessageStage, string> = {
  MODERATION: "Модерация",
  COORDINATION: "Координация",
  EXECUTION: "Исполнение",
  APPROVAL: "Согласование",
  CLOSED: "Завершено",
};

export const MESSAGE_STATUS: Record<MessageStatus, string> = {
  NEW: "Новое",
  ACCEPTED: "Принято модератором",
  REDIRECTED_DOWN: "Направлено в подведомственную организацию",
  REDIRECTED_UP: "Передано в вышестоящую организацию",
  EXECUTOR_ASSIGNED: "Назначен исполнитель",
  EXTENSION_REQUESTED: "Запрошен перенос срока обработки",
  EXTENSION_APPROVED: "Перенос срока обработки утвержден",
  EXTENSION_DECLINED: "Перенос срока обработки отклонен",
  ON_APPROVAL: "На согласовании",
  RETURNED: "Возвращено на доработку",
  RE_REVIEW: "Повторное рассмотрение",
  ANSWERED: "Ответ направлен заявителю",
  REJECTED: "Отклонено модератором",
};

/** «Тип решения». */
export const MESSAGE_RESOLUTION: Record<MessageResolution, string> = {
  RESOLVED: "Решено",
  EXPLAINED: "Дано разъяснение",
  DECLINED: "Отказано в решении",
};

export const MESSAGE_REJECTION: Record<MessageRejection, string> = {
  SPAM: "Спам, реклама или бессмысленный текст",
  ABUSE: "Оскорбления или нецензурная брань",
};

export const CABINET_STATUS: Record<CabinetStatus, string> = { ACTIVE: "Действует", ARCHIVED: "В архиве" };

/** «Выберите кабинет: Кабинет редакции / Рабочий кабинет». */
export const CABINET_KIND: Record<CabinetKind, string> = { EDITORIAL: "Кабинет редакции", WORK: "Рабочий кабинет" };

/** «Тип кабинета» in the instruction's words. */
export const CABINET_TYPE: Record<CabinetType, string> = {
  TERRITORIAL_ROIV: "Территориальный орган РОИВ",
  SUBORDINATE_ROIV: "Подведомственная РОИВ организация",
  ROIV: "РОИВ",
  OMSU: "ОМСУ",
  SUBORDINATE_OMSU: "Подведомственная ОМСУ организация",
};

/** Counted words for countOf()/plural() from ./format. */
export const WORDS = {
  request: ["заявка", "заявки", "заявок"],
  account: ["учётная запись", "учётные записи", "учётных записей"],
  cabinet: ["кабинет", "кабинета", "кабинетов"],
  institution: ["учреждение", "учреждения", "учреждений"],
  message: ["сообщение", "сообщения", "сообщений"],
  event: ["событие", "события", "событий"],
  letter: ["письмо", "письма", "писем"],
  row: ["строка", "строки", "строк"],
  day: ["день", "дня", "дней"],
  minute: ["минута", "минуты", "минут"],
} as const satisfies Record<string, TWordForms>;

/** Sentences that recur: paging, results, empty lists. */
export const MESSAGES = {
  pageOf: (page: number, pages: number) => `Страница ${page} из ${pages}`,
  pagesLabel: "Страницы",
  found: "Найдено",
  nothingFound: "Ничего не найдено.",
  changeFilter: "Измените условия поиска или нажмите «Сбросить», чтобы увидеть всё.",
  notSpecified: "—",
  demoNote: "Данные демонстрационного стенда вымышлены.",
} as const;
