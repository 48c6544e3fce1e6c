// The accounts of a cabinet, one row each: who, how to reach them, roles, status, training, and the row's actions.
import { ROLE_LABELS } from "@/lib/access/roles";
import type { TAccountListRow } from "@/lib/accounts/list";
import type { TDisplayStatus } from "@/lib/accounts/status";
import { StatusBadge, StatusText, type TStatusIcon, type TStatusTone } from "@/components/ui/Status";
import { TableFrame } from "@/components/ui/TableFrame";
import { formatDate, formatDateTime, fullName } from "@/lib/ui/format";
import { ACCOUNT_STATUS, MESSAGES } from "@/lib/ui/strings";
import { approvalText, mismatchText } from "@/lib/accounts/acceptance";
import { RowActions } from "./RowActions";

const STATUS_LOOK: Record<TDisplayStatus, { tone: TStatusTone; icon: TStatusIcon }> = {
  INVITED: { tone: "info", icon: "mail" },
  INVITATION_EXPIRED: { tone: "warning", icon: "hourglass" },
  AWAITING_APPROVAL: { tone: "warning", icon: "alert" },
  CONFIRMED: { tone: "success", icon: "check" },
  ARCHIVED: { tone: "neutral", icon: "archive" },
};

export function AccountsTable({ lkoId, rows, cabinetName, selfPersonId, canInvite }: { lkoId: number; rows: TAccountListRow[]; cabinetName: string; selfPersonId: string; canInvite: boolean }) {
  return (
    <TableFrame label={`Учетные записи кабинета ${cabinetName}`}>
      <table>
        <caption className="sr-only">Учетные записи кабинета {cabinetName}</caption>
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
          {rows.map((r) => {
            const name = fullName(r);
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
                  <StatusBadge {...STATUS_LOOK[r.displayStatus]}>{ACCOUNT_STATUS[r.displayStatus]}</StatusBadge>
                  <span className="mt-1 block text-muted">
                    {r.displayStatus === "CONFIRMED" && r.confirmedAt ? `с ${formatDate(r.confirmedAt)}` : null}
                    {r.displayStatus === "INVITED" && r.lastInvitation ? `ссылка до ${formatDateTime(r.lastInvitation.expiresAt)}` : null}
                    {r.displayStatus === "INVITATION_EXPIRED" && r.lastInvitation ? `отправлено ${formatDate(r.lastInvitation.sentAt)}` : null}
                    {r.displayStatus === "ARCHIVED" && r.archivedAt ? `с ${formatDate(r.archivedAt)}` : null}
                  </span>
                  {r.acceptance ? (
                    <span className="mt-1 block" data-testid="accepted-by">
                      Подтвердил(а) в ЕСИА: {r.acceptance.person}
                      {r.acceptance.mismatch.length > 0 ? (
                        <StatusText tone="warning" icon="alert" className="mt-1 block">
                          {r.status === "AWAITING_APPROVAL" ? approvalText(r.acceptance.mismatch) : mismatchText(r.acceptance.mismatch)}
                        </StatusText>
                      ) : null}
                    </span>
                  ) : null}
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
                  <RowActions lkoId={lkoId} accountId={r.id} status={r.displayStatus} self={r.personId === selfPersonId} name={name} canInvite={canInvite} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableFrame>
  );
}
