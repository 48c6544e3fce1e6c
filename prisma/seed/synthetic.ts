// Large synthetic data sets for benchmarks: one municipality tree with N institutions spread over
// every connection state, loaded with multi-row inserts (createMany) in batches.
import type { Db } from "../../lib/db/prisma";
import { makeInn, ogrnCheckDigit, makeSnils } from "../../lib/requisites";
import { SPHERES, sphereId } from "../../lib/demo-world/reference";
import { REGION_ID } from "./demo";

export interface SyntheticOptions {
  institutions: number;
  departments: number;
  batchSize?: number;
  log?: (line: string) => void;
}

const SYN_OKTMO = "75999000";
export const SYN_MUNICIPALITY = `mun-${SYN_OKTMO}`;
export const SYN_ADMINISTRATION = "syn-org-admin";
const synDepartment = (d: number) => `syn-org-dep-${d}`;
const STATES = ["none", "pending", "rejected", "approved", "approved", "trained", "trained", "ready", "placed", "placed"] as const;

function ogrn(serial: number): string {
  const first12 = "1" + "23" + "74" + String(serial).padStart(7, "0");
  return first12 + ogrnCheckDigit(first12);
}

async function inBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedSynthetic(db: Db, opts: SyntheticOptions): Promise<void> {
  const log = opts.log ?? (() => {});
  const size = opts.batchSize ?? 5_000;
  const now = new Date();
  await db.municipality.upsert({
    where: { id: SYN_MUNICIPALITY },
    create: { id: SYN_MUNICIPALITY, regionId: REGION_ID, oktmo: SYN_OKTMO, name: "Синтетический городской округ", connectionDeadline: new Date("2022-06-30T00:00:00Z") },
    update: {},
  });
  const organs = [
    { id: SYN_ADMINISTRATION, name: "Администрация Синтетического городского округа", parentId: null as string | null },
    ...Array.from({ length: opts.departments }, (_, d) => ({ id: synDepartment(d + 1), name: `Управление № ${d + 1} администрации Синтетического городского округа`, parentId: SYN_ADMINISTRATION })),
  ];
  await db.organization.createMany({
    skipDuplicates: true,
    data: organs.map((o, i) => ({
      id: o.id, esiaOid: String(6_900_000_000 + i), fullName: o.name, shortName: o.name.replace(" администрации Синтетического городского округа", ""),
      ogrn: ogrn(9_000_000 + i), inn: makeInn(7499, 90_000 + i), kpp: "749901001", kind: "OMSU" as const, regionId: REGION_ID,
      municipalityId: SYN_MUNICIPALITY, parentId: o.parentId,
    })),
  });
  const reviewer = "syn-person-reviewer";
  await db.person.upsert({
    where: { id: reviewer },
    create: { id: reviewer, esiaOid: "6899999999", lastName: "Синтетический", firstName: "Проверяющий", snils: makeSnils(899_999_999) },
    update: {},
  });
  await db.cabinet.createMany({
    skipDuplicates: true,
    data: organs.map((o, i) => ({
      id: `syn-cab-ed-${o.id}`, lkoId: 900_000 + i, kind: "EDITORIAL" as const, type: "OMSU" as const, name: o.name, organizationId: o.id,
      regionId: REGION_ID, email: `organ${i}@synthetic.demo.test`,
    })),
  });
  log(`органы: ${organs.length}`);

  const n = opts.institutions;
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  const dep = (i: number) => synDepartment((i % opts.departments) + 1);
  const state = (i: number) => STATES[i % STATES.length];
  const approved = (i: number) => ["approved", "trained", "ready", "placed"].includes(state(i));

  await inBatches(ids, size, (batch) =>
    db.organization.createMany({
      skipDuplicates: true,
      data: batch.map((i) => ({
        id: `syn-org-${i}`, esiaOid: String(7_000_000_000 + i), fullName: `Муниципальное учреждение «Синтетическое учреждение № ${i}»`,
        shortName: `МУ «Учреждение № ${i}»`, ogrn: ogrn(i), inn: makeInn(7500 + Math.floor(i / 99_999), i % 99_999), kpp: "749901001",
        kind: "SUBORDINATE_OMSU" as const, regionId: REGION_ID, municipalityId: SYN_MUNICIPALITY, parentId: dep(i),
      })),
    }),
  );
  log(`учреждения: ${n}`);
  await inBatches(ids, size, (batch) =>
    db.person.createMany({
      skipDuplicates: true,
      data: batch.map((i) => ({
        id: `syn-person-${i}`, esiaOid: String(8_000_000_000 + i), lastName: "Синтетический", firstName: `Сотрудник ${i}`,
        snils: makeSnils(800_000_000 + i), email: `head${i}@synthetic.demo.test`,
      })),
    }),
  );
  await inBatches(ids.filter(approved), size, (batch) =>
    db.cabinet.createMany({
      skipDuplicates: true,
      data: batch.map((i) => {
        const s = state(i);
        const ready = s === "ready" || s === "placed";
        return {
          id: `syn-cab-${i}`, lkoId: 1_000_000 + i, kind: "WORK" as const, type: "SUBORDINATE_OMSU" as const, name: `МУ «Учреждение № ${i}»`,
          organizationId: `syn-org-${i}`, regionId: REGION_ID, editorialCabinetId: `syn-cab-ed-${dep(i)}`, email: `inst${i}@synthetic.demo.test`,
          officialSite: `https://inst${i}.synthetic.demo.test`, readyAccounts: ready, readyResponsibles: ready, readyTraining: ready || s === "trained",
          readyToWork: ready, widgetVariant: ready ? 17 : null, widgetGeneratedAt: ready ? now : null,
        };
      }),
    }),
  );
  await inBatches(ids.filter(approved), size, (batch) =>
    db.cabinetSphere.createMany({ skipDuplicates: true, data: batch.map((i) => ({ cabinetId: `syn-cab-${i}`, sphereId: sphereId(SPHERES[i % SPHERES.length].code) })) }),
  );
  log("кабинеты");
  const requested = ids.filter((i) => state(i) !== "none");
  await inBatches(requested, size, (batch) =>
    db.cabinetRequest.createMany({
      skipDuplicates: true,
      data: batch.map((i) => {
        const s = state(i);
        const status = s === "pending" ? ("PENDING" as const) : s === "rejected" ? ("REJECTED" as const) : ("APPROVED" as const);
        return {
          id: `syn-req-${i}`, organizationId: `syn-org-${i}`, kind: "WORK" as const, status, applicantId: `syn-person-${i}`,
          reviewerOrganizationId: dep(i), rejectionReason: status === "REJECTED" ? "Изменить название кабинета" : null,
          decidedAt: status === "PENDING" ? null : now, cabinetId: status === "APPROVED" ? `syn-cab-${i}` : null,
        };
      }),
    }),
  );
  await inBatches(requested, size, (batch) =>
    db.cabinetRequestRevision.createMany({
      skipDuplicates: true,
      data: batch.map((i) => ({
        id: `syn-rev-${i}`, requestId: `syn-req-${i}`, number: 1, name: `МУ «Учреждение № ${i}»`, regionId: REGION_ID, type: "SUBORDINATE_OMSU" as const,
        editorialCabinetId: `syn-cab-ed-${dep(i)}`, sphereIds: [sphereId(SPHERES[i % SPHERES.length].code)], email: `inst${i}@synthetic.demo.test`,
        authorId: `syn-person-${i}`,
      })),
    }),
  );
  log("заявки");
  await inBatches(ids.filter(approved), size, (batch) =>
    db.account.createMany({
      skipDuplicates: true,
      data: batch.map((i) => {
        const s = state(i);
        return {
          id: `syn-acc-${i}`, cabinetId: `syn-cab-${i}`, email: `head${i}@synthetic.demo.test`, lastName: "Синтетический", firstName: `Сотрудник ${i}`,
          position: "Руководитель", status: "CONFIRMED" as const, personId: `syn-person-${i}`, confirmedAt: now,
          trainingConfirmedAt: s === "approved" ? null : now,
        };
      }),
    }),
  );
  await inBatches(ids.filter(approved), size, (batch) =>
    db.accountRole.createMany({ skipDuplicates: true, data: batch.map((i) => ({ id: `syn-role-${i}`, accountId: `syn-acc-${i}`, role: "LKO_ADMIN" as const })) }),
  );
  await inBatches(ids.filter((i) => state(i) === "placed"), size, (batch) =>
    db.widgetPlacement.createMany({
      skipDuplicates: true,
      data: batch.map((i) => ({ id: `syn-wp-${i}`, cabinetId: `syn-cab-${i}`, origin: `https://inst${i}.synthetic.demo.test`, lastSeenAt: now })),
    }),
  );
  log("учетные записи и виджеты");
}
