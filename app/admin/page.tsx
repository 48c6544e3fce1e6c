import type { Metadata } from "next";
import { Placeholder } from "@/components/ui/Placeholder";
import { requirePortalSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Администрирование ЛКО" };

export default async function AdminPage() {
  await requirePortalSession();
  return <Placeholder title="Администрирование ЛКО" text="Здесь будет дерево кабинетов, которыми вы управляете." />;
}
