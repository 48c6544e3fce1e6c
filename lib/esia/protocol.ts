// ЕСИА's OAuth 2.0 wire protocol: the facts both sides must agree on (docs/decisions/003-esia.md).
// Pure module: used by the portal's client and by the emulator, and tested against literal strings.

export const ESIA_PATHS = {
  authorize: "/aas/oauth2/v2/ac",
  token: "/aas/oauth2/v3/te",
  logout: "/idp/ext/Logout",
  person: (oid: string) => `/rs/prns/${oid}`,
  contacts: (oid: string) => `/rs/prns/${oid}/ctts`,
  roles: (oid: string) => `/rs/prns/${oid}/roles`,
  organization: (orgOid: string) => `/rs/orgs/${orgOid}`,
  employeeGroups: (orgOid: string, oid: string) => `/rs/orgs/${orgOid}/emps/${oid}/grps`,
} as const;

/** Scopes of the portal's sign-in, as in the instruction's consent screen: the person and their organizations' list. */
export const PORTAL_SCOPES = ["usr_org", "openid", "fullname", "email", "mobile"] as const;

/** Scopes ЕСИА grants per organization, only for the one named in `scope_org`. */
export const ORGANIZATION_SCOPE_NAMES = [
  "org_shortname", "org_fullname", "org_type", "org_ogrn", "org_inn", "org_kpp", "org_agencytype", "org_oktmo", "org_emps", "org_grps",
] as const;

export const isOrganizationScope = (scope: string) => (ORGANIZATION_SCOPE_NAMES as readonly string[]).includes(scope);

/**
 * The portal's second authorization, for the organization the person chose (`scope_org`): its
 * requisites and the person's access groups there. `openid` keeps the id token that ties the grant
 * to the signed-in person.
 */
export const ORGANIZATION_SCOPES = ["openid", "org_ogrn", "org_inn", "org_kpp", "org_oktmo", "org_grps"] as const;

/** How a granted scope reads in the access token: `org_grps?org_oid=1000…`, `fullname?oid=1000…`. */
export const grantedOrgScope = (scope: string, orgOid: string) => `${scope}?org_oid=${orgOid}`;

/** How ЕСИА lists requested rights on its consent screen. */
export const SCOPE_DESCRIPTIONS: Record<string, string> = {
  usr_org: "Просмотр списка организаций пользователя",
  openid: "Проведение входа в систему",
  fullname: "Просмотр вашей фамилии, имени и отчества",
  email: "Просмотр вашего адреса электронной почты",
  mobile: "Просмотр номера вашего мобильного телефона",
  snils: "Просмотр вашего СНИЛС",
  birthdate: "Просмотр даты вашего рождения",
  gender: "Просмотр вашего пола",
  inn: "Просмотр вашего ИНН",
  contacts: "Просмотр ваших контактных данных",
  org_grps: "Просмотр групп доступа сотрудника в организации",
  org_shortname: "Просмотр сокращённого наименования организации",
  org_fullname: "Просмотр полного наименования организации",
  org_type: "Просмотр типа организации",
  org_ogrn: "Просмотр ОГРН организации",
  org_inn: "Просмотр ИНН организации",
  org_kpp: "Просмотр КПП организации",
  org_agencytype: "Просмотр вида органа власти",
  org_oktmo: "Просмотр ОКТМО организации",
  org_emps: "Просмотр списка сотрудников организации",
};

/**
 * Codes ЕСИА puts into error_description ("ESIA-007004: …"). All but `badGrant` are codes seen from
 * the real ЕСИА (../shared/notes/esia.md); ESIA-007002 for a used or expired code is the emulator's
 * assumption (the real code is not confirmed): the portal's client never relies on the number.
 */
export const ESIA_ERRORS = {
  denied: { code: "ESIA-007004", error: "access_denied", text: "Пользователь отказал в доступе" },
  unauthorizedClient: { code: "ESIA-007005", error: "unauthorized_client", text: "Система-клиент не зарегистрирована" },
  missingParameter: { code: "ESIA-007014", error: "invalid_request", text: "Запрос не содержит обязательного параметра" },
  badTimestamp: { code: "ESIA-007015", error: "invalid_request", text: "Неверное время запроса" },
  noGrants: { code: "ESIA-007019", error: "invalid_scope", text: "Отсутствует разрешение на доступ" },
  badRedirectUri: { code: "ESIA-007023", error: "invalid_request", text: "Неверный адрес возврата (redirect_uri)" },
  badSecret: { code: "ESIA-007053", error: "invalid_client", text: "Неверная подпись запроса (client_secret)" },
  notEmployee: { code: "ESIA-007194", error: "invalid_scope", text: "Пользователь не является сотрудником организации" },
  // Assumption, not confirmed by the notes on the real ЕСИА (see above and docs/decisions/003-esia.md).
  badGrant: { code: "ESIA-007002", error: "invalid_grant", text: "Неверный или использованный код авторизации" },
  scopeNotAllowed: { code: "ESIA-005029", error: "scopeNotAllowed", text: "Нет доступа к запрашиваемым данным" },
} as const;
export type EsiaErrorKey = keyof typeof ESIA_ERRORS;

