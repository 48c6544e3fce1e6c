// The authorization matrix: every server action (ACTION_REGISTRY) and every route handler
// (app/**/route.ts) against every kind of caller. authorization-matrix.test.ts and
// route-matrix.test.ts call each one as each identity and hold it to this table; an action or a
// route missing here fails them.
//
// Adding a row: give the target in words, the verdicts (`only("organ", "institution")` = those
// allowed, everyone else refused), and `input`, which creates fresh target data and returns a
// VALID input, so that a refusal can only come from authorization.
import { formFields, fromAddress } from "../../helpers/citizen-form";
import { randomUUID } from "node:crypto";
import type { DemoPersonKey, WorldPerson } from "@/lib/demo-world/esia-world";
import type { AccountRoleKind } from "@/lib/db/generated/enums";
import { makeSnils } from "@/lib/requisites";
import { BANNER_TEXTS } from "@/lib/widget/banner";
import { hashToken } from "@/lib/security/tokens";
import { testDb } from "../../helpers/db";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { INSTITUTION_SCENARIOS } from "@/prisma/seed/scenarios";
import { pendingSchoolRequest } from "../requests/support";
import { ensureFreshStatus } from "@/lib/status/dashboard";
import { ratingToken } from "@/lib/messages/rating-link";

// ───────────── Who calls ─────────────

/**
 * Role-only accounts (issue 17): a person of the organization without any ЕСИА flag or group, with a
 * confirmed and trained ЛКО account holding exactly one role. Test fixtures, not demo data: the
 * names are invented, the rows are created in each test file's own database (ensureRoleOnlyAccounts).
 */
const ROLE_ONLY = {
  observer: { n: 1, lastName: "Наблюдаева", firstName: "Ольга", organizationId: "org-mag-school-16", cabinetId: "cab-work-mag-school-16", role: "OBSERVER", spheres: [] },
  moderator: { n: 2, lastName: "Модерова", firstName: "Марина", organizationId: "org-mag-school-33", cabinetId: "cab-work-mag-school-33", role: "MODERATOR", spheres: [] },
  curator: { n: 3, lastName: "Кураторова", firstName: "Кира", organizationId: "org-omsu-mag-uo", cabinetId: "cab-ed-omsu-mag-uo", role: "CURATOR", spheres: ["sphere-education"] },
} as const satisfies Record<string, { n: number; lastName: string; firstName: string; organizationId: string; cabinetId: string; role: AccountRoleKind; spheres: readonly string[] }>;

function rolePerson(key: keyof typeof ROLE_ONLY): WorldPerson {
  const r = ROLE_ONLY[key];
  return {
    id: `person-matrix-${key}`, esiaOid: String(2_000_000_000 + r.n), lastName: r.lastName, firstName: r.firstName, middleName: "Тестовна",
    snils: makeSnils(290_000_000 + r.n), email: `matrix.${key}@role-only.demo.test`, mobile: `+7 (900) 999-00-0${r.n}`,
    memberships: [{ organizationId: r.organizationId, chief: false, admin: false, position: "Специалист", groups: [] }],
  };
}

/** Creates the role-only persons and their accounts (idempotent: each test file has its own database). */
export async function ensureRoleOnlyAccounts() {
  const db = testDb();
  for (const [key, r] of Object.entries(ROLE_ONLY)) {
    const p = rolePerson(key as keyof typeof ROLE_ONLY);
    await db.person.upsert({
      where: { id: p.id }, update: {},
      create: { id: p.id, esiaOid: p.esiaOid, lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, snils: p.snils, email: p.email, mobile: p.mobile },
    });
    const accountId = `acc-matrix-${key}`;
    if (await db.account.findUnique({ where: { id: accountId }, select: { id: true } })) continue;
    await db.account.create({
      data: {
        id: accountId, cabinetId: r.cabinetId, personId: p.id, email: p.email, lastName: p.lastName, firstName: p.firstName, middleName: p.middleName,
        position: "Специалист", status: "CONFIRMED", confirmedAt: new Date(), trainingConfirmedAt: new Date(),
        roles: { create: { role: r.role, spheres: { create: r.spheres.map((sphereId) => ({ sphereId })) } } },
      },
    });
  }
}

/** Signs one identity in (the role-only fixtures first). */
export async function signInIdentity(key: IdentityKey) {
  await ensureRoleOnlyAccounts();
  return signInAs(IDENTITIES[key].who!);
}

/**
 * The targets of the rows below sit in the tree of the Управление образования of Magnitogorsk:
 * its editorial cabinet and the work cabinet of its subordinate school МОУ «СОШ № 16».
 */
