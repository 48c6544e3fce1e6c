import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requirePortalSession } from "@/lib/auth/session";
import { listPersonOrganizations } from "@/lib/auth/organizations";
import { OrganizationChoiceForm } from "./OrganizationChoiceForm";

export const metadata: Metadata = { title: "Выбор организации" };

export default async function SelectOrganizationPage({ searchParams }: { searchParams: Promise<{ change?: string }> }) {
  const session = await requirePortalSession();
  const memberships = await listPersonOrganizations(session.person.id);
  const { change } = await searchParams;
  // One organization: nothing to choose (it was selected at sign-in).
  if (memberships.length === 1 && session.organization && !change) redirect("/start");

  if (memberships.length === 0) {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <h1>Нет организаций для работы</h1>
        <div className="card space-y-4">
          <p role="alert">
            В ЕСИА ваша учётная запись не прикреплена ни к одной организации, поэтому работать в Платформе обратной связи
            от имени организации нельзя.
          </p>
          <p>
            Попросите администратора профиля вашей организации на Госуслугах добавить вас в сотрудники (роль не ниже
            «Администратора» или «Руководителя», группа доступа «ПОС. Госпаблики. Кабинет учреждения»), затем войдите
            снова.
          </p>
          <form method="post" action="/api/esia/logout">
            <button type="submit" className="btn-secondary">Выйти</button>
          </form>
        </div>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1>Выберите организацию</h1>
      <div className="card">
        <OrganizationChoiceForm
          current={session.organization?.id}
          organizations={memberships.map((m) => ({ id: m.organization.id, name: m.organization.shortName, fullName: m.organization.fullName, ogrn: m.organization.ogrn }))}
        />
      </div>
      <p className="text-sm text-muted">
        Список организаций получен из ЕСИА при входе. Если организации нет в списке, проверьте, что вы прикреплены к ней на
        Госуслугах, и <Link href="/signin">войдите снова</Link>.
      </p>
    </div>
  );
}
