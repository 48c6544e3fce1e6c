import type { Metadata } from "next";
import { requireCabinet } from "@/lib/access/guards";
import { ROLES, rolesForCabinet } from "@/lib/access/roles";
import { loadCabinetForAccounts } from "@/lib/accounts/service";
import { db } from "@/lib/db";
import { ArchivedCabinetNotice } from "../ArchivedCabinetNotice";
import { AddAccountForm } from "./AddAccountForm";

export const metadata: Metadata = { title: "Добавить пользователя" };

export default async function NewAccountPage({ params }: { params: Promise<{ lkoId: string }> }) {
  const { lkoId } = await params;
  const { cabinet } = await requireCabinet(lkoId, "accounts.manage");
  const forAccounts = await loadCabinetForAccounts(cabinet.id);
  if (!forAccounts) return <ArchivedCabinetNotice lkoId={cabinet.lkoId} />;
  const spheres = await db.sphere.findMany({ where: { id: { in: forAccounts.curatorSphereIds } }, select: { id: true, name: true }, orderBy: { nameSortKey: "asc" } });
  return (
    <section className="card space-y-4" aria-labelledby="new-title">
      <h2 id="new-title" className="text-2xl">Добавить пользователя</h2>
      <p className="text-muted">Пользователь получит письмо со ссылкой: перейдя по ней, он войдёт через Госуслуги и подтвердит учётную запись.</p>
      <AddAccountForm
        cabinetId={cabinet.id}
        backHref={`/admin/cabinets/${cabinet.lkoId}/accounts`}
        roles={rolesForCabinet(forAccounts.kind).map((r) => ({ value: r, label: ROLES[r].label, hint: ROLES[r].hint }))}
        spheres={spheres}
      />
    </section>
  );
}
