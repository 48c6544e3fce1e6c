import Link from "next/link";
import { navigationFor, type NavItem } from "@/lib/access/navigation";
import { getSignedIn, type PortalSession } from "@/lib/auth/session";
import { sentence } from "@/lib/ui/format";
import { ACTIONS, NAV } from "@/lib/ui/strings";

/** Where a signed-in person's work is, most likely first (the sections they can use). */
const WORK_ORDER = ["/admin", "/admin/requests", "/monitoring", "/registration"];

export default async function HomePage() {
  const signedIn = await getSignedIn();
  const session = signedIn?.session ?? null;
  const sections = signedIn
    ? (await navigationFor(signedIn)).filter((s) => WORK_ORDER.includes(s.href)).sort((a, b) => WORK_ORDER.indexOf(a.href) - WORK_ORDER.indexOf(b.href))
    : [];
  return (
    <div className="space-y-10">
      <section className="card grid gap-6 md:grid-cols-[2fr_1fr] md:items-center">
        <div className="space-y-4">
          <h1>Платформа обратной связи</h1>
          <p className="text-lg">
            Здесь органы власти и подведомственные учреждения подключаются к Платформе обратной связи (ПОС):
            регистрируют кабинеты, ведут учётные записи сотрудников, готовят личный кабинет организации (ЛКО)
            к работе и размещают на своих сайтах виджет для сообщений граждан.
          </p>
          {session ? (
            <YourWork session={session} sections={sections} />
          ) : (
            <div className="flex flex-wrap gap-3">
              <a href="/signin" className="btn-primary">{ACTIONS.signIn}</a>
              <Link href="/status" className="btn-secondary">{NAV.publicStatus}</Link>
            </div>
          )}
        </div>
        <p className="rounded-xl bg-brand-light p-4 text-sm">
          Вход — через Госуслуги (ЕСИА). Создать кабинет учреждения может сотрудник с ролью не ниже
          «Администратора» или «Руководителя» в профиле организации и в группе доступа
          «ПОС. Госпаблики. Кабинет учреждения».
        </p>
      </section>

      <section aria-labelledby="how" className="space-y-4">
        <h2 id="how">Как подключиться</h2>
        <ol className="grid gap-4 md:grid-cols-4">
          {[
            ["Регистрация кабинета", "Учреждение подаёт заявку на создание рабочего кабинета; орган, в ведении которого оно находится, рассматривает её."],
            ["Учётные записи", "Администраторы ЛКО добавляют пользователей; приглашённые подтверждают вход через Госуслуги."],
            ["Обучение и готовность", "При первом входе сотрудник отмечает «Мною пройдено обучение»; учреждение проставляет точки готовности."],
            ["Виджет на сайте", "Учреждение генерирует код виджета и размещает его на главной странице официального сайта."],
          ].map(([title, text], i) => (
            <li key={title} className="card space-y-2">
              <span className="text-sm font-semibold text-brand">Шаг {i + 1}</span>
              <h3>{title}</h3>
              <p className="text-sm text-muted">{text}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** A signed-in person is led to their work, not to «Войти» (the header already says who they are). */
function YourWork({ session, sections }: { session: PortalSession; sections: NavItem[] }) {
  const { person, organization } = session;
  return (
    <div className="space-y-3" data-testid="your-work">
      <p className="font-medium">
        Здравствуйте, {[person.firstName, person.middleName].filter(Boolean).join(" ")}!
        {organization ? ` ${sentence(`Организация: ${organization.shortName}`)}` : " Выберите организацию, от имени которой будете работать."}
      </p>
      <div className="flex flex-wrap gap-3">
        {!organization ? (
          <Link href="/select-organization" className="btn-primary">{ACTIONS.chooseOrganization}</Link>
        ) : sections.length > 0 ? (
          sections.map((s, i) => (
            <Link key={s.href} href={s.href} className={i === 0 ? "btn-primary" : "btn-secondary"}>{s.label}</Link>
          ))
        ) : (
          <Link href="/start" className="btn-primary">Начало работы</Link>
        )}
        <Link href="/status" className="btn-secondary">{NAV.publicStatus}</Link>
      </div>
    </div>
  );
}
