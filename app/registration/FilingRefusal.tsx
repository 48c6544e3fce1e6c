import Link from "next/link";
import { FILING_GAP_TEXT, type FilingGap } from "@/lib/access/filing";

/** Who may not file sees exactly what they lack, and what to do about it. */
export function FilingRefusal({ organizationName, gaps }: { organizationName: string; gaps: FilingGap[] }) {
  return (
    <div className="card space-y-4">
      <h2 className="text-xl">Подать заявку нельзя</h2>
      <p role="alert">
        Вы не можете создать кабинет от имени организации «{organizationName}», потому что:
      </p>
      <ul className="list-disc space-y-1 pl-6">
        {gaps.map((g) => (
          <li key={g}>{FILING_GAP_TEXT[g]}</li>
        ))}
      </ul>
      <p className="text-sm text-muted">
        Кабинет учреждения может создать только сотрудник, прикреплённый к профилю организации в ЕСИА, с ролью не ниже
        «Администратора» или «Руководителя» и в группе доступа «ПОС. Госпаблики. Кабинет учреждения». Попросите
        администратора профиля организации на Госуслугах добавить недостающее, затем войдите снова.
      </p>
      <p>
        <Link href="/select-organization?change=1">Выбрать другую организацию</Link>
      </p>
    </div>
  );
}
