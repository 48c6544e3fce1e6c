// What the portal stores at sign-in, its sessions, and the organization choice action.
import { beforeEach, describe, expect, it } from "vitest";
import { applyOrganizationGrant, signInFromEsia } from "@/lib/auth/profile-sync";
import { getPortalSession, loadSignedIn } from "@/lib/auth/session";
import { endPortalSession } from "@/lib/auth/sign-out";
import { chooseOrganization } from "@/lib/auth/organization-choice";
import { DEMO_INSTITUTION, demoPerson, organizationById } from "@/lib/demo-world/esia-world";
import { GOSPUBLIC_CABINET_GROUP } from "@/lib/demo-world/reference";
import { testDb } from "../../helpers/db";
import { withTemporaryEsiaKeys } from "../../helpers/esia-keys";
import { requestContext } from "../../helpers/request-context";
import { profileOf, signInAs } from "../../helpers/session";

const db = testDb();
beforeEach(() => requestContext.clear());

describe("вход: данные из ЕСИА сохраняются в базе", () => {
  it("человек, его организации с признаками руководителя/администратора и группами доступа", async () => {
    const person = demoPerson("multiOrg");
    const { personId, sessionId } = await signInFromEsia(profileOf(person), "sid-1");
    const memberships = await db.membership.findMany({
      where: { personId, active: true },
      include: { groups: { include: { group: true } }, organization: true },
      orderBy: { organizationId: "asc" },
    });
    expect(memberships.map((m) => m.organizationId).sort()).toEqual([DEMO_INSTITUTION.filing, DEMO_INSTITUTION.multiSecond].sort());
    const second = memberships.find((m) => m.organizationId === DEMO_INSTITUTION.multiSecond)!;
    expect(second).toMatchObject({ chief: true, admin: false });
    expect(second.groups.map((g) => g.group.mnemonic)).toEqual([GOSPUBLIC_CABINET_GROUP]);
    // Two organizations: the person chooses; nothing is preselected.
    expect((await db.authSession.findUniqueOrThrow({ where: { id: sessionId } })).selectedOrganizationId).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.signed_in", actorPersonId: personId } })).toBe(1);
  });

  it("новая организация получает регион по ОГРН из справочника в базе, а неизвестный код — регион портала", async () => {
    const person = demoPerson("institutionAdmin");
    const base = profileOf(person).organizations[0];
    // ОГРН digits 4–5: 66 (Свердловская область) and 00 (no region), both with valid check digits.
    const orgs = [
      { ...base, oid: "9100001", ogrn: "1026600000008", shortName: "Организация из Екатеринбурга", fullName: "Организация из Екатеринбурга" },
      { ...base, oid: "9100002", ogrn: "1020000000008", shortName: "Организация без региона", fullName: "Организация без региона" },
    ];
    await signInFromEsia({ ...profileOf(person), organizations: orgs }, "sid-regions");
    const regionOf = async (ogrn: string) => (await db.organization.findUniqueOrThrow({ where: { ogrn }, select: { region: { select: { code: true } } } })).region.code;
    expect(await regionOf("1026600000008")).toBe(66);
    expect(await regionOf("1020000000008")).toBe(74);
  });

  it("даже единственная организация выбирается только после её авторизации в ЕСИА", async () => {
    const { sessionId } = await signInFromEsia(profileOf(demoPerson("institutionAdmin")), "sid-2");
    expect((await db.authSession.findUniqueOrThrow({ where: { id: sessionId } })).selectedOrganizationId).toBeNull();
  });

  it("вход без областей организаций (групп нет в ответе ЕСИА) не трогает последние известные группы", async () => {
    const person = demoPerson("multiOrg");
    const { personId } = await signInFromEsia(profileOf(person), "sid-2a");
    const withoutGroups = { ...profileOf(person), organizations: profileOf(person).organizations.map((o) => ({ ...o, groups: undefined, inn: undefined })) };
    await signInFromEsia(withoutGroups, "sid-2b");
    const groups = await db.membershipGroup.count({ where: { membership: { personId } } });
    expect(groups).toBe(2);
  });

  it("повторный вход обновляет роли и группы: снятые в ЕСИА перестают действовать", async () => {
    const person = demoPerson("multiOrg");
    const profile = profileOf(person);
    await signInFromEsia(profile, "sid-3");
    const changed = {
      ...profile,
      organizations: [{ ...profile.organizations.find((o) => (o.groups?.length ?? 0) > 0 && o.chief)!, chief: false, admin: false, groups: [] }],
    };
    const { personId } = await signInFromEsia(changed, "sid-4");
    const active = await db.membership.findMany({ where: { personId, active: true }, include: { groups: true } });
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ organizationId: DEMO_INSTITUTION.multiSecond, chief: false, admin: false, groups: [] });
    expect(await db.membership.count({ where: { personId, active: false } })).toBe(1);
  });

  it("незнакомая порталу организация регистрируется по реквизитам ЕСИА, вид — неизвестен", async () => {
    const profile = profileOf(demoPerson("noOrg"));
    profile.organizations = [{
      oid: "5999999001", ogrn: "1027700132195", fullName: "Новая организация", shortName: "Новая", type: "LEGAL", chief: true, admin: false, active: true,
      inn: "7707083893", kpp: "773601001", groups: [],
    }];
    await signInFromEsia(profile, "sid-5");
    const org = await db.organization.findUniqueOrThrow({ where: { ogrn: "1027700132195" } });
    expect(org).toMatchObject({ esiaOid: "5999999001", kind: null, regionId: "region-77", inn: "7707083893" });
  });

  it("ИНН незнакомой организации неизвестен до её авторизации: /roles его не даёт, scope_org — даёт", async () => {
    const profile = profileOf(demoPerson("noOrg"));
    // What the real /rs/prns/{oid}/roles returns: no ИНН, КПП or ОКТМО without the organization's own scopes.
    profile.organizations = [{
      oid: "5999999002", ogrn: "1077749999128", fullName: "Ещё одна организация", shortName: "Ещё одна", type: "LEGAL", chief: true, admin: true, active: true,
    }];
    const { personId, sessionId } = await signInFromEsia(profile, "sid-6");
    const org = await db.organization.findUniqueOrThrow({ where: { ogrn: "1077749999128" } });
    expect(org.inn).toBeNull();
    await applyOrganizationGrant({ sessionId, personId, organizationId: org.id, grant: { oid: "5999999002", ogrn: "1077749999128", inn: "7749999127", kpp: "774901001", groups: [] } });
    expect(await db.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ inn: "7749999127", kpp: "774901001" });
  });
});

