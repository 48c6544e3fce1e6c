// The dashboard's filters: a plain GET form, so a link keeps the view (and it works without JavaScript).
import Link from "next/link";
import { FilterSelect } from "@/components/forms/FilterSelect";
import { CABINET_STATE, OVERALL, OVERALL_ORDER, SITE_STATE, WIDGET_STATE } from "@/lib/status/model";
import { PAGE_SIZES, SORT_KEYS, SORT_LABELS, type TDashboardQuery } from "@/lib/status/query";

export function Filters({ query, organs, spheres }: { query: TDashboardQuery; organs: Array<{ id: string; name: string }>; spheres: Array<{ id: string; name: string }> }) {
  return (
    <form method="get" action="/monitoring" className="card space-y-4 p-4" role="search" aria-label="Отбор учреждений">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <label htmlFor="f-q" className="field-label text-sm">Поиск</label>
          <input id="f-q" name="q" defaultValue={query.q ?? ""} className="field-input py-2" placeholder="Название, ОГРН, ИНН или номер ЛКО" aria-describedby="f-q-hint" />
          <p id="f-q-hint" className="field-hint">Часть названия или номер целиком.</p>
        </div>
        <FilterSelect compact id="f-organ" name="organ" label="Учредитель / управление" value={query.organ} options={organs.map((o) => [o.id, o.name])} />
        <FilterSelect compact id="f-sphere" name="sphere" label="Сфера" value={query.sphere} options={spheres.map((s) => [s.id, s.name])} />
        <FilterSelect compact id="f-status" name="status" label="Статус" value={query.status} options={OVERALL_ORDER.map((s) => [s, OVERALL[s].label])} />
        <FilterSelect compact id="f-cabinet" name="cabinet" label="Кабинет" value={query.cabinet} options={Object.entries(CABINET_STATE)} />
        <FilterSelect compact id="f-accounts" name="accounts" label="Учётные записи" value={query.accounts} options={[["done", "Все подтверждены"], ["missing", "Подтверждены не все"]]} />
        <FilterSelect compact id="f-training" name="training" label="Обучение" value={query.training} options={[["done", "Отмечено у всех"], ["missing", "Отмечено не у всех"]]} />
        <FilterSelect compact id="f-ready" name="ready" label="Готовность" value={query.ready} options={[["all", "Все 4 точки"], ["partial", "Не все точки"]]} />
        <FilterSelect compact id="f-site" name="site" label="Официальный сайт" value={query.site} options={Object.entries(SITE_STATE)} />
        <FilterSelect compact id="f-widget" name="widget" label="Виджет" value={query.widget} options={Object.entries(WIDGET_STATE)} />
        <FilterSelect compact id="f-messages" name="messages" label="Сообщения граждан" value={query.messages} options={[["overdue", "Есть просроченные"], ["none-overdue", "Просроченных нет"]]} />
        <FilterSelect compact id="f-reminded" name="reminded" label="Напоминание" value={query.reminded} options={[["yes", "Напоминали"], ["no", "Не напоминали"]]} />
        <div className="flex items-end">
          <label className="flex items-center gap-2 py-2">
            <input type="checkbox" name="late" value="1" defaultChecked={query.late === "1"} className="h-5 w-5 accent-brand" />
            Только нарушившие срок
          </label>
        </div>
        <div>
          <label htmlFor="f-sort" className="field-label text-sm">Сортировать по</label>
          <select id="f-sort" name="sort" defaultValue={query.sort} className="field-input py-2">
            {SORT_KEYS.map((k) => <option key={k} value={k}>{SORT_LABELS[k]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="f-dir" className="field-label text-sm">Порядок</label>
          <select id="f-dir" name="dir" defaultValue={query.dir} className="field-input py-2">
            <option value="asc">По возрастанию</option>
            <option value="desc">По убыванию</option>
          </select>
        </div>
        <div>
          <label htmlFor="f-size" className="field-label text-sm">Строк на странице</label>
          <select id="f-size" name="size" defaultValue={String(query.size)} className="field-input py-2">
            {PAGE_SIZES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="btn-primary px-5 py-2">Показать</button>
        <Link href="/monitoring" className="btn-secondary px-5 py-2">Сбросить</Link>
      </div>
    </form>
  );
}
