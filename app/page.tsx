import Link from "next/link";

export default function HomePage() {
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
          <div className="flex flex-wrap gap-3">
            <a href="/signin" className="btn-primary">Войти</a>
            <Link href="/status" className="btn-secondary">Статус подключения учреждений</Link>
          </div>
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
