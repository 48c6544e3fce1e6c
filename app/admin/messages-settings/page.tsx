import type { Metadata } from "next";
import { requireRegionSettings } from "@/lib/access/guards";
import { db } from "@/lib/db";
import { MESSAGE_CATEGORIES } from "@/lib/messages/categories";
import { DEFAULT_WORKING_DAYS } from "@/lib/messages/production-calendar";
import { dateAsDay, formatDay } from "@/lib/ui/format";
import { TableFrame } from "@/components/ui/TableFrame";
import { CalendarDayForm, DeadlineForm, DeleteCalendarDayForm } from "./RegionSettingsForms";

export const metadata: Metadata = { title: "Сроки ответов и производственный календарь" };

// The region's operator sets how many working days an answer may take per category and keeps the
// production calendar (decision 075).
export default async function RegionMessageSettingsPage() {
  const { regionId } = await requireRegionSettings();
  const [region, deadlines, days] = await Promise.all([
    db.region.findUniqueOrThrow({ where: { id: regionId }, select: { name: true } }),
    db.messageDeadline.findMany({ where: { regionId }, select: { category: true, workingDays: true } }),
    db.workCalendarDay.findMany({ where: { regionId, day: { gte: new Date(Date.UTC(new Date().getUTCFullYear() - 1, 0, 1)) } }, orderBy: { day: "asc" }, select: { day: true, working: true, note: true } }),
  ]);
  const set = new Map(deadlines.map((d) => [d.category, d.workingDays]));
  return (
    <div className="space-y-8">
      <h1>Сроки ответов и производственный календарь</h1>
      <p>{region.name}. Срок ответа на сообщение — рабочие дни после поступления по производственному календарю региона. Изменения применяются к сообщениям, которые поступят после них.</p>
      <section aria-labelledby="deadlines-h" className="space-y-4">
        <h2 id="deadlines-h">Сроки по категориям</h2>
        <TableFrame label="Сроки по категориям">
          <table>
            <thead><tr><th scope="col">Категория</th><th scope="col">Рабочих дней</th></tr></thead>
            <tbody>
              {MESSAGE_CATEGORIES.map((c) => (
                <tr key={c.code}>
                  <th scope="row" className="font-normal">{c.label}</th>
                  <td>{set.get(c.code) ?? `${DEFAULT_WORKING_DAYS} (по умолчанию)`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
        <div className="card"><DeadlineForm /></div>
      </section>
      <section aria-labelledby="calendar-h" className="space-y-4">
        <h2 id="calendar-h">Производственный календарь</h2>
        <p className="text-muted">Понедельник — пятница рабочие, суббота и воскресенье выходные, кроме дней из этого списка. Список заполнен официальным календарём; переносы выходных вносите, когда их установит постановление Правительства.</p>
        <TableFrame label="Дни производственного календаря">
          <table>
            <thead><tr><th scope="col">Дата</th><th scope="col">День</th><th scope="col">Основание</th><th scope="col"><span className="sr-only">Действия</span></th></tr></thead>
            <tbody>
              {days.map((d) => (
                <tr key={dateAsDay(d.day)}>
                  <th scope="row" className="font-normal">{formatDay(d.day)}</th>
                  <td>{d.working ? "рабочий" : "выходной"}</td>
                  <td>{d.note}</td>
                  <td><DeleteCalendarDayForm day={dateAsDay(d.day)} label={formatDay(d.day)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
        <div className="card"><CalendarDayForm /></div>
      </section>
    </div>
  );
}
