// A request's revisions, newest first: who filed each, what changed since the one before, how it
// was decided; the parameters of every earlier revision on request.
import { Facts } from "@/components/ui/Facts";
import { Section } from "@/components/ui/Section";
import { REQUEST_FIELD_LABEL } from "@/lib/requests/labels";
import type { TRequestCard } from "@/lib/requests/review";
import { formatDateTime, fullName, type TPersonName } from "@/lib/ui/format";
import { CABINET_TYPE } from "@/lib/ui/strings";

type TRevision = TRequestCard["revisions"][number];

const fio = (p: TPersonName | null) => (p ? fullName(p) : "—");

export function RevisionHistory({ revisions, current }: { revisions: TRevision[]; current: number }) {
  return (
    <Section title="История редакций">
      <ol className="space-y-4">
        {[...revisions].reverse().map((r) => (
          <li key={r.number} className="rounded-xl border border-line p-4">
            <h3>Редакция № {r.number}</h3>
            <p className="text-sm text-muted">Подана {formatDateTime(r.submittedAt)}, {fio(r.author)}</p>
            {r.number > 1 &&
              (r.changes.length === 0 ? (
                <p className="mt-2 text-sm">По сравнению с редакцией № {r.number - 1} ничего не изменено.</p>
              ) : (
                <table className="mt-2 w-full text-left text-sm">
                  <caption className="text-left font-medium">Изменено по сравнению с редакцией № {r.number - 1}</caption>
                  <thead className="text-muted">
                    <tr>
                      <th scope="col" className="py-1 pr-4">Поле</th>
                      <th scope="col" className="py-1 pr-4">Было</th>
                      <th scope="col" className="py-1">Стало</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.changes.map((c) => (
                      <tr key={c.field} className="border-t border-line">
                        <th scope="row" className="py-1 pr-4 font-medium">{c.label}</th>
                        <td className="py-1 pr-4"><del>{c.before}</del></td>
                        <td className="py-1"><ins className="no-underline font-medium">{c.after}</ins></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ))}
            <p className="mt-2 text-sm">
              {r.decision === "REJECTED" ? (
                <>Отклонена {r.decidedAt ? formatDateTime(r.decidedAt) : ""} ({fio(r.reviewer)}): {r.reason}</>
              ) : r.decision === "APPROVED" ? (
                <>Одобрена {r.decidedAt ? formatDateTime(r.decidedAt) : ""} ({fio(r.reviewer)})</>
              ) : (
                <>На рассмотрении</>
              )}
            </p>
            {r.number !== current && (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-brand">Параметры редакции № {r.number}</summary>
                <RevisionFacts revision={r} />
              </details>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}

export function RevisionFacts({ revision: r }: { revision: TRevision }) {
  return (
    <Facts
      rows={[
        [REQUEST_FIELD_LABEL.name, r.name],
        [REQUEST_FIELD_LABEL.regionId, r.region.name],
        [REQUEST_FIELD_LABEL.type, CABINET_TYPE[r.type]],
        [REQUEST_FIELD_LABEL.editorialCabinetId, r.editorialCabinet ? `${r.editorialCabinet.name} (ЛКО № ${r.editorialCabinet.lkoId}${r.editorialCabinet.organization.shortName !== r.editorialCabinet.name ? `, ${r.editorialCabinet.organization.shortName}` : ""})` : "—"],
        [REQUEST_FIELD_LABEL.sphereIds, r.sphereNames.join(", ") || "—"],
        [REQUEST_FIELD_LABEL.email, r.email],
      ]}
    />
  );
}
