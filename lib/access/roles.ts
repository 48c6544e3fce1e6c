// Permissions as data: every role of a ЛКО account, listed once — its words, the cabinets it can be
// given in, and each capability it carries with how far that capability reaches. The policies
// (./policies.ts) and the page guards read the reach from here; the UI reads the words; the account
// forms, their schema and the CSV import read which roles can be given. Pure module (the browser
// loads it too).
import type { AccountRoleKind, CabinetKind } from "@/lib/db/generated/enums";

export const CAPABILITIES = [
  "cabinet.view", // open the cabinet and its data
  "cabinet.manage", // confirm the cabinet's data, see its history
  "accounts.manage", // add, invite, archive accounts
  "functioning.edit", // readiness points, official site, widget
  "messages.view", // read the cabinet's citizens' messages (inboxes, the card, the export)
  "messages.coordinate", // moderate and distribute: accept, reject, categorize, assign, redirect
  "messages.execute", // prepare the answer of a message given to the account
  "messages.approve", // approve or return the answer, decide «Перенос срока»
  "messages.configure", // answer templates and auto-rules of the cabinet
  "requests.review", // approve and reject cabinet requests addressed to the organ
  "monitoring.view", // connection status of the organ's institutions
  "region.settings", // the region's answer deadlines and production calendar
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The capabilities that are held on a cabinet (the rest are held on requests and institutions). */
export type CabinetCapability = Exclude<Capability, (typeof NON_CABINET_CAPABILITIES)[number]>;
export const NON_CABINET_CAPABILITIES = ["requests.review", "monitoring.view", "region.settings"] as const;

/**
 * How far a capability reaches from the cabinet of the account that holds the role:
 * - own — that cabinet;
 * - bound — from an organ's editorial cabinet, every work cabinet bound to it;
 * - boundInSpheres — the same, but only the work cabinets sharing a sphere with the role's spheres;
 * - region — every cabinet (and, for monitoring, every institution) of the account's region;
 * - organization — what is addressed to the account's organization (cabinet requests);
 * - organizationTree — the account's organization and every organization under it (monitoring).
 */
export type Reach = "own" | "bound" | "boundInSpheres" | "region" | "organization" | "organizationTree";

interface RoleRule {
  label: string;
  /** What the role does, in «Добавить пользователя». */
  hint: string;
  /** Cabinets the role can be given in (none: the role is set up by the region, not by a ЛКО administrator). */
  assignableIn: readonly CabinetKind[];
  can: Partial<Record<Capability, readonly Reach[]>>;
}

const ANY_CABINET = ["EDITORIAL", "WORK"] as const;

export const ROLES = {
  LKO_ADMIN: {
    label: "Администратор ЛКО",
    hint: "Управляет кабинетом и учётными записями; в кабинете органа — и кабинетами подведомственных учреждений.",
    assignableIn: ANY_CABINET,
    can: {
      "cabinet.view": ["own", "bound"],
      "cabinet.manage": ["own", "bound"],
      "accounts.manage": ["own", "bound"],
      "functioning.edit": ["own", "bound"],
      "messages.view": ["own", "bound"],
      "messages.configure": ["own", "bound"],
      "requests.review": ["organization"],
    },
  },
  CURATOR: {
    label: "Куратор по направлению",
    hint: "Курирует работу подведомственных учреждений по выбранным сферам.",
    assignableIn: ["EDITORIAL"],
    // A curator's authority is over the institutions of their spheres; in the organ's own ЛКО they
    // only look and work with messages.
    can: {
      "cabinet.view": ["own", "boundInSpheres"],
      "cabinet.manage": ["boundInSpheres"],
      "messages.view": ["own", "boundInSpheres"],
    },
  },
  MODERATOR: {
    label: "Модератор/исполнитель сообщений",
    hint: "Работает с сообщениями граждан: распределяет и готовит ответы (в небольшом учреждении — за координатора и исполнителя).",
    assignableIn: ANY_CABINET,
    can: { "cabinet.view": ["own"], "messages.view": ["own"], "messages.coordinate": ["own"], "messages.execute": ["own"] },
  },
  COORDINATOR: {
    label: "Координатор",
    hint: "Модерирует поступившие сообщения и распределяет их: назначает исполнителя, перенаправляет в подведомственную или вышестоящую организацию.",
    assignableIn: ANY_CABINET,
    can: { "cabinet.view": ["own"], "messages.view": ["own"], "messages.coordinate": ["own"] },
  },
  EXECUTOR: {
    label: "Исполнитель",
    hint: "Готовит ответы на назначенные ему сообщения, при необходимости просит перенести срок.",
    assignableIn: ANY_CABINET,
    can: { "cabinet.view": ["own"], "messages.view": ["own"], "messages.execute": ["own"] },
  },
  SUPERVISOR: {
    label: "Руководитель",
    hint: "Утверждает ответы перед отправкой заявителю или возвращает на доработку; решает о переносе срока.",
    assignableIn: ANY_CABINET,
    can: { "cabinet.view": ["own"], "messages.view": ["own"], "messages.approve": ["own"] },
  },
  OBSERVER: {
    label: "Наблюдатель",
    hint: "Просматривает кабинет без права изменений.",
    assignableIn: ANY_CABINET,
    can: { "cabinet.view": ["own"] },
  },
  CONNECTION_MONITOR: {
    label: "ИТ-специалист (мониторинг подключения)",
    hint: "Следит за подключением учреждений органа к ПОС.",
    assignableIn: ["EDITORIAL"],
    can: { "cabinet.view": ["own"], "monitoring.view": ["organizationTree"] },
  },
  REGION_OPERATOR: {
    label: "Региональный оператор ПОС",
    hint: "Рассматривает заявки органов, видит кабинеты и подключение всего региона.",
    assignableIn: [],
    can: { "cabinet.view": ["region"], "requests.review": ["organization"], "monitoring.view": ["region"], "region.settings": ["region"] },
  },
} as const satisfies Record<AccountRoleKind, RoleRule>;

/** Every role, in the order the tables and forms show them. */
export const ROLE_KINDS = Object.keys(ROLES) as AccountRoleKind[];

export const ROLE_LABELS = Object.fromEntries(ROLE_KINDS.map((r) => [r, ROLES[r].label])) as Record<AccountRoleKind, string>;

/** A role a ЛКО administrator can give in «Добавить пользователя» or the CSV import. */
export type TAssignableRole = { [K in AccountRoleKind]: (typeof ROLES)[K]["assignableIn"] extends readonly [] ? never : K }[AccountRoleKind];

export const ASSIGNABLE_ROLES = ROLE_KINDS.filter((r): r is TAssignableRole => ROLES[r].assignableIn.length > 0) as [TAssignableRole, ...TAssignableRole[]];

/** The roles a cabinet of this kind can have (a curator and a monitor look over institutions: organs only). */
export function rolesForCabinet(kind: CabinetKind): TAssignableRole[] {
  return ASSIGNABLE_ROLES.filter((r) => (ROLES[r].assignableIn as readonly CabinetKind[]).includes(kind));
}

/** How far the role's capability reaches; empty when the role does not carry it. */
export function reachOf(role: AccountRoleKind, capability: Capability): readonly Reach[] {
  return (ROLES[role].can as RoleRule["can"])[capability] ?? [];
}

export function roleCan(role: AccountRoleKind, capability: Capability): boolean {
  return reachOf(role, capability).length > 0;
}
