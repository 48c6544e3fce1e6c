import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-line bg-white">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm text-muted sm:grid-cols-3">
        <div>
          <p className="font-semibold text-ink">Платформа обратной связи</p>
          <p>Личные кабинеты организаций и регистрация кабинетов учреждений.</p>
        </div>
        <ul className="space-y-1">
          <li><Link href="/status">Статус подключения учреждений</Link></li>
          <li><Link href="/signin">Вход для сотрудников</Link></li>
        </ul>
        <p>
          Самостоятельно размещаемая система. Данные демонстрационного стенда вымышлены.
        </p>
      </div>
    </footer>
  );
}
