// The invented world that ЕСИА knows: organizations, persons, their memberships and access groups.
// One module feeds both the ЕСИА emulator (its own "database") and the portal's seed, so they agree.
// Every name, phone and email here is invented; emails use the reserved .test domain.
import { makeInn, makeOgrn, makeSnils } from "../requisites";
import { GOSPUBLIC_CABINET_GROUP, type SphereCode } from "./reference";

export type OrgKind = "ROIV" | "OMSU" | "TERRITORIAL_ROIV" | "SUBORDINATE_ROIV" | "SUBORDINATE_OMSU";

export interface WorldOrganization {
  id: string;
  esiaOid: string;
  fullName: string;
  shortName: string;
  ogrn: string;
  inn: string;
  kpp: string;
  kind: OrgKind;
  regionCode: number;
  oktmo: string | null;
  parentId: string | null;
  email: string;
  phone: string;
  spheres: SphereCode[];
  /** ЕСИА's organization type in /roles: AGENCY for state bodies, LEGAL for institutions. */
  esiaType: "AGENCY" | "LEGAL";
}

export interface WorldMembership {
  organizationId: string;
  chief: boolean;
  admin: boolean;
  position: string;
  groups: string[];
}

export interface WorldPerson {
  id: string;
  esiaOid: string;
  lastName: string;
  firstName: string;
  middleName: string;
  snils: string;
  email: string;
  mobile: string;
  memberships: WorldMembership[];
  /** Shown on the emulator's demo panel and in the README. */
  demo?: { key: DemoPersonKey; label: string };
}

export type DemoPersonKey =
  | "operator"
  | "organAdmin"
  | "otherOrganAdmin"
  | "cityIt"
  | "institutionHead"
  | "institutionAdmin"
  | "institutionEmployee"
  | "multiOrg"
  | "invitee"
  | "noOrg"
  | "agapovoAdmin"
  | "widgetHead"
  | "uninvitedTeacher"
  | "messageCoordinator"
  | "messageExecutor"
  | "messageSupervisor"
  | "organCoordinator"
  | "siblingCoordinator"
  | "siblingExecutor";

export const DEMO_PASSWORD = "Demo-2026";

export const REGION = { code: 74, name: "Челябинская область" } as const;

export const MUNICIPALITIES = [
  { oktmo: "75738000", name: "Магнитогорский городской округ", deadline: "2022-06-30" },
  { oktmo: "75603000", name: "Агаповский муниципальный район", deadline: "2022-06-30" },
] as const;

const MAGNITOGORSK = MUNICIPALITIES[0].oktmo;
const AGAPOVO = MUNICIPALITIES[1].oktmo;

let orgSerial = 0;
function org(
  id: string,
  fullName: string,
  shortName: string,
  kind: OrgKind,
  parentId: string | null,
  oktmo: string | null,
  spheres: SphereCode[],
  domain: string,
): WorldOrganization {
  orgSerial += 1;
  const serial = orgSerial;
  const state = kind === "ROIV" || kind === "OMSU" || kind === "TERRITORIAL_ROIV";
  return {
    id,
    esiaOid: String(5_000_000_000 + serial),
    fullName,
    shortName,
    ogrn: makeOgrn(2 + (serial % 20), REGION.code, 10_000 + serial * 7),
    inn: makeInn(kind === "ROIV" ? 7451 : 7414, 20_000 + serial * 3),
    kpp: `${kind === "ROIV" ? "7451" : "7414"}01001`,
    kind,
    regionCode: REGION.code,
    oktmo,
    parentId,
    email: `info@${domain}.demo.test`,
    phone: `+7 (3519) 00-${String(10 + (serial % 90)).padStart(2, "0")}-${String(serial % 100).padStart(2, "0")}`,
    spheres,
    esiaType: state ? "AGENCY" : "LEGAL",
  };
}

// ───────────── Organs ─────────────

export const ORG = {
  ministryDigital: "org-roiv-mincifry",
  ministryEducation: "org-roiv-minobr",
  territorialEducation: "org-to-minobr-magnitogorsk",
  cityAdministration: "org-omsu-magnitogorsk",
  eduDepartment: "org-omsu-mag-uo",
  cultureDepartment: "org-omsu-mag-uk",
  socialDepartment: "org-omsu-mag-uszn",
  sportDepartment: "org-omsu-mag-ufkst",
  housingDepartment: "org-omsu-mag-ugkh",
  agapovoAdministration: "org-omsu-agapovo",
  agapovoEduDepartment: "org-omsu-agapovo-uo",
} as const;