export const IDENTITIES = {
  organ: { label: "свой орган: Администратор ЛКО Управления образования", who: "organAdmin" },
  institution: { label: "подведомственное учреждение: Администратор ЛКО МОУ «СОШ № 16»", who: { personId: "person-mag-school-16-head" } },
  otherOrgan: { label: "другой орган: Администратор ЛКО Управления культуры", who: "otherOrganAdmin" },
  operator: { label: "региональный оператор ПОС (Минцифры)", who: "operator" },
  cityIt: { label: "ИТ-специалист администрации города", who: "cityIt" },
  invitee: { label: "приглашённый, ещё не подтвердивший учётную запись (МОУ «СОШ № 10»)", who: "invitee" },
  // Issue 20: the message back office. Message targets sit in МОУ «СОШ № 33» (its coordinator,
  // executor and Руководитель); beside it МОУ «СОШ № 40», above it the Управление образования.
  coordinator: { label: "координатор МОУ «СОШ № 33»", who: "messageCoordinator" },
  executor: { label: "исполнитель МОУ «СОШ № 33», которому назначено сообщение", who: "messageExecutor" },
  supervisor: { label: "руководитель МОУ «СОШ № 33» (утверждает ответы)", who: "messageSupervisor" },
  siblingCoordinator: { label: "координатор соседнего учреждения (МОУ «СОШ № 40»)", who: "siblingCoordinator" },
  otherExecutor: { label: "исполнитель другого кабинета (МОУ «СОШ № 40»)", who: "siblingExecutor" },
  organCoordinator: { label: "координатор вышестоящего органа (Управление образования)", who: "organCoordinator" },
  // Issue 17: accounts that hold one role and nothing else (test fixtures, ROLE_ONLY below), an
  // administrator of a sibling institution and one of another district's organ.
  observer: { label: "только роль «Наблюдатель» в кабинете МОУ «СОШ № 16»", who: { person: rolePerson("observer") } },
  moderator: { label: "только роль «Модератор/исполнитель сообщений» в кабинете МОУ «СОШ № 33»", who: { person: rolePerson("moderator") } },
  curator: { label: "только роль «Куратор по направлению» (сфера «Образование») в кабинете Управления образования", who: { person: rolePerson("curator") } },
  siblingAdmin: { label: "соседнее учреждение: Администратор ЛКО МОУ «СОШ № 18» (то же Управление образования)", who: "widgetHead" },
  districtOrgan: { label: "орган другого района: Администратор ЛКО Управления образования Агаповского района", who: "agapovoAdmin" },
  citizen: { label: "гражданин без организаций", who: "noOrg" },
  signedOut: { label: "без входа", who: null },
} as const satisfies Record<string, { label: string; who: DemoPersonKey | { personId: string } | { person: WorldPerson } | null }>;

export type IdentityKey = keyof typeof IDENTITIES;
export const IDENTITY_KEYS = Object.keys(IDENTITIES) as IdentityKey[];

/** allow: authorized and done. deny: refused by authorization, nothing written. rule: authorized, then refused by a domain rule (message), nothing written. */
export type Verdict = "allow" | "deny" | { rule: RegExp };

/** Signs every identity in once: its cookies and person id (empty and null when signed out). */
export async function signInIdentities() {
  await ensureRoleOnlyAccounts();
  const cookies = new Map<IdentityKey, Record<string, string>>();
  const persons = new Map<IdentityKey, string | null>();
  for (const key of IDENTITY_KEYS) {
    const who = IDENTITIES[key].who;
    if (!who) {
      cookies.set(key, {});
      persons.set(key, null);
      continue;
    }
    persons.set(key, (await signInAs(who)).personId);
    cookies.set(key, requestContext.cookies());
  }
  requestContext.clear();
  return { cookies, persons };
}

/** The listed identities are allowed, everyone else refused. */
export function only(...allowed: IdentityKey[]): Record<IdentityKey, Verdict> {
  return Object.fromEntries(IDENTITY_KEYS.map((k) => [k, allowed.includes(k) ? "allow" : "deny"])) as Record<IdentityKey, Verdict>;
}

export interface CellContext {
  identity: IdentityKey;
  /** The caller's person id (null when signed out). */
  personId: string | null;
}

export interface ActionRow {
  target: string;
  verdicts: Record<IdentityKey, Verdict>;
  /** Creates the row's target afresh for one call and returns a valid input naming it. */
  input: (ctx: CellContext) => Promise<unknown>;
  /** Puts shared demo data back after the call (only where a call changes something other rows use). */
  after?: (ctx: CellContext) => Promise<void>;
}

// ───────────── Targets ─────────────

export const SCHOOL_16 = { organizationId: "org-mag-school-16", cabinetId: "cab-work-mag-school-16" } as const;
const INVITEE_ACCOUNT = "acc-mag-school-10-2";

const uniqueEmail = (what: string) => `matrix.${what}.${randomUUID().slice(0, 8)}@school16.demo.test`;

/** An account of МОУ «СОШ № 16», in the given status, with a live invitation if invited. */
async function school16Account(status: "INVITED" | "ARCHIVED") {
  const db = testDb();
  const email = uniqueEmail(status.toLowerCase());
  const account = await db.account.create({
    data: {
      cabinetId: SCHOOL_16.cabinetId, email, lastName: "Матрицева", firstName: "Анна", position: "Учитель", status,
      statusBeforeArchive: status === "ARCHIVED" ? "INVITED" : null, archivedAt: status === "ARCHIVED" ? new Date() : null,
      roles: { create: { role: "MODERATOR" } },
    },
  });
  if (status === "INVITED") {
    await db.invitation.create({ data: { accountId: account.id, tokenHash: hashToken(randomUUID()), sentTo: email, expiresAt: new Date(Date.now() + 86_400_000) } });
  }
  return account.id;
}

