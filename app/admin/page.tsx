import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminArea } from "@/lib/access/guards";
import { formatDate } from "@/lib/ui/format";
import { ADMIN_INTRO, adminAudience } from "@/lib/cabinets/audience";
import { cabinetTree, type TreeNode } from "@/lib/cabinets/tree";
import { db } from "@/lib/db";
import { EmptyState } from "@/components/ui/EmptyState";
import { StatusPanel, StatusText } from "@/components/ui/Status";
import { accountsAwaitingApprovalOf } from "@/lib/accounts/service";
import { formatNumber } from "@/lib/ui/format";
import { ACTIONS, CABINET_KIND, CABINET_TABS } from "@/lib/ui/strings";

export const metadata: Metadata = { title: "Администрирование ЛКО" };

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { session, actor } = await requireAdminArea("/admin");
  const { q } = await searchParams;
  const tree = await cabinetTree(actor, { q: typeof q === "string" ? q.slice(0, 100) : undefined });
  const archived = tree.total === 0 && !q ? await db.account.count({ where: { personId: session.person.id, status: "ARCHIVED" } }) : 0;
  const awaiting = await accountsAwaitingApprovalOf(session.person.id);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1>Администрирование ЛКО</h1>
        <p className="text-muted" data-testid="admin-intro">{ADMIN_INTRO[adminAudience(actor)]}</p>
      </div>

      {awaiting.length > 0 ? (
        // Decision 077: the invitation was accepted under another name; an administrator decides.
        <StatusPanel tone="warning" icon="clock" title="Учётная запись ожидает подтверждения администратором">
          <p>
            Вы приняли приглашение, адресованное другому человеку: ФИО в вашей учётной записи Госуслуг не совпадает с приглашением.
            Доступ к кабинету откроется, когда администратор ЛКО подтвердит учётную запись. Если доступ нужен срочно, обратитесь к нему.
          </p>
          <ul className="mt-2 list-disc pl-6" data-testid="awaiting-approval">
            {awaiting.map((a) => (
              <li key={a.lkoId}>{a.name} (ЛКО № {a.lkoId})</li>
            ))}
          </ul>
        </StatusPanel>
      ) : null}

      <form role="search" method="get" className="card flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-64">
          <label htmlFor="tree-q" className="field-label">Найти кабинет</label>
          <input id="tree-q" name="q" defaultValue={q ?? ""} className="field-input" placeholder="Название или уникальный номер ЛКО" />
        </div>
        <button type="submit" className="btn-secondary">{ACTIONS.find}</button>
        {q ? <Link href="/admin" className="btn">{ACTIONS.reset}</Link> : null}
      </form>

      {tree.total === 0 ? (
        awaiting.length > 0 && !q ? null : archived > 0 ? (
          <EmptyState title="Нет доступа к кабинетам">
            Ваша учётная запись в ЛКО перенесена администратором в архив, поэтому доступа к кабинетам нет. Если это ошибка, обратитесь к администратору ЛКО вашего органа.
          </EmptyState>
        ) : q ? (
          <EmptyState title="Ничего не найдено" action={<Link href="/admin" className="btn-secondary">{ACTIONS.reset}</Link>}>
            Измените запрос: введите часть названия кабинета или его уникальный номер ЛКО.
          </EmptyState>
        ) : (
          <EmptyState title="У вас нет кабинетов для администрирования" action={<Link href="/registration" className="btn-secondary">Подключение кабинета</Link>}>
            Доступ появляется, когда администратор ЛКО добавит вас в учётные записи и вы подтвердите приглашение из письма. Если у
            организации ещё нет кабинета, подайте заявку в разделе «Подключение кабинета».
          </EmptyState>
        )
      ) : (
        <section aria-labelledby="tree-title" className="space-y-3">
          <h2 id="tree-title" className="text-xl">
            Кабинеты: {formatNumber(tree.total)}
            {tree.shown < tree.total ? <span className="text-base font-normal text-muted"> (показаны первые {formatNumber(tree.shown)} — уточните поиск)</span> : null}
          </h2>
          <ul className="space-y-3">
            {tree.roots.map((node) => (
              <li key={node.id} className="card p-4">
                <CabinetNode node={node} />
                {node.children.length > 0 ? (
                  <details className="mt-3" open={node.children.length <= 40 || Boolean(q)}>
                    <summary className="cursor-pointer font-medium text-brand">Подведомственные учреждения: {formatNumber(node.children.length)}</summary>
                    <ul className="mt-2 divide-y divide-line border-l-4 border-brand-light pl-4">
                      {node.children.map((child) => (
                        <li key={child.id} className="py-3">
                          <CabinetNode node={child} />
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function CabinetNode({ node }: { node: TreeNode }) {
  const a = node.accounts;
  const allConfirmed = a.invited + a.expired + a.awaitingApproval === 0 && a.confirmed > 0;
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="space-y-1">
        <Link href={`/admin/cabinets/${node.lkoId}`} className="text-lg font-semibold">{node.name}</Link>
        <p className="text-sm text-muted">
          {CABINET_KIND[node.kind]} · ЛКО № {node.lkoId}
          {node.status === "ARCHIVED" ? " · в архиве" : ""}
        </p>
        <p className="text-sm">
          {node.dataConfirmedAt ? (
            <StatusText tone="success" icon="check">Данные актуальны на {formatDate(node.dataConfirmedAt)}</StatusText>
          ) : (
            <StatusText tone="warning" icon="alert">Актуальность данных не подтверждена</StatusText>
          )}
        </p>
      </div>
      <div className="space-y-1 text-sm sm:text-right">
        <p>
          Учётные записи: подтверждено {a.confirmed}
          {a.invited ? `, приглашено ${a.invited}` : ""}
          {a.expired ? `, приглашение истекло ${a.expired}` : ""}
          {a.awaitingApproval ? `, ожидает подтверждения администратором ${a.awaitingApproval}` : ""}
          {a.archived ? `, в архиве ${a.archived}` : ""}
        </p>
        <p>
          {allConfirmed ? <StatusText tone="success" icon="check">Все учётные записи подтверждены</StatusText> : <StatusText tone="warning" icon="alert">Не все учётные записи подтверждены</StatusText>}
          {a.untrained ? <span className="text-warning"> · без отметки об обучении: {a.untrained}</span> : null}
        </p>
        {node.manageable ? (
          <p>
            <Link href={`/admin/cabinets/${node.lkoId}/accounts`}>{CABINET_TABS.accounts}</Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}
