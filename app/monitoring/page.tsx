import type { Metadata } from "next";
import { Placeholder } from "@/components/ui/Placeholder";
import { requirePortalSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Мониторинг подключения" };

export default async function MonitoringPage() {
  await requirePortalSession();
  return <Placeholder title="Мониторинг подключения учреждений" text="Здесь будет состояние подключения учреждений вашего органа." />;
}
