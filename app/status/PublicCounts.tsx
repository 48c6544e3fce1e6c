import type { TPublicCounts } from "@/lib/status/public";

/** The public totals, the same numbers as the city IT dashboard shows. */
export function PublicCounts({ counts }: { counts: TPublicCounts }) {
  const items: Array<[string, number, string]> = [
    ["Всего учреждений", counts.total, "total"],
    ["Кабинет подключён", counts.cabinetConnected, "cabinet"],
    ["Виджет размещён на сайте", counts.widgetPlaced, "widget"],
    ["Подключение завершено", counts.ready, "ready"],
  ];
  return (
    <dl className="grid gap-4 sm:grid-cols-4">
      {items.map(([label, value, key]) => (
        <div key={key} className="card p-4">
          <dt className="text-sm text-muted">{label}</dt>
          <dd className="text-2xl font-bold" data-testid={`public-${key}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
