"use client";
import { usePathname } from "next/navigation";
import { VISION } from "@/lib/ui/strings";
import { VISION_LOW } from "@/lib/ui/vision";

/** «Версия для слабовидящих» ⇄ «Обычная версия»: a plain form, so it works before and without JavaScript. */
export function VisionSwitch({ low }: { low: boolean }) {
  const pathname = usePathname();
  return (
    <form method="post" action="/vision">
      <input type="hidden" name="mode" value={low ? "normal" : VISION_LOW} />
      <input type="hidden" name="back" value={pathname ?? "/"} />
      <button type="submit" className="inline-flex items-center gap-2 rounded-lg px-2 py-2 font-medium text-brand underline-offset-2 hover:underline">
        <svg viewBox="0 0 24 24" className="h-6 w-6 shrink-0" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M2 12s3.6-6.5 10-6.5S22 12 22 12s-3.6 6.5-10 6.5S2 12 2 12z" />
          <circle cx="12" cy="12" r="3" />
        </svg>
        {low ? VISION.turnOff : VISION.turnOn}
      </button>
    </form>
  );
}
