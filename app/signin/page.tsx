import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInButton } from "@/components/auth/SignInButton";
import { getPortalSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Вход" };

export default async function SignInPage() {
  if (await getPortalSession()) redirect("/start");
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1>Вход для сотрудников</h1>
      <div className="card space-y-4">
        <p>
          Вход в Платформу обратной связи выполняется через Госуслуги (ЕСИА) — с той учётной записью, к которой в ЕСИА
          прикреплена ваша организация.
        </p>
        <SignInButton />
        <p className="text-sm text-muted">
          После входа выберите организацию, от имени которой будете работать, и предоставьте порталу на Госуслугах права
          в ней: так портал узнаёт ваши группы доступа. Создать кабинет учреждения может сотрудник с
          ролью не ниже «Администратора» или «Руководителя» в профиле организации, добавленный в группу доступа
          «ПОС. Госпаблики. Кабинет учреждения».
        </p>
      </div>
    </div>
  );
}