// Over 80 lines on purpose: the demo world's organizations listed in one place, read top to bottom like the region's tree.
function buildOrganizations(): WorldOrganization[] {
  orgSerial = 0;
  const organs: WorldOrganization[] = [
    org(ORG.ministryDigital, "Министерство информационных технологий, связи и цифрового развития Челябинской области", "Минцифры Челябинской области", "ROIV", null, null, ["digital"], "mincifry74"),
    org(ORG.ministryEducation, "Министерство образования и науки Челябинской области", "Минобрнауки Челябинской области", "ROIV", null, null, ["education", "preschool"], "minobr74"),
    org(ORG.territorialEducation, "Территориальный отдел Министерства образования и науки Челябинской области по городу Магнитогорску", "ТО Минобрнауки по г. Магнитогорску", "TERRITORIAL_ROIV", ORG.ministryEducation, MAGNITOGORSK, ["education"], "to-minobr-mgn"),
    org(ORG.cityAdministration, "Администрация города Магнитогорска Челябинской области", "Администрация г. Магнитогорска", "OMSU", null, MAGNITOGORSK, ["improvement", "transport", "digital"], "magnitogorsk"),
    org(ORG.eduDepartment, "Управление образования администрации города Магнитогорска", "Управление образования", "OMSU", ORG.cityAdministration, MAGNITOGORSK, ["education", "preschool"], "uo-mgn"),
    org(ORG.cultureDepartment, "Управление культуры администрации города Магнитогорска", "Управление культуры", "OMSU", ORG.cityAdministration, MAGNITOGORSK, ["culture"], "uk-mgn"),
    org(ORG.socialDepartment, "Управление социальной защиты населения администрации города Магнитогорска", "Управление социальной защиты населения", "OMSU", ORG.cityAdministration, MAGNITOGORSK, ["social"], "uszn-mgn"),
    org(ORG.sportDepartment, "Управление по физической культуре, спорту и туризму администрации города Магнитогорска", "Управление по физической культуре, спорту и туризму", "OMSU", ORG.cityAdministration, MAGNITOGORSK, ["sport"], "ufkst-mgn"),
    org(ORG.housingDepartment, "Управление жилищно-коммунального хозяйства администрации города Магнитогорска", "Управление ЖКХ", "OMSU", ORG.cityAdministration, MAGNITOGORSK, ["housing", "improvement"], "ugkh-mgn"),
    org(ORG.agapovoAdministration, "Администрация Агаповского муниципального района Челябинской области", "Администрация Агаповского района", "OMSU", null, AGAPOVO, ["improvement"], "agapovo"),
    org(ORG.agapovoEduDepartment, "Управление образования администрации Агаповского муниципального района", "Управление образования Агаповского района", "OMSU", ORG.agapovoAdministration, AGAPOVO, ["education"], "uo-agapovo"),
  ];

  const institutions: WorldOrganization[] = [];
  const add = (
    prefix: string,
    count: number,
    parentId: string,
    oktmo: string,
    kind: OrgKind,
    spheres: SphereCode[],
    name: (n: number) => [full: string, short: string],
    numbers: (i: number) => number = (i) => i + 1,
  ) => {
    for (let i = 0; i < count; i++) {
      const n = numbers(i);
      const [full, short] = name(n);
      institutions.push(org(`org-${prefix}-${n}`, full, short, kind, parentId, oktmo, spheres, `${prefix}${n}`));
    }
  };

  // Magnitogorsk: 62 institutions under five управления.
  add("mag-school", 20, ORG.eduDepartment, MAGNITOGORSK, "SUBORDINATE_OMSU", ["education"], (n) => [
    `Муниципальное общеобразовательное учреждение «Средняя общеобразовательная школа № ${n}» города Магнитогорска`,
    `МОУ «СОШ № ${n}» г. Магнитогорска`,
  ], (i) => [5, 8, 10, 13, 14, 16, 18, 20, 21, 25, 27, 28, 31, 32, 33, 36, 40, 42, 45, 48][i]);
  add("mag-kindergarten", 15, ORG.eduDepartment, MAGNITOGORSK, "SUBORDINATE_OMSU", ["preschool"], (n) => [
    `Муниципальное дошкольное образовательное учреждение «Детский сад № ${n}» города Магнитогорска`,
    `МДОУ «Д/с № ${n}» г. Магнитогорска`,
  ], (i) => [3, 7, 11, 19, 24, 29, 38, 44, 57, 63, 71, 84, 99, 125, 146][i]);
  const culture: [string, string][] = [
    ["Муниципальное учреждение культуры «Централизованная библиотечная система» города Магнитогорска", "МУК «ЦБС»"],
    ["Муниципальное учреждение культуры «Магнитогорский краеведческий музей»", "МУК «Краеведческий музей»"],
    ["Муниципальное учреждение культуры «Дворец культуры им. С. Орджоникидзе»", "МУК «ДК им. С. Орджоникидзе»"],
    ["Муниципальное учреждение дополнительного образования «Детская музыкальная школа № 1»", "МУДО «ДМШ № 1»"],
    ["Муниципальное учреждение дополнительного образования «Детская художественная школа»", "МУДО «ДХШ»"],
    ["Муниципальное учреждение культуры «Магнитогорская картинная галерея»", "МУК «Картинная галерея»"],
    ["Муниципальное учреждение культуры «Центр народного творчества»", "МУК «ЦНТ»"],
    ["Муниципальное учреждение культуры «Парк культуры и отдыха у Вечного огня»", "МУК «Парк у Вечного огня»"],
    ["Муниципальное учреждение дополнительного образования «Детская школа искусств № 2»", "МУДО «ДШИ № 2»"],
    ["Муниципальное учреждение культуры «Театр куклы и актёра „Буратино“»", "МУК «Театр „Буратино“»"],
  ];
  add("mag-culture", culture.length, ORG.cultureDepartment, MAGNITOGORSK, "SUBORDINATE_OMSU", ["culture"], (n) => culture[n - 1]);
  const social: [string, string][] = [
    ["Муниципальное учреждение «Комплексный центр социального обслуживания населения» Ленинского района", "МУ «КЦСОН» Ленинского района"],
    ["Муниципальное учреждение «Комплексный центр социального обслуживания населения» Правобережного района", "МУ «КЦСОН» Правобережного района"],
    ["Муниципальное учреждение «Комплексный центр социального обслуживания населения» Орджоникидзевского района", "МУ «КЦСОН» Орджоникидзевского района"],
    ["Муниципальное учреждение «Социально-реабилитационный центр для несовершеннолетних»", "МУ «СРЦН»"],
    ["Муниципальное учреждение «Центр помощи детям, оставшимся без попечения родителей»", "МУ «Центр помощи детям»"],
    ["Муниципальное учреждение «Дом-интернат для престарелых и инвалидов»", "МУ «Дом-интернат»"],
    ["Муниципальное учреждение «Центр социальной адаптации»", "МУ «ЦСА»"],
  ];
  add("mag-social", social.length, ORG.socialDepartment, MAGNITOGORSK, "SUBORDINATE_OMSU", ["social"], (n) => social[n - 1]);
  const sport: [string, string][] = [
    ["Муниципальное бюджетное учреждение «Спортивная школа олимпийского резерва № 1»", "МБУ «СШОР № 1»"],
    ["Муниципальное бюджетное учреждение «Спортивная школа олимпийского резерва № 2»", "МБУ «СШОР № 2»"],
    ["Муниципальное бюджетное учреждение «Спортивная школа № 4»", "МБУ «СШ № 4»"],
    ["Муниципальное автономное учреждение «Дворец спорта им. И. Х. Ромазана»", "МАУ «Дворец спорта»"],
    ["Муниципальное бюджетное учреждение «Центр физкультурно-оздоровительной работы»", "МБУ «ЦФОР»"],
    ["Муниципальное бюджетное учреждение «Спортивная школа по плаванию»", "МБУ «СШ по плаванию»"],
  ];
  add("mag-sport", sport.length, ORG.sportDepartment, MAGNITOGORSK, "SUBORDINATE_OMSU", ["sport"], (n) => sport[n - 1]);
  const housing: [string, string][] = [
    ["Муниципальное бюджетное учреждение «Управление капитального строительства»", "МБУ «УКС»"],
    ["Муниципальное бюджетное учреждение «Магнитогорский городской центр благоустройства»", "МБУ «Центр благоустройства»"],
    ["Муниципальное казенное учреждение «Управление жилищным фондом»", "МКУ «УЖФ»"],
    ["Муниципальное бюджетное учреждение «Экологическая служба»", "МБУ «Экослужба»"],
  ];
  add("mag-housing", housing.length, ORG.housingDepartment, MAGNITOGORSK, "SUBORDINATE_OMSU", ["housing", "improvement"], (n) => housing[n - 1]);

  // Another municipality: its institutions must stay out of Magnitogorsk's administrators' reach.
  add("agapovo-school", 3, ORG.agapovoEduDepartment, AGAPOVO, "SUBORDINATE_OMSU", ["education"], (n) => [
    `Муниципальное общеобразовательное учреждение «Агаповская средняя общеобразовательная школа № ${n}»`,
    `МОУ «Агаповская СОШ № ${n}»`,
  ]);
  // Regional institutions under the Ministry of education.
  add("roiv-college", 3, ORG.ministryEducation, MAGNITOGORSK, "SUBORDINATE_ROIV", ["education"], (n) => [
    `Государственное бюджетное профессиональное образовательное учреждение «Магнитогорский технологический колледж № ${n}»`,
    `ГБПОУ «МТК № ${n}»`,
  ]);

  return [...organs, ...institutions];
}

