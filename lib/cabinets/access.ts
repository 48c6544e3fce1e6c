import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { cabinetsWhere } from "@/lib/access/policies";
import type { Capability } from "@/lib/access/roles";
import { requireTrainingDone } from "@/lib/accounts/training";

/**
 * The cabinet with this ЛКО number if the person has the capability on it; otherwise "not found"
 * (a cabinet the person may not see is not confirmed to exist).
 */
export async function findCabinetForActor(actor: Actor, lkoId: number, capability: Capability = "cabinet.view") {
  if (!Number.isSafeInteger(lkoId) || lkoId <= 0) return null;
  return db.cabinet.findFirst({
    where: { AND: [{ lkoId }, cabinetsWhere(actor, capability)] },
    select: {
      id: true, lkoId: true, kind: true, type: true, name: true, status: true, email: true, createdAt: true, dataConfirmedAt: true,
      organization: { select: { id: true, shortName: true, fullName: true, ogrn: true, inn: true, kpp: true, kind: true, parent: { select: { shortName: true } } } },
      editorialCabinet: { select: { lkoId: true, name: true } },
      spheres: { select: { sphere: { select: { id: true, name: true } } }, orderBy: { sphere: { nameSortKey: "asc" } } },
    },
  });
}

/**
 * For cabinet pages: the cabinet, or "not found". A confirmed account holder who has not ticked
 * «Мною пройдено обучение» is sent to /training first, whatever cabinet URL they opened.
 */
export async function requireCabinetForActor(actor: Actor, lkoIdParam: string, capability: Capability = "cabinet.view") {
  requireTrainingDone(actor, `/admin/cabinets/${encodeURIComponent(lkoIdParam)}`);
  const cabinet = await findCabinetForActor(actor, Number(lkoIdParam), capability);
  if (!cabinet) notFound();
  return cabinet;
}
