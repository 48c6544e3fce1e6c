// Permissions as data: what each role of a ЛКО account may do. Scope (which cabinets) is added by
// the policies in ./policies.ts. Pure module: the UI reads the labels too.
import type { AccountRoleKind } from "@/lib/db/generated/enums";

export const CAPABILITIES = [
  "cabinet.view", // open the cabinet and its data
  "cabinet.manage", // confirm data, manage the cabinet and the cabinets bound to it
  "accounts.manage", // add, invite, archive accounts
  "functioning.edit", // readiness points, official site, widget
  "messages.handle", // work with citizens' messages
  "requests.review", // approve and reject cabinet requests addressed to the organ
  "monitoring.view", // connection status of the organ's institutions
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const ROLE_CAPABILITIES: Record<AccountRoleKind, readonly Capability[]> = {
  LKO_ADMIN: ["cabinet.view", "cabinet.manage", "accounts.manage", "functioning.edit", "messages.handle", "requests.review"],
  CURATOR: ["cabinet.view", "cabinet.manage", "messages.handle"],
  MODERATOR: ["cabinet.view", "messages.handle"],
  OBSERVER: ["cabinet.view"],
  CONNECTION_MONITOR: ["cabinet.view", "monitoring.view"],
  REGION_OPERATOR: ["cabinet.view", "requests.review", "monitoring.view"],
};

export const ROLE_LABELS: Record<AccountRoleKind, string> = {
  LKO_ADMIN: "Администратор ЛКО",
  CURATOR: "Куратор по направлению",
  MODERATOR: "Модератор/исполнитель сообщений",
  OBSERVER: "Наблюдатель",
  CONNECTION_MONITOR: "ИТ-специалист (мониторинг подключения)",
  REGION_OPERATOR: "Региональный оператор ПОС",
};

/** Roles an administrator may give in «Добавить пользователя». */
export const ASSIGNABLE_ROLES: readonly AccountRoleKind[] = ["LKO_ADMIN", "CURATOR", "MODERATOR", "OBSERVER", "CONNECTION_MONITOR"];

export function roleCan(role: AccountRoleKind, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].includes(capability);
}
