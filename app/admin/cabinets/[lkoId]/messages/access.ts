import "server-only";
import { loadActor } from "@/lib/access/actor";
import { hasCabinetCapability } from "@/lib/access/policies";
import { requirePortalSession } from "@/lib/auth/session";
import { requireCabinetForActor } from "@/lib/cabinets/access";

/** The cabinet of the «Сообщения» tab and whether the person may work with its messages. */
export async function inboxAccess(lkoId: string) {
  const session = await requirePortalSession();
  const actor = await loadActor(session.person.id);
  const cabinet = await requireCabinetForActor(actor, lkoId);
  return { cabinet, canHandle: await hasCabinetCapability(actor, "messages.handle", cabinet.id) };
}
