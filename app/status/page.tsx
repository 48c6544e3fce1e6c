import type { Metadata } from "next";

export const metadata: Metadata = { title: "Статус подключения учреждений" };

export default function PublicStatusPage() {
  return (
    <div className="space-y-4">
      <h1>Статус подключения учреждений</h1>
      <p className="card">
        Здесь будет опубликована актуальная информация о подключении учреждений к Платформе обратной связи:
        зарегистрирован ли кабинет, готов ли он к работе и размещён ли виджет на сайте.
      </p>
    </div>
  );
}
