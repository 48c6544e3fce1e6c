import type { TStatusTone, TStatusIcon } from "@/components/ui/Status";
import type { MessageStage } from "@/lib/db/generated/enums";

/** How a message's stage looks in the inbox and on its card (the words are MESSAGE_STAGE and MESSAGE_STATUS). */
export const MESSAGE_STAGE_LOOK: Record<MessageStage, { tone: TStatusTone; icon: TStatusIcon }> = {
  MODERATION: { tone: "danger", icon: "new" },
  COORDINATION: { tone: "warning", icon: "progress" },
  EXECUTION: { tone: "info", icon: "progress" },
  APPROVAL: { tone: "info", icon: "hourglass" },
  CLOSED: { tone: "success", icon: "check" },
};

export const OVERDUE_LOOK = { tone: "danger", icon: "alert" } as const satisfies { tone: TStatusTone; icon: TStatusIcon };
