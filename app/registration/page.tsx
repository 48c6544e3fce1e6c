import type { Metadata } from "next";
import { Placeholder } from "@/components/ui/Placeholder";
import { requireOrganizationSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Подключение кабинета" };

export default async function RegistrationPage() {
  await requireOrganizationSession();
  return <Placeholder title="Подключение кабинета" text="Здесь будет заявка на создание кабинета редакции или рабочего кабинета." />;
}