const newAccountInput = () => ({
  cabinetId: SCHOOL_16.cabinetId, lastName: "Луговская", firstName: "Алина", middleName: "Андреевна", email: uniqueEmail("new"),
  phone: "+7 (900) 111-22-33", position: "Заместитель директора", roles: ["MODERATOR"], curatorSphereIds: [],
});

const importInput = () => ({
  cabinetId: SCHOOL_16.cabinetId,
  csv: `Фамилия;Имя;Отчество;Email;Телефон;Должность;Роли\nЛуговской;Глеб;Егорович;${uniqueEmail("csv")};;Учитель информатики;Наблюдатель\n`,
});

/** A work cabinet request as the organization would file it (an organ's: by its own editorial cabinet). */
async function workRequestOf(organizationId: string) {
  const db = testDb();
  const organization = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { shortName: true, kind: true, parentId: true } });
  const own = await db.cabinet.findFirst({ where: { organizationId, kind: "EDITORIAL" }, select: { id: true, type: true, spheres: { select: { sphereId: true } } } });
  const editorial = own ?? (await db.cabinet.findFirstOrThrow({ where: { organizationId: organization.parentId!, kind: "EDITORIAL" }, select: { id: true } }));
  return {
    kind: "WORK", name: `${organization.shortName} (рабочий кабинет)`, regionId: "region-74", type: own?.type ?? organization.kind,
    editorialCabinetId: editorial.id, sphereIds: own ? own.spheres.map((s) => s.sphereId) : ["sphere-education"], email: uniqueEmail("request"),
  };
}

const ORGANIZATION_OF: Partial<Record<IdentityKey, string>> = {
  organ: "org-omsu-mag-uo", institution: SCHOOL_16.organizationId, otherOrgan: "org-omsu-mag-uk", operator: "org-roiv-mincifry",
  siblingAdmin: "org-mag-school-18", districtOrgan: "org-omsu-agapovo-uo",
};

async function setOfficialSite(site: string) {
  await testDb().cabinet.update({ where: { id: SCHOOL_16.cabinetId }, data: { officialSite: site, noSite: false, noSiteReason: null } });
}

// ───────────── Citizens' messages (issue 20) ─────────────

const MESSAGE_STAFF = ["coordinator", "executor", "supervisor", "siblingCoordinator", "otherExecutor", "organCoordinator"] as const satisfies readonly IdentityKey[];
export const SCHOOL_33 = { cabinetId: "cab-work-mag-school-33", executorAccountId: "acc-mag-school-33-msg-2" } as const;

/** A fresh message of МОУ «СОШ № 33» in the given state (by default «Новое», on moderation). */
async function school33Message(state: Record<string, unknown> = {}) {
  const m = await testDb().citizenMessage.create({
    data: {
      cabinetId: SCHOOL_33.cabinetId, receivedCabinetId: SCHOOL_33.cabinetId, category: "other", text: "Сообщение для проверки прав", authorName: "Гражданин",
      contact: "citizen@mail.demo.test", consentAt: new Date(), plannedOn: new Date(Date.now() + 14 * 86_400_000), ...state,
    },
    select: { id: true, version: true },
  });
  return { messageId: m.id, version: m.version };
}

const inExecution = (extra: Record<string, unknown> = {}) => school33Message({ stage: "EXECUTION", status: "EXECUTOR_ASSIGNED", executorId: SCHOOL_33.executorAccountId, ...extra });
const onApproval = () => inExecution({ stage: "APPROVAL", status: "ON_APPROVAL", answerText: "Здравствуйте! Ответ на сообщение.", resolution: "RESOLVED" });
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
/** A working day a month or more ahead (Monday to Friday and not in the calendar's exceptions). */
const workingDayAhead = () => {
  for (let n = 40; ; n++) {
    const day = inDays(n);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !/-(01-0[1-9]|02-23|03-0[89]|05-0[1-9]|05-1[01]|06-1[24]|11-0[45]|12-31)$/.test(day)) return day;
  }
};

