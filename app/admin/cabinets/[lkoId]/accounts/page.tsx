import type { Metadata } from "next";
import Link from "next/link";
import { requireCabinet } from "@/lib/access/guards";
import { ASSIGNABLE_ROLES, ROLE_LABELS } from "@/lib/access/roles";
import { ACCOUNT_SORTS, listAccounts, ZAccountListQuery, type TAccountListQuery } from "@/lib/accounts/list";
import { DISPLAY_STATUSES } from "@/lib/accounts/status";
import { FilterSelect } from "@/components/forms/FilterSelect";
import { EmptyState } from "@/components/ui/EmptyState";
import { FlashMessage } from "@/components/ui/FlashMessage";
import { flashForPage } from "@/lib/ui/flash-server";
import { Pagination } from "@/components/ui/Pagination";
import { StatusPanel } from "@/components/ui/Status";
import { countOf } from "@/lib/ui/format";
import { ACCOUNT_STATUS, ACTIONS, MESSAGES, WORDS } from "@/lib/ui/strings";
import { ARCHIVED_CABINET_TEXT, ARCHIVED_CABINET_TITLE } from "./ArchivedCabinetNotice";
import { AccountsTable } from "./AccountsTable";

export const metadata: Metadata = { title: "Учетные записи" };

const SORT_LABELS: Record<(typeof ACCOUNT_SORTS)[number], string> = {
  name: "ФИО",
  email: "Email",
  status: "Статус",
  created: "Дата добавления",
  training: "Дата отметки об обучении",
};

function href(base: string, query: TAccountListQuery, change: Partial<TAccountListQuery>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...change })) if (v !== undefined && v !== "" && !(k === "page" && v === 1)) params.set(k, String(v));
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

export default async function AccountsPage({ params, searchParams }: { params: Promise<{ lkoId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { lkoId } = await params;
  const { session, cabinet, can } = await requireCabinet(lkoId);
  if (!can("accounts.manage")) {
    return <p className="card">Учётными записями этого кабинета управляет администратор ЛКО. У вас нет роли «Администратор ЛКО» в этом кабинете или в кабинете органа.</p>;
  }
  const raw = await searchParams;
  const query = ZAccountListQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const flash = await flashForPage();
  const list = await listAccounts(cabinet.id, query);
  const base = `/admin/cabinets/${cabinet.lkoId}/accounts`;
  // An archived cabinet takes no new people; its accounts stay visible (and can be archived or restored).
  const archived = cabinet.status !== "ACTIVE";

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-2xl">Учетные записи</h2>
        {archived ? null : (
          <div className="flex flex-wrap gap-3">
            <Link href={`${base}/import`} className="btn-secondary">{ACTIONS.importCsv}</Link>
            <Link href={`${base}/new`} className="btn-primary">{ACTIONS.addUser}</Link>
          </div>
        )}
      </div>
      {archived ? (
        <StatusPanel tone="neutral" icon="archive" title={ARCHIVED_CABINET_TITLE}>
          <p>{ARCHIVED_CABINET_TEXT}</p>
        </StatusPanel>
      ) : null}
      <FlashMessage key={flash.key} flash={flash.flash} />
      <p className="text-sm text-muted">Адрес электронной почты индивидуален для каждой учётной записи. Всем учётным записям представителей учреждения нужен статус «Подтвержден».</p>

      <form method="get" role="search" aria-label="Поиск и фильтры" className="card grid gap-3 p-4 md:grid-cols-[2fr_1fr_1fr_1fr_auto] md:items-end">
        <div>
          <label htmlFor="acc-q" className="field-label">Поиск</label>
          <input id="acc-q" name="q" defaultValue={query.q ?? ""} className="field-input" placeholder="ФИО, email, телефон, должность" />
        </div>
        <FilterSelect id="acc-status" name="status" label="Статус" value={query.status} options={DISPLAY_STATUSES.map((s) => [s, ACCOUNT_STATUS[s]])} />
        <FilterSelect id="acc-role" name="role" label="Роль" value={query.role} options={ASSIGNABLE_ROLES.map((r) => [r, ROLE_LABELS[r]])} />
        <div>
          <label htmlFor="acc-sort" className="field-label">Сортировка</label>
          <select id="acc-sort" name="sort" defaultValue={query.sort} className="field-input">
            {ACCOUNT_SORTS.map((s) => <option key={s} value={s}>{SORT_LABELS[s]}</option>)}
          </select>
          <label className="mt-1 flex items-center gap-2 text-sm">
            <input type="checkbox" name="dir" value="desc" defaultChecked={query.dir === "desc"} /> по убыванию
          </label>
        </div>
        <button type="submit" className="btn-secondary">{ACTIONS.show}</button>
      </form>

      <p className="text-sm" aria-live="polite">{MESSAGES.found}: {countOf(list.total, WORDS.account)}</p>
      {list.rows.length === 0 ? (
        query.q || query.status || query.role ? (
          <EmptyState title="Учётных записей с такими условиями нет" action={<Link href={base} className="btn-secondary">{ACTIONS.reset}</Link>}>
            {MESSAGES.changeFilter}
          </EmptyState>
        ) : (
          archived ? (
            <EmptyState title="В кабинете нет учётных записей">{ARCHIVED_CABINET_TEXT}</EmptyState>
          ) : (
            <EmptyState title="В кабинете пока нет учётных записей" action={<Link href={`${base}/new`} className="btn-primary">{ACTIONS.addUser}</Link>}>
              Нажмите «Добавить пользователя», заполните обязательные поля и добавьте роли — приглашение придёт на указанную почту.
            </EmptyState>
          )
        )
      ) : (
        <AccountsTable lkoId={cabinet.lkoId} rows={list.rows} cabinetName={cabinet.name} selfPersonId={session.person.id} canInvite={!archived} />
      )}
      <Pagination page={list.page} pages={list.pages} hrefFor={(page) => href(base, query, { page })} />
    </div>
  );
}
