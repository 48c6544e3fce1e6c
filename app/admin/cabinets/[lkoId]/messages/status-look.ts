import type { TStatusIcon, TStatusTone } from "@/components/ui/Status";
import type { MessageStatus } from "@/lib/db/generated/enums";

/** How a message's status looks in the inbox and on its page (the word is MESSAGE_STATUS). */
export const MESSAGE_STATUS_LOOK: Record<MessageStatus, { tone: TStatusTone; icon: TStatusIcon }> = {
  NEW: { tone: "danger", icon: "new" },
  IN_PROGRESS: { tone: "warning", icon: "progress" },
  ANSWERED: { tone: "success", icon: "check" },
};
