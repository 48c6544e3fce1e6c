import type { Metadata } from "next";
import { Placeholder } from "@/components/ui/Placeholder";
import { requirePortalSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Заявки на подключение" };

export default async function RequestsPage() {
  await requirePortalSession();
  return <Placeholder title="Заявки на подключение кабинетов" text="Здесь будет очередь заявок, адресованных вашему органу." />;
}
