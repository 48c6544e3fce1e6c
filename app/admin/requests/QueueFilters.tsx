// The queue's filters: a plain GET form, so the address keeps the view (and it works without JavaScript).
import Link from "next/link";
import { FilterSelect } from "@/components/forms/FilterSelect";
import { CABINET_TYPES } from "@/lib/requests/labels";
import type { TRequestQueueFilter } from "@/lib/requests/schemas";
import { ACTIONS, CABINET_KIND, CABINET_TYPE, REQUEST_STATUS } from "@/lib/ui/strings";

export function QueueFilters({ filter }: { filter: TRequestQueueFilter }) {
  return (
    <form method="get" action="/admin/requests" className="card grid gap-4 sm:grid-cols-2 lg:grid-cols-5" aria-label="Фильтр заявок">
      <div>
        <label htmlFor="f-status" className="field-label">Статус</label>
        <select id="f-status" name="status" defaultValue={filter.status} className="field-input">
          {(["PENDING", "REJECTED", "APPROVED"] as const).map((s) => (
            <option key={s} value={s}>{REQUEST_STATUS[s]}</option>
          ))}
          <option value="ALL">Все</option>
        </select>
      </div>
      <FilterSelect id="f-type" name="type" label="Тип кабинета" value={filter.type} options={CABINET_TYPES.map((t) => [t, CABINET_TYPE[t]])} />
      <FilterSelect id="f-kind" name="kind" label="Кабинет" value={filter.kind} options={(["EDITORIAL", "WORK"] as const).map((k) => [k, CABINET_KIND[k]])} />
      <div>
        <label htmlFor="f-from" className="field-label">Подана с</label>
        <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} className="field-input" />
      </div>
      <div>
        <label htmlFor="f-to" className="field-label">Подана по</label>
        <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} className="field-input" />
      </div>
      <div className="flex items-center gap-4 sm:col-span-2 lg:col-span-5">
        <button type="submit" className="btn-primary">{ACTIONS.show}</button>
        <Link href="/admin/requests" className="py-3">{ACTIONS.reset}</Link>
      </div>
    </form>
  );
}
