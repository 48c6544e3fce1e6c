import type { Metadata } from "next";
import { loadActor } from "@/lib/access/actor";
import { hasCabinetCapability } from "@/lib/access/policies";
import { ROLE_LABELS } from "@/lib/access/roles";
import { requirePortalSession } from "@/lib/auth/session";
import { loadCabinetForAccounts, rolesForCabinet } from "@/lib/accounts/service";
import { requireCabinetForActor } from "@/lib/cabinets/access";
import { db } from "@/lib/db";
import { notFound } from "next/navigation";
import { ArchivedCabinetNotice } from "../ArchivedCabinetNotice";
import { AddAccountForm } from "./AddAccountForm";

export const metadata: Metadata = { title: "Добавить пользователя" };

const ROLE_HINTS: Record<string, string> = {
  LKO_ADMIN: "Управляет кабинетом и учётными записями; в кабинете органа — и кабинетами подведомственных учреждений.",
  CURATOR: "Курирует работу подведомственных учреждений по выбранным сферам.",
  MODERATOR: "Работает с сообщениями граждан: распределяет и готовит ответы.",
  OBSERVER: "Просматривает кабинет без права изменений.",
  CONNECTION_MONITOR: "Следит за подключением учреждений органа к ПОС.",
};

export default async function NewAccountPage({ params }: { params: Promise<{ lkoId: string }> }) {
  const { lkoId } = await params;
  const session = await requirePortalSession();
  const actor = await loadActor(session.person.id);
  const cabinet = await requireCabinetForActor(actor, lkoId);
  if (!(await hasCabinetCapability(actor, "accounts.manage", cabinet.id))) notFound();
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
        roles={rolesForCabinet(forAccounts.kind).map((r) => ({ value: r, label: ROLE_LABELS[r], hint: ROLE_HINTS[r] }))}
        spheres={spheres}
      />
    </section>
  );
}