export const ORGANIZATIONS: readonly WorldOrganization[] = buildOrganizations();
export const organizationById = new Map(ORGANIZATIONS.map((o) => [o.id, o]));

export const INSTITUTIONS = ORGANIZATIONS.filter(
  (o) => o.kind === "SUBORDINATE_OMSU" || o.kind === "SUBORDINATE_ROIV",
);

// ───────────── Persons ─────────────

const SURNAMES_M = ["Ветров", "Лесников", "Полянский", "Звягинцев", "Рябинин", "Озёров", "Камышев", "Родников", "Сосновский", "Холмогоров", "Ключарёв", "Луговской"];
const SURNAMES_F = ["Ветрова", "Лесникова", "Полянская", "Звягинцева", "Рябинина", "Озёрова", "Камышева", "Родникова", "Сосновская", "Холмогорова", "Ключарёва", "Луговская"];
const NAMES_M = ["Артём", "Глеб", "Илья", "Тимофей", "Матвей", "Савелий", "Роман", "Лев"];
const NAMES_F = ["Алина", "Вероника", "Злата", "Ксения", "Милана", "Полина", "Таисия", "Ульяна"];
const PATRONYMICS_M = ["Андреевич", "Борисович", "Витальевич", "Глебович", "Данилович", "Егорович"];
const PATRONYMICS_F = ["Андреевна", "Борисовна", "Витальевна", "Глебовна", "Даниловна", "Егоровна"];

