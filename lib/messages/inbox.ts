import "server-only";
import { db, type MessageStatus } from "@/lib/db";

export const INBOX_PAGE_SIZE = 30;

export async function listCabinetMessages(cabinetId: string, opts: { status?: MessageStatus; page?: number } = {}) {
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const where = { cabinetId, ...(opts.status ? { status: opts.status } : {}) };
  const [items, total, counts] = await Promise.all([
    db.citizenMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
      select: { id: true, category: true, text: true, authorName: true, status: true, createdAt: true, origin: true },
    }),
    db.citizenMessage.count({ where }),
    db.citizenMessage.groupBy({ by: ["status"], where: { cabinetId }, _count: { _all: true } }),
  ]);
  const byStatus = { NEW: 0, IN_PROGRESS: 0, ANSWERED: 0 } as Record<MessageStatus, number>;
  for (const c of counts) byStatus[c.status] = c._count._all;
  return { items, total, page, pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)), byStatus };
}

export async function getCabinetMessage(cabinetId: string, messageId: string) {
  return db.citizenMessage.findFirst({
    where: { id: messageId, cabinetId },
    select: { id: true, category: true, text: true, authorName: true, contact: true, consentAt: true, origin: true, status: true, createdAt: true, updatedAt: true },
  });
}