const MESSAGE_ROWS: Record<string, ActionRow> = {
  "messages.accept": { target: "новое сообщение МОУ «СОШ № 33» на модерации", verdicts: only("coordinator", "moderator"), input: () => school33Message() },
  "messages.reject": {
    target: "новое сообщение МОУ «СОШ № 33» на модерации", verdicts: only("coordinator", "moderator"),
    input: async () => ({ ...(await school33Message()), rejection: "SPAM", reason: "Реклама" }),
  },
  "messages.categorize": {
    target: "принятое сообщение МОУ «СОШ № 33»", verdicts: only("coordinator", "moderator"),
    input: async () => ({ ...(await school33Message({ stage: "COORDINATION", status: "ACCEPTED" })), category: "safety", subcategory: "Ограждение и охрана" }),
  },
  "messages.assign": {
    target: "принятое сообщение МОУ «СОШ № 33»", verdicts: only("coordinator", "moderator"),
    input: async () => ({ ...(await school33Message({ stage: "COORDINATION", status: "ACCEPTED" })), executorId: SCHOOL_33.executorAccountId }),
  },
  "messages.redirect": {
    target: "принятое сообщение МОУ «СОШ № 33» → в Управление образования", verdicts: only("coordinator", "moderator"),
    input: async () => ({ ...(await school33Message({ stage: "COORDINATION", status: "ACCEPTED" })), targetCabinetId: "cab-ed-omsu-mag-uo", reason: "Вопрос к управлению" }),
  },
  "messages.saveDraft": {
    target: "сообщение МОУ «СОШ № 33», назначенное исполнителю", verdicts: only("executor"),
    input: async () => ({ ...(await inExecution()), answerText: "Черновик ответа", resolution: "RESOLVED" }),
  },
  "messages.submitAnswer": {
    target: "сообщение МОУ «СОШ № 33», назначенное исполнителю", verdicts: only("executor"),
    input: async () => ({ ...(await inExecution()), answerText: "Здравствуйте! Проблема устранена.", resolution: "RESOLVED" }),
  },
  "messages.requestExtension": {
    target: "сообщение МОУ «СОШ № 33», назначенное исполнителю", verdicts: only("executor"),
    input: async () => ({ ...(await inExecution()), until: workingDayAhead(), reason: "Нужен подрядчик" }),
  },
  "messages.decideExtension": {
    target: "запрос переноса срока сообщения МОУ «СОШ № 33»", verdicts: only("supervisor"),
    input: async () => ({ ...(await inExecution({ status: "EXTENSION_REQUESTED", extensionUntil: new Date(`${workingDayAhead()}T00:00:00Z`), extensionReason: "Нужен подрядчик" })), decision: "approve" }),
  },
  "messages.approve": { target: "ответ на сообщение МОУ «СОШ № 33» на согласовании", verdicts: only("supervisor"), input: () => onApproval() },
  "messages.returnAnswer": {
    target: "ответ на сообщение МОУ «СОШ № 33» на согласовании", verdicts: only("supervisor"),
    input: async () => ({ ...(await onApproval()), comment: "Дополните ответ" }),
  },
  // What the ЛКО administrator sets: the cabinet of МОУ «СОШ № 16» (its own administrator and the organ's).
  "messages.saveTemplate": {
    target: "шаблон ответа кабинета МОУ «СОШ № 16»", verdicts: only("organ", "institution"),
    input: async () => ({ cabinetId: SCHOOL_16.cabinetId, title: "Шаблон", text: "Здравствуйте! Спасибо за обращение." }),
  },
  "messages.deleteTemplate": {
    target: "шаблон ответа кабинета МОУ «СОШ № 16»", verdicts: only("organ", "institution"),
    input: async () => ({ templateId: (await testDb().answerTemplate.create({ data: { cabinetId: SCHOOL_16.cabinetId, title: "Шаблон", text: "Текст шаблона ответа" } })).id }),
  },
  "messages.saveAutoRule": {
    target: "автоправило кабинета МОУ «СОШ № 16»", verdicts: only("organ", "institution"),
    input: async () => ({ cabinetId: SCHOOL_16.cabinetId, category: "food", executorId: "acc-mag-school-16-2" }),
  },
  "messages.deleteAutoRule": {
    target: "автоправило кабинета МОУ «СОШ № 16»", verdicts: only("organ", "institution"),
    input: async () => {
      const db = testDb();
      const rule = await db.messageAutoRule.upsert({
        where: { cabinetId_category: { cabinetId: SCHOOL_16.cabinetId, category: "safety" } },
        create: { cabinetId: SCHOOL_16.cabinetId, category: "safety", executorId: "acc-mag-school-16-2" }, update: {},
      });
      return { ruleId: rule.id };
    },
  },
  "messages.saveDeadline": { target: "срок ответа по категории в регионе", verdicts: only("operator"), input: async () => ({ category: "safety", workingDays: 5 }) },
  "messages.saveCalendarDay": {
    target: "день производственного календаря региона", verdicts: only("operator"),
    input: async () => ({ day: "2027-11-05", working: "rest", note: "Перенос выходного дня" }),
  },
  "messages.deleteCalendarDay": {
    target: "день производственного календаря региона", verdicts: only("operator"),
    input: async () => {
      await testDb().workCalendarDay.upsert({
        where: { regionId_day: { regionId: "region-74", day: new Date("2027-11-13T00:00:00Z") } },
        create: { regionId: "region-74", day: new Date("2027-11-13T00:00:00Z"), working: true, note: "Рабочая суббота" }, update: {},
      });
      return { day: "2027-11-13" };
    },
  },
};

// ───────────── Server actions ─────────────

