// Audit actions in words, for a cabinet's «История». An action without words here is shown as
// «Изменение кабинета» (never its code); tests/unit/ui/strings.test.ts keeps the list whole.
import { ROLE_LABELS } from "@/lib/access/roles";
import type { AccountRoleKind } from "@/lib/db/generated/enums";
import { MESSAGE_EVENT_LABELS } from "@/lib/messages/history";

export const HISTORY_ACTION_LABELS: Record<string, string> = {
  "account.invited": "Добавлен пользователь, отправлено приглашение",
  "account.invitation_resent": "Приглашение отправлено повторно",
  "account.confirmed": "Учётная запись подтверждена через Госуслуги",
  "account.accepted_awaiting_approval": "Приглашение принял через Госуслуги человек с другим ФИО: ждёт подтверждения администратора",
  "account.approved": "Администратор подтвердил учётную запись, принятую человеком с другим ФИО",
  "account.training_confirmed": "Отмечено «Мною пройдено обучение»",
  "account.archived": "Учётная запись перенесена в архив",
  "account.restored": "Учётная запись восстановлена из архива",
  "accounts.imported": "Загружены учётные записи из файла CSV",
  "invitation.renewal_requested": "Пользователь запросил новое приглашение",
  "cabinet.data_confirmed": "Подтверждена актуальность данных ЛКО",
  "cabinet.created": "Кабинет создан по одобренной заявке",
  "account.created": "Создана учётная запись",
  "functioning.readiness_saved": "Изменены точки готовности или адрес официального сайта",
  "widget.generated": "Сгенерирован код виджета",
  "widget.first_seen": "Виджет впервые показан на сайте",
  "widget.site_checked": "Проверено размещение виджета на сайте",
  "status.reminder_sent": "Отправлено напоминание о подключении",
  "status.deadline_changed": "Изменён срок подключения",
  "request.submitted": "Подана заявка на подключение кабинета",
  "request.resubmitted": "Заявка исправлена и подана повторно",
  "request.approved": "Заявка одобрена",
  "request.rejected": "Заявка отклонена",
  "message_template.created": "Добавлен шаблон ответа на сообщения",
  "message_template.updated": "Изменён шаблон ответа на сообщения",
  "message_template.deleted": "Удалён шаблон ответа на сообщения",
  "message_rule.saved": "Сохранено автоправило распределения сообщений",
  "message_rule.deleted": "Удалено автоправило распределения сообщений",
  "message_deadline.saved": "Изменён срок ответа на сообщения в регионе",
  "work_calendar.saved": "Изменён производственный календарь региона",
  "work_calendar.deleted": "Из производственного календаря убран день",
  ...MESSAGE_EVENT_LABELS,
};

/** The words for an audit action; a new action shows a neutral phrase rather than its code. */
export const historyActionLabel = (action: string) => HISTORY_ACTION_LABELS[action] ?? "Изменение кабинета";

/** One line of details from an event's data. */
export function historyDetails(action: string, data: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof data.name === "string" && action !== "cabinet.data_confirmed") parts.push(data.name);
  if (typeof data.email === "string") parts.push(data.email);
  if (Array.isArray(data.roles)) parts.push(`роли: ${data.roles.map((r) => ROLE_LABELS[r as AccountRoleKind] ?? String(r)).join(", ")}`);
  if (data.source === "import") parts.push("из файла");
  if (typeof data.count === "number") parts.push(`записей: ${data.count}`);
  if (typeof data.sessionsEnded === "number" && data.sessionsEnded > 0) parts.push(`завершено сеансов: ${data.sessionsEnded}`);
  if (data.matchedBy === "email") parts.push("совпал адрес электронной почты в ЕСИА");
  if (data.matchedBy === "membership") parts.push("сотрудник организации по данным ЕСИА");
  return parts.join(" · ");
}
