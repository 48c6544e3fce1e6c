import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireSignedIn } from "@/lib/access/guards";
import { listPersonOrganizations } from "@/lib/auth/organizations";
import { OrganizationChoiceForm } from "./OrganizationChoiceForm";

export const metadata: Metadata = { title: "Выбор организации" };

/** Why the organization's authorization at ЕСИА did not go through (its callback's `error`). */
const ERRORS: Record<string, string> = {
  denied:
    "Вы не предоставили порталу права в организации на Госуслугах. Без них портал не знает ваших групп доступа и не может работать от имени организации. Выберите организацию и нажмите «Далее», чтобы попробовать снова, а на Госуслугах — «Предоставить».",
  "forged-state": "Ответ Госуслуг не прошёл проверку: ссылка устарела или была подменена. Выберите организацию ещё раз.",
  expired: "Время на подтверждение прав истекло или оно было начато в другом окне. Выберите организацию ещё раз.",
  "missing-code": "Госуслуги не передали код подтверждения. Выберите организацию ещё раз.",
  "other-person":
    "На Госуслугах права предоставил другой пользователь, а не тот, кто вошёл в портал. Выберите организацию ещё раз и подтвердите права под своей учётной записью.",
  failed: "Не удалось получить из ЕСИА данные организации и ваши группы доступа. Попробуйте ещё раз через несколько минут.",
  "esia-error": "Госуслуги вернули ошибку при подтверждении прав в организации. Попробуйте ещё раз.",
};

export default async function SelectOrganizationPage({ searchParams }: { searchParams: Promise<{ change?: string; error?: string; description?: string }> }) {
  const { session } = await requireSignedIn();
  const memberships = await listPersonOrganizations(session.person.id);
  const { change, error, description } = await searchParams;
  const problem = error ? (ERRORS[error] ?? ERRORS.failed) : null;
  // One organization: nothing to choose. Its rights are asked from ЕСИА at once (after a refusal, only on «Далее»).
  if (memberships.length === 1 && !change && !problem) {
    redirect(session.organization ? "/start" : "/api/esia/organization/authorize");
  }

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
      {problem && (
        <div className="card space-y-2 border-2 border-danger" role="alert">
          <p className="font-semibold">Организация не выбрана</p>
          <p>{problem}</p>
          {description && /^ESIA-\d{6}/.test(description) && (
            <p className="text-sm text-muted">Код для службы поддержки: <code>{description}</code></p>
          )}
        </div>
      )}
      <div className="card">
        <OrganizationChoiceForm
          current={session.organization?.id ?? (memberships.length === 1 ? memberships[0].organization.id : undefined)}
          organizations={memberships.map((m) => ({ id: m.organization.id, name: m.organization.shortName, fullName: m.organization.fullName, ogrn: m.organization.ogrn }))}
        />
      </div>
      <p className="text-sm text-muted">
        После «Далее» Госуслуги попросят предоставить порталу права в выбранной организации: так портал узнаёт ваши группы
        доступа в ней. Список организаций получен из ЕСИА при входе. Если организации нет в списке, проверьте, что вы
        прикреплены к ней на Госуслугах, и <Link href="/signin">войдите снова</Link>.
      </p>
    </div>
  );
}