export const ACTION_MATRIX: Record<string, ActionRow> = {
  "accounts.add": {
    target: "новый пользователь в кабинете МОУ «СОШ № 16»",
    verdicts: only("organ", "institution"),
    input: async () => newAccountInput(),
  },
  "accounts.resendInvitation": {
    target: "приглашённая учётная запись МОУ «СОШ № 16»",
    verdicts: only("organ", "institution"),
    input: async () => ({ accountId: await school16Account("INVITED") }),
  },
  "accounts.archive": {
    target: "учётная запись МОУ «СОШ № 16»",
    verdicts: only("organ", "institution"),
    input: async () => ({ accountId: await school16Account("INVITED") }),
  },
  "accounts.restore": {
    target: "учётная запись МОУ «СОШ № 16» в архиве",
    verdicts: only("organ", "institution"),
    input: async () => ({ accountId: await school16Account("ARCHIVED") }),
  },
  "accounts.approve": {
    target: "учётная запись МОУ «СОШ № 16», принятая сотрудником с другим ФИО (ожидает подтверждения)",
    verdicts: only("organ", "institution"),
    input: async () => {
      // Issue 17, finding 3 (decision 077): a colleague accepted through ЕСИА membership.
      const db = testDb();
      const colleague = await db.person.create({ data: { esiaOid: `matrix-${randomUUID()}`, lastName: "Другова", firstName: "Анна" } });
      const accountId = await school16Account("INVITED");
      await db.account.update({ where: { id: accountId }, data: { status: "AWAITING_APPROVAL", personId: colleague.id } });
      return { accountId };
    },
  },
  "accounts.import.preview": {
    target: "проверка файла CSV для кабинета МОУ «СОШ № 16»",
    verdicts: only("organ", "institution"),
    input: async () => importInput(),
  },
  "accounts.import": {
    target: "загрузка файла CSV в кабинет МОУ «СОШ № 16»",
    verdicts: only("organ", "institution"),
    input: async () => importInput(),
  },
  "accounts.confirmTraining": {
    target: "своя подтверждённая учётная запись без отметки об обучении",
    verdicts: only("organ", "institution", "otherOrgan", "operator", "cityIt", ...MESSAGE_STAFF, "observer", "moderator", "curator", "siblingAdmin", "districtOrgan"),
    input: async ({ personId }) => {
      // Whoever has a confirmed account gets its tick taken away first; the action puts it back.
      if (personId) await testDb().account.updateMany({ where: { personId, status: "CONFIRMED" }, data: { trainingConfirmedAt: null } });
      return { trained: true, next: "/admin" };
    },
  },
  "session.chooseOrganization": {
    target: "организация МОУ «СОШ № 16» (выбор: запрос её прав в ЕСИА)",
    // Whoever works there (ЕСИА lists them in it), whatever their roles.
    verdicts: only("institution", "observer"),
    input: async () => ({ organizationId: SCHOOL_16.organizationId }),
  },
  "cabinets.confirmData": {
    target: "«Данные актуальны» кабинета МОУ «СОШ № 16»",
    // The curator of education manages the cabinets of the organ's schools (cabinet.manage, boundInSpheres).
    verdicts: only("organ", "institution", "curator"),
    input: async () => ({ cabinetId: SCHOOL_16.cabinetId, confirmed: true }),
  },
  "functioning.saveReadiness": {
    target: "точки готовности и сайт кабинета МОУ «СОШ № 16»",
    verdicts: only("organ", "institution"),
    input: async () => ({
      cabinetId: SCHOOL_16.cabinetId, readyAccounts: true, readyResponsibles: true, readyTraining: true, readyToWork: true,
      siteMode: "site", officialSite: "https://mag-school16.demo.test",
    }),
  },
  "invitations.accept": {
    target: "приглашение в кабинет МОУ «СОШ № 10», адресованное приглашённой",
    verdicts: only("invitee"),
    input: async () => {
      const db = testDb();
      const token = `matrix-${randomUUID()}`;
      await db.invitation.updateMany({ where: { accountId: INVITEE_ACCOUNT, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
      const account = await db.account.findUniqueOrThrow({ where: { id: INVITEE_ACCOUNT }, select: { email: true } });
      await db.invitation.create({ data: { accountId: INVITEE_ACCOUNT, tokenHash: hashToken(token), sentTo: account.email, expiresAt: new Date(Date.now() + 86_400_000) } });
      return { token };
    },
    // The demo invitee stays invited for the other rows.
    after: async () => {
      await testDb().account.update({ where: { id: INVITEE_ACCOUNT }, data: { status: "INVITED", personId: null, confirmedAt: null, trainingConfirmedAt: null } });
    },
  },
  ...MESSAGE_ROWS,
  "requests.file": {
    target: "заявка на рабочий кабинет своей организации",
    verdicts: {
      ...only("organ", "otherOrgan", "districtOrgan"),
      // Authorized (a руководитель with the access group), but the school already has its work cabinet.
      institution: { rule: /уже есть рабочий кабинет/ },
      // Authorized, but the operator's own organ has nobody above it to review the request.
      operator: { rule: /нет регионального оператора/ },
      siblingAdmin: { rule: /уже есть рабочий кабинет/ },
    },
    input: async ({ identity }) => workRequestOf(ORGANIZATION_OF[identity] ?? "org-omsu-mag-uo"),
  },
  "requests.resubmit": {
    target: "отклонённая заявка МОУ «СОШ № 16»",
    verdicts: only("institution"),
    input: async () => {
      const db = testDb();
      // One open request per organization: the previous call's is closed first.
      await db.cabinetRequestRevision.deleteMany({ where: { request: { organizationId: SCHOOL_16.organizationId, status: { in: ["PENDING", "REJECTED"] } } } });
      await db.cabinetRequest.deleteMany({ where: { organizationId: SCHOOL_16.organizationId, status: { in: ["PENDING", "REJECTED"] } } });
      const fields = await workRequestOf(SCHOOL_16.organizationId);
      const request = await db.cabinetRequest.create({
        data: {
          organizationId: SCHOOL_16.organizationId, kind: "WORK", applicantId: "person-mag-school-16-head", reviewerOrganizationId: "org-omsu-mag-uo",
          status: "REJECTED", rejectionReason: "Неверно указано наименование", decidedAt: new Date(),
          revisions: {
            create: {
              number: 1, name: fields.name, regionId: fields.regionId, type: "SUBORDINATE_OMSU", editorialCabinetId: fields.editorialCabinetId,
              sphereIds: fields.sphereIds, email: fields.email, authorId: "person-mag-school-16-head", decision: "REJECTED", reason: "Неверно указано наименование",
            },
          },
        },
      });
      return { ...fields, requestId: request.id, version: 0 };
    },
  },
  "requests.approve": {
    target: "заявка школы, адресованная Управлению образования",
    verdicts: only("organ"),
    input: async () => {
      const { requestId, version } = await pendingSchoolRequest();
      return { requestId, version };
    },
  },
  "requests.reject": {
    target: "заявка школы, адресованная Управлению образования",
    verdicts: only("organ"),
    input: async () => {
      const { requestId, version } = await pendingSchoolRequest();
      return { requestId, version, reason: "Неверно указано наименование учреждения" };
    },
  },
  "widget.generate": {
    target: "код виджета кабинета МОУ «СОШ № 16»",
    verdicts: only("organ", "institution"),
    input: async () => {
      await setOfficialSite("https://mag-school16.demo.test");
      return { cabinetId: SCHOOL_16.cabinetId, variant: 2, bannerText: BANNER_TEXTS[0].text };
    },
  },
  "widget.checkSite": {
    target: "проверка сайта кабинета МОУ «СОШ № 16» (просмотр)",
    // Whoever sees the cabinet: its observer and the curator of its sphere too.
    verdicts: only("organ", "institution", "operator", "observer", "curator"),
    input: async () => {
      // A local address the site check refuses at once (UNREACHABLE): no network in the test.
      await setOfficialSite("http://127.0.0.1:9");
      await testDb().siteCheck.deleteMany({ where: { cabinetId: SCHOOL_16.cabinetId } });
      return { cabinetId: SCHOOL_16.cabinetId };
    },
  },
  // Connection status (issue 7): city IT staff and the region's operator monitor; others are refused.
  "status.remind": {
    target: "напоминание МОУ «СОШ № 16» из мониторинга",
    verdicts: only("operator", "cityIt"),
    input: async () => {
      // The status rows are derived and refreshed lazily: refresh first, so authorization alone writes nothing.
      await ensureFreshStatus();
      await testDb().connectionStatus.updateMany({ where: { organizationId: SCHOOL_16.organizationId }, data: { remindedAt: null } });
      return { organizationId: SCHOOL_16.organizationId };
    },
  },
  "status.remindLate": {
    target: "напоминание всем опоздавшим текущего списка мониторинга",
    verdicts: only("operator", "cityIt"),
    input: async () => {
      await ensureFreshStatus();
      // Reminded a moment ago by another cell: clear it, so the late ones are reminded (and audited) again.
      await testDb().connectionStatus.updateMany({ data: { remindedAt: null } });
      return { view: "" };
    },
  },
  "status.setDeadline": {
    target: "срок подключения Магнитогорска",
    verdicts: only("operator", "cityIt"),
    input: async () => ({ municipalityId: "mun-75738000", deadline: "2022-06-30" }),
  },
};

// ───────────── Route handlers ─────────────

export const PORTAL_ORIGIN = "http://portal.test";
/** МОУ «СОШ № 18»: its citizen form and widget (the official site is set by the test). */
export const SCHOOL_18 = { cabinetId: "cab-work-mag-school-18", site: "https://school18.demo.test" } as const;

export interface RouteCall {
  /** Path and query, e.g. "/form?opaId=220805". */
  path: string;
  init?: RequestInit;
  params?: Record<string, string | string[]>;
  /** Cookies to send instead of the identity's (e.g. a session of its own that the call may end). */
  cookies?: Record<string, string>;
}

export interface RouteRow {
  /** Who may call it and why; "public" routes answer everyone the same. */
  access: "public" | "signed-in";
  why: string;
  verdicts: Record<IdentityKey, Verdict>;
  /** Status for allowed callers and for refused ones. */
  status: number;
  refusedStatus?: number;
  call: (ctx: CellContext & { lkoId: number; freshSession: () => Promise<Record<string, string>> }) => Promise<RouteCall>;
}

/** A seeded invitation link that has expired (prisma/seed/demo.ts). */
const EXPIRED_TOKEN = `seed-${INSTITUTION_SCENARIOS.find((s) => s.scenario === "invitationExpired")!.organizationId.replace(/^org-/, "")}-expired`;

const everyone = () => only(...IDENTITY_KEYS);
const signedIn = () => only(...IDENTITY_KEYS.filter((k) => k !== "signedOut"));

const citizenForm = (lkoId: number) =>
  new URLSearchParams({
    category: "safety", text: "Во дворе школы сломано ограждение у площадки.", authorName: "Петров Иван", contact: "petrov@mail.demo.test",
    consent: "on", ...formFields(lkoId, randomUUID()),
  }).toString();

export const ROUTE_MATRIX: Record<string, RouteRow> = {
  "GET /registration/editorial-options": {
    access: "signed-in", why: "варианты «Редакции» для формы заявки — только вошедшим",
    verdicts: signedIn(), status: 200, refusedStatus: 401,
    call: async () => ({ path: "/registration/editorial-options?regionId=region-74" }),
  },
  "GET /form": {
    access: "public", why: "форма сообщения гражданина (виджет): гражданин не входит; встраивание ограничено CSP frame-ancestors",
    verdicts: everyone(), status: 200,
    call: async ({ lkoId }) => ({ path: `/form?opaId=${lkoId}` }),
  },
  "POST /form": {
    access: "public", why: "отправка сообщения гражданина: проверка — Origin (портал или официальный сайт), не сеанс",
    verdicts: everyone(), status: 303,
    call: async ({ lkoId }) => ({
      path: `/form?opaId=${lkoId}`,
      init: { method: "POST", headers: { origin: PORTAL_ORIGIN, "content-type": "application/x-www-form-urlencoded", ...fromAddress() }, body: citizenForm(lkoId) },
    }),
  },
  "GET /api/ping": {
    access: "public", why: "проверка живости для балансировщика",
    verdicts: everyone(), status: 200,
    call: async () => ({ path: "/api/ping" }),
  },
  "GET /api/health": {
    access: "public", why: "живость процесса для оркестратора: ничего не читает",
    verdicts: everyone(), status: 200,
    call: async () => ({ path: "/api/health" }),
  },
  "GET /api/ready": {
    access: "public", why: "готовность для балансировщика: база, миграции, глубина очереди писем — только числа, без персональных данных",
    verdicts: everyone(), status: 200,
    call: async () => ({ path: "/api/ready" }),
  },
  "GET /api/auth/[...nextauth]": {
    access: "public", why: "служебные адреса next-auth (вход ещё не выполнен)",
    verdicts: everyone(), status: 200,
    call: async () => ({ path: "/api/auth/providers", params: { nextauth: ["providers"] } }),
  },
  "POST /api/auth/[...nextauth]": {
    access: "public", why: "начало входа next-auth; без его CSRF-маркера — возврат на страницу входа",
    verdicts: everyone(), status: 302,
    call: async () => ({
      path: "/api/auth/signin/esia",
      params: { nextauth: ["signin", "esia"] },
      init: { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "callbackUrl=%2Fstart" },
    }),
  },
  "GET /api/esia/authorize": {
    access: "public", why: "начало входа через ЕСИА (ограничено числом попыток с адреса)",
    verdicts: everyone(), status: 302,
    call: async () => ({ path: `/api/esia/authorize?state=${randomUUID()}` }),
  },
  "GET /api/esia/callback": {
    access: "public", why: "возврат из ЕСИА: пускает дальше только state из подписанной cookie этого браузера",
    verdicts: everyone(), status: 303,
    call: async () => ({ path: `/api/esia/callback?code=stolen&state=${randomUUID()}` }),
  },
  "GET /api/esia/organization/authorize": {
    access: "signed-in", why: "запрос в ЕСИА прав единственной организации вошедшего (scope_org); без входа — на страницу входа",
    verdicts: signedIn(), status: 303, refusedStatus: 303,
    call: async () => ({ path: "/api/esia/organization/authorize" }),
  },
  "GET /api/esia/organization/callback": {
    access: "public", why: "возврат из ЕСИА с правами организации: пускает дальше только state из подписанной cookie этого браузера и этого сеанса",
    verdicts: everyone(), status: 303,
    call: async () => ({ path: `/api/esia/organization/callback?code=stolen&state=${randomUUID()}` }),
  },
  "POST /api/esia/logout": {
    access: "public", why: "выход: завершает только сеанс из cookie вызывающего",
    verdicts: everyone(), status: 303,
    // A session of its own: this call ends it.
    call: async ({ personId, freshSession }) => ({ path: "/api/esia/logout", init: { method: "POST", headers: { origin: PORTAL_ORIGIN } }, cookies: personId ? await freshSession() : {} }),
  },
  "POST /api/csp-report": {
    access: "public", why: "браузеры сообщают, что заблокировала политика безопасности содержимого (CSP)",
    verdicts: everyone(), status: 204,
    call: async () => ({
      path: "/api/csp-report",
      init: {
        method: "POST", headers: { "content-type": "application/csp-report" },
        body: JSON.stringify({ "csp-report": { "document-uri": `${PORTAL_ORIGIN}/start`, "violated-directive": "script-src-elem", "blocked-uri": "inline" } }),
      },
    }),
  },
  "GET /widget/script.min.js": {
    access: "public", why: "загрузчик виджета для сайтов учреждений (любой origin)",
    verdicts: everyone(), status: 200,
    call: async () => ({ path: "/widget/script.min.js" }),
  },
  "POST /widget/seen": {
    access: "public", why: "отчёт загрузчика о показе: origin сайта ставит браузер",
    verdicts: everyone(), status: 200,
    call: async ({ lkoId }) => ({ path: `/widget/seen?opaId=${lkoId}`, init: { method: "POST", headers: { origin: SCHOOL_18.site } } }),
  },
  "OPTIONS /widget/seen": {
    access: "public", why: "предварительный запрос CORS",
    verdicts: everyone(), status: 204,
    call: async ({ lkoId }) => ({ path: `/widget/seen?opaId=${lkoId}`, init: { method: "OPTIONS", headers: { origin: SCHOOL_18.site } } }),
  },
  "POST /invite/[token]/request": {
    access: "public", why: "«Запросить новое приглашение» по ссылке из письма: у человека может не быть сеанса",
    verdicts: everyone(), status: 303,
    call: async () => ({ path: `/invite/${EXPIRED_TOKEN}/request`, params: { token: EXPIRED_TOKEN }, init: { method: "POST", headers: { origin: PORTAL_ORIGIN } } }),
  },
  "POST /vision": {
    access: "public", why: "«Версия для слабовидящих»: только cookie этого браузера, ничего в базе",
    verdicts: everyone(), status: 303,
    call: async () => ({ path: "/vision", init: { method: "POST", headers: { origin: PORTAL_ORIGIN, "content-type": "application/x-www-form-urlencoded" }, body: "mode=low&back=/" } }),
  },
  "GET /api/status": {
    access: "public", why: "публичный статус подключения (JSON): только открытые сведения, без персональных данных",
    verdicts: everyone(), status: 200,
    call: async () => ({ path: "/api/status?oktmo=75738000" }),
  },
  "GET /status/[oktmo]/embed": {
    access: "public", why: "встраиваемая страница статуса для сайта администрации",
    verdicts: everyone(), status: 200,
    call: async () => ({ path: "/status/75738000/embed", params: { oktmo: "75738000" } }),
  },
  "GET /status": {
    access: "public", why: "публичный статус: список муниципальных образований (без поиска — из кэша Next, решение 079)",
    verdicts: everyone(), status: 200,
    call: async () => ({ path: "/status" }),
  },
  "GET /status/[oktmo]": {
    access: "public", why: "публичная страница статуса муниципального образования: поиск по названию, без персональных данных",
    verdicts: everyone(), status: 200,
    call: async () => ({ path: "/status/75738000?q=%D0%A1%D0%9E%D0%A8", params: { oktmo: "75738000" } }),
  },
  "GET /status/cached/[generation]/list/[view]": {
    access: "public", why: "список муниципальных образований, как его хранит кэш Next (сюда переписывает proxy.ts)",
    verdicts: everyone(), status: 200,
    call: async () => ({ path: "/status/cached/0/list/normal", params: { generation: "0", view: "normal" } }),
  },
  "GET /status/cached/[generation]/[oktmo]/[page]/[view]": {
    access: "public", why: "страница статуса или её встраиваемый вид, как их хранит кэш Next (сюда переписывает proxy.ts)",
    verdicts: everyone(), status: 200,
    call: async () => ({ path: "/status/cached/0/75738000/1/low", params: { generation: "0", oktmo: "75738000", page: "1", view: "low" } }),
  },
  "GET /home/cached/[view]": {
    access: "public", why: "главная страница гостя, как её хранит кэш Next (сюда proxy.ts переписывает / без cookie сеанса)",
    verdicts: everyone(), status: 200,
    call: async () => ({ path: "/home/cached/low", params: { view: "low" } }),
  },
  "GET /api/status/cached/[generation]/all": {
    access: "public", why: "итоги всех муниципальных образований (JSON), как их хранит кэш Next",
    verdicts: everyone(), status: 200,
    call: async () => ({ path: "/api/status/cached/0/all", params: { generation: "0" } }),
  },
  "GET /api/status/cached/[generation]/[oktmo]/[page]": {
    access: "public", why: "страница учреждений муниципального образования (JSON), как её хранит кэш Next",
    verdicts: everyone(), status: 200,
    call: async () => ({ path: "/api/status/cached/0/75738000/1", params: { generation: "0", oktmo: "75738000", page: "1" } }),
  },
  "GET /admin/cabinets/[lkoId]/messages/export/[format]": {
    access: "signed-in", why: "выгрузка сообщений кабинета — тем, кто видит его сообщения (остальным «не найдено»)",
    verdicts: only("organ", "coordinator", "executor", "supervisor", "moderator", "curator"), status: 200, refusedStatus: 404,
    call: async () => {
      const { lkoId } = await testDb().cabinet.findUniqueOrThrow({ where: { id: SCHOOL_33.cabinetId }, select: { lkoId: true } });
      return { path: `/admin/cabinets/${lkoId}/messages/export/csv?view=all`, params: { lkoId: String(lkoId), format: "csv" } };
    },
  },
  "POST /rate/[token]/send": {
    access: "public", why: "оценка ответа гражданином по подписанной ссылке из письма: без входа, право — сама ссылка",
    verdicts: everyone(), status: 303,
    call: async () => {
      const { messageId } = await school33Message({ stage: "CLOSED", status: "ANSWERED", answerRound: 1, answerText: "Ответ", closedAt: new Date() });
      const token = ratingToken(messageId, 1, new Date());
      return {
        path: `/rate/${token}/send`, params: { token },
        init: { method: "POST", headers: { origin: PORTAL_ORIGIN, "content-type": "application/x-www-form-urlencoded" }, body: "score=5&resolved=yes" },
      };
    },
  },
  "GET /monitoring/export/[format]": {
    access: "signed-in", why: "выгрузка мониторинга — только ИТ-специалистам и оператору (остальным «не найдено»)",
    verdicts: only("operator", "cityIt"), status: 200, refusedStatus: 404,
    call: async () => ({ path: "/monitoring/export/csv", params: { format: "csv" } }),
  },
};
