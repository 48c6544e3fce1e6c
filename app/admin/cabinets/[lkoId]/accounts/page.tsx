import type { Metadata } from "next";
import Link from "next/link";
import { loadActor } from "@/lib/access/actor";
import { hasCabinetCapability } from "@/lib/access/policies";
import { ROLE_LABELS } from "@/lib/access/roles";
import { requirePortalSession } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/accounts/dates";
import { ACCOUNT_SORTS, listAccounts, ZAccountListQuery, type TAccountListQuery } from "@/lib/accounts/list";
import { ACCOUNT_ROLE_CHOICES } from "@/lib/accounts/schemas";
import { DISPLAY_STATUSES, DISPLAY_STATUS_LABELS, type TDisplayStatus } from "@/lib/accounts/status";
import { EmptyState } from "@/components/ui/EmptyState";
import { FlashMessage } from "@/components/ui/FlashMessage";
import { flashForPage } from "@/lib/ui/flash-server";
import { Pagination } from "@/components/ui/Pagination";
import { StatusBadge, StatusPanel, StatusText, type TStatusIcon, type TStatusTone } from "@/components/ui/Status";
import { TableFrame } from "@/components/ui/TableFrame";
import { countOf } from "@/lib/ui/format";
import { ACTIONS, MESSAGES, WORDS } from "@/lib/ui/strings";
import { requireCabinetForActor } from "@/lib/cabinets/access";
import { ARCHIVED_CABINET_TEXT, ARCHIVED_CABINET_TITLE } from "./ArchivedCabinetNotice";
import { RowActions } from "./RowActions";

export const metadata: Metadata = { title: "Учетные записи" };

const STATUS_LOOK: Record<TDisplayStatus, { tone: TStatusTone; icon: TStatusIcon }> = {
  INVITED: { tone: "info", icon: "mail" },
  INVITATION_EXPIRED: { tone: "warning", icon: "hourglass" },
  CONFIRMED: { tone: "success", icon: "check" },
  ARCHIVED: { tone: "neutral", icon: "archive" },
};

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
  const session = await requirePortalSession();
  const actor = await loadActor(session.person.id);
  const cabinet = await requireCabinetForActor(actor, lkoId);
  if (!(await hasCabinetCapability(actor, "accounts.manage", cabinet.id))) {
    return <p className="card">Учётными записями этого кабинета управляет администратор ЛКО. У вас нет роли «Администратор ЛКО» в этом кабинете или в кабинете органа.</p>;
  }
  const raw = await searchParams;
  const query = ZAccountListQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const list = await listAccounts(cabinet.id, query);
  const flash = await flashForPage();
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
        <div>
          <label htmlFor="acc-status" className="field-label">Статус</label>
          <select id="acc-status" name="status" defaultValue={query.status ?? ""} className="field-input">
            <option value="">Все</option>
            {DISPLAY_STATUSES.map((s) => <option key={s} value={s}>{DISPLAY_STATUS_LABELS[s]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="acc-role" className="field-label">Роль</label>
          <select id="acc-role" name="role" defaultValue={query.role ?? ""} className="field-input">
            <option value="">Все</option>
            {ACCOUNT_ROLE_CHOICES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
        </div>
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
        <TableFrame label={`Учетные записи кабинета ${cabinet.name}`}>
          <table>
            <caption className="sr-only">Учетные записи кабинета {cabinet.name}</caption>
            <thead>
              <tr>
                <th scope="col">ФИО, должность</th>
                <th scope="col">Email, телефон</th>
                <th scope="col">Роли</th>
                <th scope="col">Статус</th>
                <th scope="col">Обучение</th>
                <th scope="col">Действия</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => {
                const name = [r.lastName, r.firstName, r.middleName].filter(Boolean).join(" ");
                return (
                  <tr key={r.id} data-email={r.email}>
                    <th scope="row" className="font-normal">
                      <span className="block font-semibold">{name}</span>
                      <span className="text-muted">{r.position}</span>
                    </th>
                    <td>
                      <span className="block break-all">{r.email}</span>
                      <span className="text-muted">{r.phone ?? ""}</span>
                    </td>
                    <td>
                      <ul>
                        {r.roles.map((role) => (
                          <li key={role.role}>
                            {ROLE_LABELS[role.role]}
                            {role.spheres.length ? <span className="text-muted"> ({role.spheres.map((s) => s.sphere.name).join(", ")})</span> : null}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <StatusBadge {...STATUS_LOOK[r.displayStatus]}>{DISPLAY_STATUS_LABELS[r.displayStatus]}</StatusBadge>
                      <span className="mt-1 block text-muted">
                        {r.displayStatus === "CONFIRMED" && r.confirmedAt ? `с ${formatDate(r.confirmedAt)}` : null}
                        {r.displayStatus === "INVITED" && r.lastInvitation ? `ссылка до ${formatDateTime(r.lastInvitation.expiresAt)}` : null}
                        {r.displayStatus === "INVITATION_EXPIRED" && r.lastInvitation ? `отправлено ${formatDate(r.lastInvitation.sentAt)}` : null}
                        {r.displayStatus === "ARCHIVED" && r.archivedAt ? `с ${formatDate(r.archivedAt)}` : null}
                      </span>
                    </td>
                    <td>
                      {r.trainingConfirmedAt ? (
                        <StatusText tone="success" icon="check">Пройдено {formatDateTime(r.trainingConfirmedAt)}</StatusText>
                      ) : r.status === "CONFIRMED" ? (
                        <StatusText tone="warning" icon="alert">Не отмечено</StatusText>
                      ) : (
                        <span className="text-muted">{MESSAGES.notSpecified}</span>
                      )}
                    </td>
                    <td>
                      <RowActions lkoId={cabinet.lkoId} accountId={r.id} status={r.displayStatus} self={r.personId === session.person.id} name={name} canInvite={!archived} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableFrame>
      )}
      <Pagination page={list.page} pages={list.pages} hrefFor={(page) => href(base, query, { page })} />
    </div>
  );
}