const TRANSLIT: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};
const translit = (s: string) => [...s.toLowerCase()].map((c) => TRANSLIT[c] ?? c).join("");

let personSerial = 0;
function person(
  id: string,
  index: number,
  domain: string,
  memberships: WorldMembership[],
  demo?: WorldPerson["demo"],
): WorldPerson {
  personSerial += 1;
  const female = index % 2 === 0;
  const lastName = (female ? SURNAMES_F : SURNAMES_M)[index % SURNAMES_M.length];
  const firstName = (female ? NAMES_F : NAMES_M)[(index * 5 + 3) % NAMES_M.length];
  const middleName = (female ? PATRONYMICS_F : PATRONYMICS_M)[(index * 7 + 1) % PATRONYMICS_M.length];
  const serial = personSerial;
  return {
    id,
    esiaOid: String(1_000_000_000 + serial),
    lastName,
    firstName,
    middleName,
    snils: makeSnils(190_000_000 + serial * 13),
    email: `${translit(firstName)[0]}.${translit(lastName)}.${serial}@${domain}.demo.test`,
    mobile: `+7 (900) 000-${String(Math.floor(serial / 100)).padStart(2, "0")}-${String(serial % 100).padStart(2, "0")}`,
    memberships,
    demo,
  };
}

const member = (organizationId: string, position: string, flags: Partial<WorldMembership> = {}): WorldMembership => ({
  organizationId,
  chief: false,
  admin: false,
  groups: [],
  position,
  ...flags,
});

