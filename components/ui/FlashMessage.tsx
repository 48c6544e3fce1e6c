// The one-shot message an action left for this page (lib/ui/flash.ts): the page takes it with
// takenFlash() (lib/ui/flash-server.ts) and shows it here.
import type { TFlash } from "@/lib/ui/flash";
import { StatusPanel, type TStatusIcon } from "./Status";

const ICON: Record<TFlash["tone"], TStatusIcon> = { success: "check", info: "mail", warning: "alert" };

export function FlashMessage({ flash }: { flash: TFlash | null }) {
  if (!flash) return null;
  return (
    <StatusPanel tone={flash.tone} icon={ICON[flash.tone]} title={flash.title}>
      {flash.text ? <p>{flash.text}</p> : null}
    </StatusPanel>
  );
}