describe("сеанс портала", () => {
  it("читается из настоящей cookie next-auth и заканчивается при выходе", async () => {
    const { sessionId } = await signInAs("institutionAdmin");
    const session = await getPortalSession();
    expect(session?.sessionId).toBe(sessionId);
    expect(session?.organization?.id).toBe(DEMO_INSTITUTION.filing);
    expect((await getPortalSession())?.sessionId).toBe(sessionId);
    await endPortalSession(sessionId, session!.person.id);
    expect(await loadSignedIn(sessionId)).toBeNull();
    // The same cookie again (its decryption is kept per value): the ended session row decides.
    expect(await getPortalSession()).toBeNull();
  });

  it("не принимает подделанную cookie и просроченный сеанс", async () => {
    requestContext.setCookie("next-auth.session-token", "подделка");
    expect(await getPortalSession()).toBeNull();
    const { sessionId } = await signInAs("operator");
    expect(await loadSignedIn(sessionId, new Date(Date.now() + 9 * 3600_000))).toBeNull();
  });
});

describe("выбор организации (серверное действие)", () => {
  withTemporaryEsiaKeys();

  it("отправляет в ЕСИА за правами выбранной организации; выбор ещё не записан", async () => {
    const { sessionId } = await signInAs("multiOrg");
    const result = await chooseOrganization({ organizationId: DEMO_INSTITUTION.multiSecond });
    expect(result.ok).toBe(true);
    const url = new URL((result as { data: { authorizationUrl: string } }).data.authorizationUrl);
    expect(url.pathname).toBe("/aas/oauth2/v2/ac");
    expect(url.searchParams.get("scope_org")).toBe(organizationById.get(DEMO_INSTITUTION.multiSecond)!.esiaOid);
    expect(url.searchParams.get("redirect_uri")).toBe("http://portal.test/api/esia/organization/callback");
    expect(requestContext.cookies()["pos.esia-org-handshake"]).toBeTruthy();
    expect((await db.authSession.findUniqueOrThrow({ where: { id: sessionId } })).selectedOrganizationId).toBeNull();
  });

  it("отказывает в чужой организации и ничего не меняет", async () => {
    const { sessionId } = await signInAs("multiOrg");
    const result = await chooseOrganization({ organizationId: "org-roiv-mincifry" });
    expect(result).toEqual({ ok: false, error: "Вы не числитесь сотрудником этой организации в ЕСИА." });
    expect((await db.authSession.findUniqueOrThrow({ where: { id: sessionId } })).selectedOrganizationId).toBeNull();
  });

  it("на неверный ввод отвечает сообщением у поля", async () => {
    await signInAs("multiOrg");
    for (const input of [{}, { organizationId: 42 }, { organizationId: "" }, { organizationId: "x".repeat(10_000) }, null, "строка"]) {
      const result = await chooseOrganization(input);
      expect(result.ok, JSON.stringify(input)?.slice(0, 40)).toBe(false);
      if (!result.ok) expect(result.error).toBe("Проверьте правильность заполнения полей.");
    }
  });

  it("без входа — просит войти", async () => {
    expect(await chooseOrganization({ organizationId: DEMO_INSTITUTION.filing })).toEqual({ ok: false, error: "Сеанс завершён. Войдите снова через Госуслуги." });
  });
});
