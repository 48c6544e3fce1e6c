import "server-only";
import { db } from "@/lib/db";

/** The cabinet's card: its ЕСИА organization data, ЛКО number, status and the «Данные актуальны» mark. */
export async function cabinetCard(cabinetId: string) {
  const cabinet = await db.cabinet.findUniqueOrThrow({
    where: { id: cabinetId },
    select: {
      id: true, lkoId: true, kind: true, type: true, name: true, status: true, email: true, createdAt: true, archivedAt: true,
      dataConfirmedAt: true, dataConfirmedById: true,
      region: { select: { name: true } },
      editorialCabinet: { select: { lkoId: true, name: true } },
      spheres: { select: { sphere: { select: { name: true } } }, orderBy: { sphere: { nameSortKey: "asc" } } },
      organization: {
        select: {
          esiaOid: true, fullName: true, shortName: true, ogrn: true, inn: true, kpp: true, email: true, phone: true, updatedAt: true,
          municipality: { select: { name: true, oktmo: true } },
          parent: { select: { shortName: true } },
        },
      },
    },
  });
  const confirmedBy = cabinet.dataConfirmedById
    ? await db.person.findUnique({ where: { id: cabinet.dataConfirmedById }, select: { lastName: true, firstName: true, middleName: true } })
    : null;
  return { ...cabinet, confirmedBy };
}
