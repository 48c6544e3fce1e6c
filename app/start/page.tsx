import type { Metadata } from "next";
import Link from "next/link";
import { requireOrganization } from "@/lib/access/guards";
import { firstAndMiddleName } from "@/lib/ui/format";

export const metadata: Metadata = { title: "Начало работы" };

export default async function StartPage() {
  const { session, organization } = await requireOrganization();
  const { person } = session;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-muted">Здравствуйте, {firstAndMiddleName(person)}!</p>
        <h1>{organization.shortName}</h1>
        <p className="text-sm text-muted">ОГРН: {organization.ogrn} · <Link href="/select-organization?change=1">Сменить организацию</Link></p>
      </div>
      <ul className="grid gap-4 md:grid-cols-3">
        <li className="card space-y-2">
          <h2 className="text-xl"><Link href="/registration">Подключение кабинета</Link></h2>
          <p className="text-sm text-muted">Заявка на создание кабинета редакции или рабочего кабинета учреждения (Госпаблики).</p>
        </li>
        <li className="card space-y-2">
          <h2 className="text-xl"><Link href="/admin">Администрирование ЛКО</Link></h2>
          <p className="text-sm text-muted">Данные кабинетов, учётные записи, приглашения и готовность к работе.</p>
        </li>
        <li className="card space-y-2">
          <h2 className="text-xl"><Link href="/status">Статус подключения</Link></h2>
          <p className="text-sm text-muted">Как подключаются учреждения города.</p>
        </li>
      </ul>
    </div>
  );
}
