import type { Metadata } from "next";
import Link from "next/link";
import { publicMunicipalities } from "@/lib/status/public";
import { percent } from "@/lib/status/model";
import { formatDay } from "@/lib/ui/format";

export const metadata: Metadata = { title: "Статус подключения учреждений" };

export default async function PublicStatusPage() {
  const municipalities = await publicMunicipalities();
  return (
    <div className="space-y-6">
      <h1>Статус подключения учреждений</h1>
      <p>
        Актуальная информация о подключении муниципальных учреждений к Платформе обратной связи: создан ли кабинет
        учреждения, размещён ли виджет на официальном сайте и завершено ли подключение. Данные обновляются не реже раза в минуту.
      </p>
      <ul className="grid gap-4 sm:grid-cols-2">
        {municipalities.map((m) => (
          <li key={m.oktmo} className="card space-y-2">
            <h2 className="text-xl"><Link href={`/status/${m.oktmo}`}>{m.name}</Link></h2>
            {m.deadline && <p className="text-sm text-muted">Срок подключения — до {formatDay(new Date(m.deadline))}</p>}
            <p>
              Подключение завершено: <strong>{m.counts.ready}</strong> из {m.counts.total} ({percent(m.counts.ready, m.counts.total).toLocaleString("ru-RU")} %)
            </p>
            <p className="text-sm">
              Кабинет подключён: {m.counts.cabinetConnected} · виджет размещён на сайте: {m.counts.widgetPlaced}
            </p>
            <p className="text-sm"><Link href={`/status/${m.oktmo}`}>Учреждения и код для сайта</Link></p>
          </li>
        ))}
      </ul>
      <p className="text-sm text-muted">
        Персональных данных здесь нет: только названия учреждений и этапы подключения. Данные в машиночитаемом виде (JSON):{" "}
        <a href="/api/status"><code>/api/status</code></a>.
      </p>
    </div>
  );
}
