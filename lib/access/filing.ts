// Who may file a cabinet request (Госпаблики): a rule about the person's place in the
// organization as ЕСИА reports it, not about ЛКО roles. Pure module.
import type { Actor } from "./actor";

/**
 * The ЕСИА access group that lets an organization's руководитель or администратор file a request,
 * by mnemonic. Configuration (POS_FILING_ACCESS_GROUP): the real ЕСИА's mnemonic is set per
 * installation; by default the one the demo ЕСИА hands out.
 */
export const DEFAULT_FILING_ACCESS_GROUP = "POS_GOSPABLIKI_KABINET_UCHREZHDENIYA";
export const filingAccessGroup = () => (typeof process !== "undefined" && process.env?.POS_FILING_ACCESS_GROUP) || DEFAULT_FILING_ACCESS_GROUP;

export type FilingGap = "membership" | "role" | "group";

export const FILING_GAP_TEXT: Record<FilingGap, string> = {
  membership: "вы не прикреплены к профилю этой организации в ЕСИА",
  role: "в профиле организации в ЕСИА у вас нет роли «Администратор» или «Руководитель»",
  group: "вы не добавлены в группу доступа «ПОС. Госпаблики. Кабинет учреждения» в ЕСИА",
};

/** What the person lacks to file a cabinet request for the organization; empty when nothing. */
export function filingGaps(actor: Actor, organizationId: string): FilingGap[] {
  const m = actor.memberships.find((x) => x.organizationId === organizationId);
  if (!m) return ["membership"];
  const gaps: FilingGap[] = [];
  if (!m.chief && !m.admin) gaps.push("role");
  if (!m.groups.includes(filingAccessGroup())) gaps.push("group");
  return gaps;
}

/** The refusal a filing action gives, naming every gap. */
export const filingRefusal = (gaps: FilingGap[]) => `Подать заявку нельзя: ${gaps.map((g) => FILING_GAP_TEXT[g]).join("; ")}.`;
