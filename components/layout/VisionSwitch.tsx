"use client";
import { usePathname } from "next/navigation";
import { Markup } from "@/components/ui/Markup";
import { visionSwitchFields } from "@/lib/ui/site-chrome";

/** «Версия для слабовидящих» ⇄ «Обычная версия»: a plain form, so it works before and without JavaScript. */
export function VisionSwitch({ low }: { low: boolean }) {
  const pathname = usePathname();
  return <Markup as="form" method="post" action="/vision" html={visionSwitchFields(low, pathname ?? "/")} />;
}