const WITH_GROUP = [GOSPUBLIC_CABINET_GROUP];

/** Institutions whose ЕСИА staff are the demo persons; the seed keeps them without a cabinet. */
export const DEMO_INSTITUTION = {
  /** Institution admin with the access group: files a work cabinet request. */
  filing: "org-mag-school-5",
  /** Institution head without the access group. */
  headWithoutGroup: "org-mag-school-8",
  /** Multi-organization person: the second organization. */
  multiSecond: "org-mag-kindergarten-3",
} as const;

/** Institution heads the README sends a newcomer to (listed in the emulator's demo panel). */
const DEMO_HEADS: Record<string, WorldPerson["demo"]> = {
  "org-mag-school-18": { key: "widgetHead", label: "Руководитель учреждения с кабинетом и виджетом на сайте (МОУ «СОШ № 18»)" },
};

function buildPersons(): WorldPerson[] {
  personSerial = 0;
  const persons: WorldPerson[] = [
    person("person-operator", 0, "mincifry74", [
      member(ORG.ministryDigital, "Консультант отдела цифровой трансформации", { admin: true, groups: [...WITH_GROUP, "POS_ADMIN"] }),
    ], { key: "operator", label: "Региональный оператор ПОС (Минцифры)" }),
    person("person-organ-admin", 1, "uo-mgn", [
      member(ORG.eduDepartment, "Главный специалист", { admin: true, groups: [...WITH_GROUP, "POS_ADMIN"] }),
    ], { key: "organAdmin", label: "Администратор ЛКО органа (Управление образования)" }),
    person("person-other-organ-admin", 2, "uk-mgn", [
      member(ORG.cultureDepartment, "Ведущий специалист", { admin: true, groups: [...WITH_GROUP, "POS_ADMIN"] }),
    ], { key: "otherOrganAdmin", label: "Администратор ЛКО другого органа (Управление культуры)" }),
    person("person-city-it", 3, "magnitogorsk", [
      member(ORG.cityAdministration, "Специалист отдела информационных технологий", { groups: ["POS_ADMIN"] }),
    ], { key: "cityIt", label: "ИТ-специалист администрации города (мониторинг подключения)" }),
    person("person-institution-head", 4, "mag-school8", [
      member(DEMO_INSTITUTION.headWithoutGroup, "Директор", { chief: true }),
    ], { key: "institutionHead", label: "Руководитель учреждения без группы доступа" }),
    person("person-institution-admin", 5, "mag-school5", [
      member(DEMO_INSTITUTION.filing, "Заместитель директора", { admin: true, groups: WITH_GROUP }),
    ], { key: "institutionAdmin", label: "Администратор учреждения с группой «ПОС. Госпаблики. Кабинет учреждения»" }),
    person("person-institution-employee", 6, "mag-school5", [
      member(DEMO_INSTITUTION.filing, "Учитель информатики", { groups: WITH_GROUP }),
    ], { key: "institutionEmployee", label: "Сотрудник учреждения (без роли администратора)" }),
    person("person-multi-org", 7, "mag-kindergarten3", [
      member(DEMO_INSTITUTION.filing, "Методист", { admin: true, groups: WITH_GROUP }),
      member(DEMO_INSTITUTION.multiSecond, "Заведующий", { chief: true, groups: WITH_GROUP }),
    ], { key: "multiOrg", label: "Сотрудник двух организаций" }),
    person("person-invitee", 8, "mag-school10", [
      member("org-mag-school-10", "Заместитель директора по ИКТ", { groups: [] }),
    ], { key: "invitee", label: "Приглашённый пользователь (учётная запись ждёт подтверждения)" }),
    person("person-no-org", 9, "mail", [], { key: "noOrg", label: "Гражданин без организаций" }),
    person("person-agapovo-admin", 10, "uo-agapovo", [
      member(ORG.agapovoEduDepartment, "Начальник отдела", { admin: true, chief: false, groups: [...WITH_GROUP, "POS_ADMIN"] }),
    ], { key: "agapovoAdmin", label: "Администратор ЛКО органа другого района (Агаповский район)" }),
  ];

  // Organs' staff: a chief and an administrator with the access group for each organ.
  const organIds = ORGANIZATIONS.filter((o) => o.kind === "ROIV" || o.kind === "OMSU" || o.kind === "TERRITORIAL_ROIV").map((o) => o.id);
  organIds.forEach((orgId, i) => {
    const domain = orgId.replace(/^org-/, "");
    persons.push(person(`person-${domain}-chief`, 20 + i * 2, domain, [member(orgId, "Руководитель", { chief: true, groups: WITH_GROUP })]));
    persons.push(person(`person-${domain}-admin`, 21 + i * 2, domain, [member(orgId, "Администратор профиля организации", { admin: true, groups: [...WITH_GROUP, "POS_ADMIN"] })]));
  });

  // Every institution: a head with the access group, and an ИКТ specialist.
  INSTITUTIONS.forEach((inst, i) => {
    const domain = inst.id.replace(/^org-/, "");
    const headGroups = inst.id === DEMO_INSTITUTION.headWithoutGroup ? [] : WITH_GROUP;
    persons.push(person(`person-${domain}-head`, 100 + i * 2, domain, [member(inst.id, "Руководитель", { chief: true, groups: headGroups })], DEMO_HEADS[inst.id]));
    persons.push(person(`person-${domain}-it`, 101 + i * 2, domain, [member(inst.id, "Специалист по ИКТ")]));
  });

  // Issue 5 (accounts): staff without an account yet, invited by the accounts tests and e2e.
  persons.push(person("person-mag-school-16-teacher", 300, "mag-school16", [member("org-mag-school-16", "Учитель информатики")], {
    key: "uninvitedTeacher",
    label: "Учитель без учётной записи в ЛКО (МОУ «СОШ № 16»): его можно пригласить",
  }));
  persons.push(person("person-mag-kindergarten-7-methodist", 301, "mag-kindergarten7", [member("org-mag-kindergarten-7", "Методист")]));

  // Issue 20: the message back office of МОУ «СОШ № 33» (the README's «Попробовать»), the Управление
  // образования above it, and МОУ «СОШ № 40» beside it (where a widget message arrives in the e2e test).
  const staff = (id: string, index: number, domain: string, organizationId: string, position: string, demo: WorldPerson["demo"]) =>
    persons.push(person(id, index, domain, [member(organizationId, position)], demo));
  staff("person-mag-school-33-coordinator", 302, "mag-school33", "org-mag-school-33", "Заместитель директора по воспитательной работе", { key: "messageCoordinator", label: "Координатор сообщений (МОУ «СОШ № 33»)" });
  staff("person-mag-school-33-executor", 303, "mag-school33", "org-mag-school-33", "Заведующий хозяйством", { key: "messageExecutor", label: "Исполнитель: готовит ответы (МОУ «СОШ № 33»)" });
  staff("person-mag-school-33-supervisor", 304, "mag-school33", "org-mag-school-33", "Директор", { key: "messageSupervisor", label: "Руководитель: утверждает ответы (МОУ «СОШ № 33»)" });
  staff("person-omsu-mag-uo-coordinator", 305, "uo-mgn", ORG.eduDepartment, "Ведущий специалист отдела общего образования", { key: "organCoordinator", label: "Координатор сообщений органа (Управление образования)" });
  staff("person-mag-school-40-coordinator", 306, "mag-school40", "org-mag-school-40", "Секретарь", { key: "siblingCoordinator", label: "Координатор сообщений другого учреждения (МОУ «СОШ № 40»)" });
  staff("person-mag-school-40-executor", 307, "mag-school40", "org-mag-school-40", "Учитель", { key: "siblingExecutor", label: "Исполнитель другого учреждения (МОУ «СОШ № 40»)" });
  return persons;
}

export const PERSONS: readonly WorldPerson[] = buildPersons();
export const personById = new Map(PERSONS.map((p) => [p.id, p]));
export const DEMO_PERSONS = PERSONS.filter((p) => p.demo);

export function demoPerson(key: DemoPersonKey): WorldPerson {
  const found = DEMO_PERSONS.find((p) => p.demo?.key === key);
  if (!found) throw new Error(`Нет демо-пользователя ${key}`);
  return found;
}