/**
 * Codes of ЕСИА's REST answers (`{"code":…,"message":…}`). ESIA-005029 (scopeNotAllowed) is seen
 * from the real ЕСИА; 005001 (bad token) and 005011 (not found) are the emulator's assumptions.
 */
export const ESIA_REST_ERRORS = {
  invalidToken: { status: 401, code: "ESIA-005001", message: "Неверный или просроченный маркер доступа" },
  notFound: { status: 404, code: "ESIA-005011", message: "Не найден" },
  scopeNotAllowed: { status: 403, code: "ESIA-005029", message: "scopeNotAllowed" },
} as const;

export function errorDescription(key: EsiaErrorKey, detail?: string): string {
  const e = ESIA_ERRORS[key];
  return `${e.code}: ${e.text}${detail ? ` (${detail})` : ""}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `yyyy.MM.dd HH:mm:ss Z`, e.g. `2025.09.02 13:00:29 +0300`, in the given UTC offset (minutes). */
export function formatTimestamp(date: Date, offsetMinutes = 180): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  return (
    `${local.getUTCFullYear()}.${pad(local.getUTCMonth() + 1)}.${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ` +
    `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

export function parseTimestamp(value: string): Date | null {
  const m = /^(\d{4})\.(\d{2})\.(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const offset = (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset * 60_000;
  const date = new Date(utc);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export interface SignedFields {
  client_id: string;
  scope: string;
  scope_org?: string;
  timestamp: string;
  state: string;
  redirect_uri: string;
  code?: string;
}

/** The string ЕСИА checks the client_secret signature over: the fields concatenated in this order. */
export function secretMessage(f: SignedFields): string {
  return f.client_id + f.scope + (f.scope_org ?? "") + f.timestamp + f.state + f.redirect_uri + (f.code ?? "");
}

/** REST collections: `{"stateFacts":["hasSize"],"size":N,"elements":[…]}`. */
export interface EsiaCollection<T> {
  stateFacts: string[];
  size: number;
  elements: T[];
}

export function collection<T>(elements: T[]): EsiaCollection<T> {
  return { stateFacts: ["hasSize"], size: elements.length, elements };
}

export interface EsiaPerson {
  stateFacts: string[];
  firstName: string;
  lastName: string;
  middleName?: string;
  trusted: boolean;
  snils?: string;
  updatedOn?: number;
  status: "REGISTERED";
  verifying: boolean;
  rIdDoc?: number;
  containsUpCfmCode: boolean;
  eTag: string;
}

export interface EsiaContact {
  stateFacts: string[];
  id: number;
  type: "EML" | "MBT" | "PHN" | "CEM";
  vrfStu: "VERIFIED" | "NOT_VERIFIED";
  value: string;
  eTag: string;
}

export interface EsiaRole {
  oid: number;
  prnOid: number;
  fullName: string;
  shortName: string;
  ogrn: string;
  type: "LEGAL" | "AGENCY" | "BUSINESS";
  chief: boolean;
  admin: boolean;
  phone?: string;
  email?: string;
  active: boolean;
  hasRightOfSubstitution: boolean;
  hasApprovalTabAccess: boolean;
  isLiquidated: boolean;
}

/** `/rs/orgs/{org}`: each field comes only with its org scope (org_fullname, org_inn, …). */
export interface EsiaOrganization {
  stateFacts: string[];
  oid: number;
  prnOid?: number;
  fullName?: string;
  shortName?: string;
  ogrn?: string;
  inn?: string;
  kpp?: string;
  leg?: string;
  agencyType?: string;
  oktmo?: string;
  type?: "LEGAL" | "AGENCY" | "BUSINESS";
  eTag: string;
}

export interface EsiaGroup {
  stateFacts: string[];
  grp_id: string;
  name: string;
  description?: string;
  itSystem: string;
}
