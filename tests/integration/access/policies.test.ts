// Who may do what, on which cabinets: the shared policies every action and page relies on.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/access/actor";
import { filingGaps } from "@/lib/access/filing";
import { cabinetsWhere, capabilitiesOn, monitoringRoots, reviewableRequestsWhere, grants } from "@/lib/access/policies";
import { CAPABILITIES, NON_CABINET_CAPABILITIES, type CabinetCapability } from "@/lib/access/roles";
import { DEMO_INSTITUTION, ORG } from "@/lib/demo-world/esia-world";

const actor = (personId: string) => loadActor(personId);
const cabinetOrgs = async (personId: string, capability: Parameters<typeof cabinetsWhere>[1]) =>
  (await db.cabinet.findMany({ where: cabinetsWhere(await actor(personId), capability), select: { organizationId: true } })).map((c) => c.organizationId);

describe("права на кабинеты", () => {
  it("администратор ЛКО органа управляет своим кабинетом и кабинетами подведомственных, но не чужими", async () => {
    const orgs = await cabinetOrgs("person-organ-admin", "accounts.manage");
    expect(orgs).toContain(ORG.eduDepartment);
    expect(orgs).toContain("org-mag-school-16");
    expect(orgs).toContain("org-mag-kindergarten-7");
    expect(orgs.some((o) => o.startsWith("org-mag-culture"))).toBe(false);
    expect(orgs.some((o) => o.startsWith("org-agapovo"))).toBe(false);
    expect(orgs).not.toContain(ORG.cultureDepartment);
  });

  it("куратор по направлению видит только учреждения своих сфер", async () => {
    const orgs = await cabinetOrgs(`person-${ORG.eduDepartment.replace(/^org-/, "")}-chief`, "cabinet.manage");
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.every((o) => o.startsWith("org-mag-kindergarten"))).toBe(true);
    expect(await cabinetOrgs(`person-${ORG.eduDepartment.replace(/^org-/, "")}-chief`, "accounts.manage")).toEqual([]);
  });

  it("администратор учреждения — только свой кабинет", async () => {
    expect(await cabinetOrgs("person-mag-school-16-head", "accounts.manage")).toEqual(["org-mag-school-16"]);
  });

  it("без отметки об обучении учётная запись прав не даёт", async () => {
    const untrained = await db.account.findFirstOrThrow({ where: { status: "CONFIRMED", trainingConfirmedAt: null, personId: { not: null } } });
    const a = await actor(untrained.personId!);
    expect(a.accounts.find((x) => x.accountId === untrained.id)?.active).toBe(false);
    expect(grants(a, "cabinet.view").filter((g) => g.account.accountId === untrained.id)).toEqual([]);
  });

  it("региональный оператор видит все кабинеты региона, но учётными записями учреждений не управляет", async () => {
    expect((await cabinetOrgs("person-operator", "cabinet.view")).length).toBe(await db.cabinet.count({ where: { regionId: "region-74" } }));
    expect(await cabinetOrgs("person-operator", "accounts.manage")).toEqual([ORG.ministryDigital]);
  });

  it("человек без учётных записей не имеет прав ни на один кабинет", async () => {
    expect(await cabinetOrgs("person-no-org", "cabinet.view")).toEqual([]);
  });

  it("правило области в запросе и правило по прочитанному кабинету говорят одно и то же", async () => {
    // Pages decide on a cabinet already read (capabilitiesOn), actions and lists query (cabinetsWhere).
    const cabinets = (await db.cabinet.findMany({ select: { id: true, editorialCabinetId: true, regionId: true, spheres: { select: { sphereId: true } } } }))
      .map(({ spheres, ...c }) => ({ ...c, sphereIds: spheres.map((s) => s.sphereId) }));
    const people = await db.account.findMany({ where: { status: "CONFIRMED", personId: { not: null } }, select: { personId: true }, distinct: ["personId"] });
    const capabilities = CAPABILITIES.filter((c): c is CabinetCapability => !(NON_CABINET_CAPABILITIES as readonly string[]).includes(c));
    let compared = 0;
    for (const { personId } of people) {
      const a = await actor(personId!);
      for (const capability of capabilities) {
        const queried = new Set((await db.cabinet.findMany({ where: cabinetsWhere(a, capability), select: { id: true } })).map((c) => c.id));
        for (const cabinet of cabinets) {
          expect(capabilitiesOn(a, cabinet).has(capability), `${personId}, ${capability}, ${cabinet.id}`).toBe(queried.has(cabinet.id));
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);
});

describe("заявки и мониторинг", () => {
  it("подать заявку может руководитель или администратор с группой доступа — и видно, чего не хватает", async () => {
    expect(filingGaps(await actor("person-institution-admin"), DEMO_INSTITUTION.filing)).toEqual([]);
    expect(filingGaps(await actor("person-institution-head"), DEMO_INSTITUTION.headWithoutGroup)).toEqual(["group"]);
    expect(filingGaps(await actor("person-institution-employee"), DEMO_INSTITUTION.filing)).toEqual(["role"]);
    expect(filingGaps(await actor("person-no-org"), DEMO_INSTITUTION.filing)).toEqual(["membership"]);
  });

  it("заявки рассматривает орган, которому они адресованы", async () => {
    const reviewable = async (personId: string) =>
      (await db.cabinetRequest.findMany({ where: reviewableRequestsWhere(await actor(personId)), select: { organizationId: true } })).map((r) => r.organizationId);
    const uo = await reviewable("person-organ-admin");
    expect(uo).toContain("org-mag-school-14");
    expect(uo).not.toContain("org-mag-culture-1");
    expect(uo).not.toContain("org-agapovo-school-1");
    expect(await reviewable("person-other-organ-admin")).toContain("org-mag-culture-1");
    expect(await reviewable("person-operator")).toContain(ORG.eduDepartment); // editorial cabinets of organs
    expect(await reviewable("person-institution-admin")).toEqual([]);
  });

  it("ИТ-специалист города наблюдает за деревом администрации города, оператор — за регионом", async () => {
    expect(monitoringRoots(await actor("person-city-it"))).toEqual({ organizationIds: [ORG.cityAdministration], regionIds: [] });
    expect(monitoringRoots(await actor("person-operator"))).toEqual({ organizationIds: [], regionIds: ["region-74"] });
    expect(monitoringRoots(await actor("person-organ-admin"))).toEqual({ organizationIds: [], regionIds: [] });
  });
});
