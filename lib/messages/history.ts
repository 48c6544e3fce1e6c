// A message's history in words: its audit events (every transition writes one) as the card shows
// them. The same words name the events in the cabinet's «История». Pure.
import { categoryLabel } from "./categories";
import { MESSAGE_REJECTION, MESSAGE_RESOLUTION } from "@/lib/ui/strings";
import type { MessageRejection, MessageResolution } from "@/lib/db/generated/enums";
import { dayAsDate, formatDay } from "@/lib/ui/format";

export const MESSAGE_EVENT_LABELS: Record<string, string> = {
  "message.received": "Поступило сообщение гражданина",
  "message.accepted": "Сообщение принято модератором",
  "message.rejected": "Сообщение отклонено модератором",
  "message.categorized": "Изменена категория сообщения",
  "message.assigned": "Назначен исполнитель сообщения",
  "message.redirected": "Сообщение перенаправлено",
  "message.draft_saved": "Сохранён черновик ответа",
  "message.answer_submitted": "Ответ отправлен на согласование",
  "message.extension_requested": "Запрошен перенос срока обработки",
  "message.extension_approved": "Перенос срока обработки утвержден",
  "message.extension_declined": "Перенос срока обработки отклонен",
  "message.answer_sent": "Ответ утвержден и направлен заявителю",
  "message.answer_returned": "Ответ возвращен на доработку",
  "message.rated": "Заявитель оценил ответ",
  "message.re_review": "Повторное рассмотрение по оценке заявителя",
  "message.reminder_sent": "Отправлено напоминание о сроке ответа",
  "message.status_changed": "Изменён статус сообщения гражданина",
};

const day = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDay(dayAsDate(v)) : "");

/** The event's details in one line (the texts of answers and comments are shown apart). */
export function messageEventDetails(action: string, data: Record<string, unknown>): string {
  const parts: string[] = [];
  if (action === "message.redirected") {
    parts.push(`${data.direction === "UP" ? "Передано в вышестоящую организацию" : "Направлено в подведомственную организацию"}: ${String(data.toCabinetName ?? "")}`);
  }
  if (typeof data.executorName === "string") parts.push(`${data.autoRule ? "исполнитель по правилу кабинета" : "исполнитель"}: ${data.executorName}`);
  if (typeof data.rejection === "string") parts.push(MESSAGE_REJECTION[data.rejection as MessageRejection] ?? "");
  if (action === "message.categorized" && typeof data.category === "string") {
    parts.push(`${categoryLabel(data.category)}${data.subcategory ? ` / ${String(data.subcategory)}` : ""}`);
    if (day(data.plannedOn)) parts.push(`срок ответа: ${day(data.plannedOn)}`);
  }
  if (action === "message.received" && day(data.plannedOn)) parts.push(`срок ответа: ${day(data.plannedOn)}`);
  if (action === "message.extension_requested" && day(data.until)) parts.push(`на ${day(data.until)}`);
  if (action === "message.extension_approved" && day(data.until)) parts.push(`новый срок: ${day(data.until)} (был ${day(data.previous)})`);
  if (typeof data.resolution === "string") parts.push(`тип решения: ${MESSAGE_RESOLUTION[data.resolution as MessageResolution] ?? ""}`);
  if (action === "message.rated") parts.push(`оценка ${String(data.score)} из 5, ${data.resolved ? "«Решено»" : "«Не решено»"}`);
  if (action === "message.answer_sent" && typeof data.round === "number" && data.round > 1) parts.push(`ответ № ${data.round}`);
  if (action === "message.re_review" && day(data.plannedOn)) parts.push(`новый срок: ${day(data.plannedOn)}`);
  if (action === "message.reminder_sent") parts.push(data.kind === "OVERDUE" ? "срок прошёл" : "срок — следующий рабочий день");
  return parts.filter(Boolean).join(" · ");
}

/** The free text of an event, shown as a quote: a reason, a comment, an answer. */
export function messageEventText(data: Record<string, unknown>): string | null {
  for (const key of ["reason", "comment", "answer"]) if (typeof data[key] === "string" && data[key]) return data[key] as string;
  return null;
}
