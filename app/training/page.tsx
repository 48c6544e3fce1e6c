import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireSignedIn } from "@/lib/access/guards";
import { accountsAwaitingTraining } from "@/lib/access/policies";
import { safeNextPath } from "@/lib/accounts/training";
import { db } from "@/lib/db";
import { METHODICAL_MATERIALS_URL } from "@/lib/invitations/config";
import { TrainingForm } from "./TrainingForm";

export const metadata: Metadata = { title: "Обучение" };

// The first entry after confirming an account: nothing in the cabinet works until this is ticked.
export default async function TrainingPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { actor } = await requireSignedIn();
  const next = safeNextPath((await searchParams).next);
  const waiting = accountsAwaitingTraining(actor);
  if (waiting.length === 0) redirect(next);
  const cabinets = await db.cabinet.findMany({ where: { id: { in: waiting.map((a) => a.cabinetId) } }, select: { id: true, name: true, lkoId: true } });
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1>Перед началом работы</h1>
      <div className="card space-y-4">
        <p>
          Ваша учётная запись подтверждена: {cabinets.map((c) => `«${c.name}» (ЛКО № ${c.lkoId})`).join(", ")}. При первом входе обязательно
          отметьте, что вы прошли обучение работе в Платформе обратной связи. До этого кабинет недоступен.
        </p>
        <TrainingForm next={next} materialsUrl={METHODICAL_MATERIALS_URL} />
      </div>
    </div>
  );
}
