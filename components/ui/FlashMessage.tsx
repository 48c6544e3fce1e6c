"use client";
// The one-shot message about what an action just did (lib/ui/flash.ts): the one proxy.ts took for
// this page, or the one the form handed over in the browser. Give it a key new with every render
// of the page (lib/ui/flash-server.ts, flashForPage): rendered again after the next action, it says nothing.
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { TFlash } from "@/lib/ui/flash";
import { dropFlash, flashFor } from "@/lib/ui/flash-client";
import { StatusPanel, type TStatusIcon } from "./Status";

const ICON: Record<TFlash["tone"], TStatusIcon> = { success: "check", info: "mail", warning: "alert" };

export function FlashMessage({ flash }: { flash: TFlash | null }) {
  const pathname = usePathname();
  const [shown] = useState(() => flash ?? flashFor(pathname));
  useEffect(() => dropFlash(pathname), [pathname]);
  if (!shown) return null;
  return (
    <StatusPanel tone={shown.tone} icon={ICON[shown.tone]} title={shown.title}>
      {shown.text ? <p>{shown.text}</p> : null}
    </StatusPanel>
  );
}
