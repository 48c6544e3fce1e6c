import "server-only";
import "@/lib/validation/zod-config";
import { invalidTextErrors } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { recordAudit } from "@/lib/audit/log";
import { portalUrl } from "@/lib/esia/config";
import { now as clockNow } from "@/lib/server/clock";
import { dateAsDay } from "@/lib/ui/format";
import { plannedDayFor } from "./deadlines";
import { joinDigest } from "./digest";
import { isOfficialOrigin, officialOrigin } from "@/lib/functioning/official-site";
import { checkFormToken, countMessage, HONEYPOT_FIELD } from "./form-guard";
import { ZCitizenMessage } from "./schemas";

/** The cabinet behind a widget number, if it accepts messages (approved, i.e. exists, and not archived). */
export async function findWidgetCabinet(lkoId: number) {
  if (!Number.isSafeInteger(lkoId) || lkoId <= 0) return null;
  const cabinet = await db.cabinet.findUnique({
    where: { lkoId },
    select: { id: true, lkoId: true, name: true, status: true, officialSite: true, noSite: true, email: true, organizationId: true, regionId: true },
  });
  return cabinet && cabinet.status === "ACTIVE" ? cabinet : null;
}
export type TWidgetCabinet = NonNullable<Awaited<ReturnType<typeof findWidgetCabinet>>>;

/**
 * Where a submission may come from: the portal's own form page (framed by the official site,
 * which CSP frame-ancestors enforces, or opened by a social-network link) or the official site
 * itself, under either of its www and bare forms. A browser always sends Origin with a POST; other
 * pages' posts are refused.
 */
export function submissionOriginAllowed(cabinet: Pick<TWidgetCabinet, "officialSite" | "noSite">, origin: string | null): boolean {
  if (!origin) return false;
  return origin === new URL(portalUrl()).origin || isOfficialOrigin(officialOrigin(cabinet), origin);
}

export type TSubmitOutcome =
  | { ok: true; messageId: string; duplicate: boolean }
  | { ok: false; reason: "unavailable" | "origin" | "conflict"; error: string }
  | { ok: false; reason: "invalid"; error: string; fieldErrors: Record<string, string[]> }
  /** Not accepted now, the text is kept: the form comes back (with a fresh token) to send again. */
  | { ok: false; reason: "again"; status: 403 | 422 | 429; error: string; retryAfterMs?: number };

export const SUBMIT_ERRORS = {
  unavailable: "Прием сообщений через эту форму не ведется.",
  origin: "Сообщение не принято: форму можно отправить только со страницы Платформы обратной связи на официальном сайте организации.",
  conflict: "Сообщение не принято. Обновите страницу и отправьте его снова.",
  token: "Сообщение не принято: форма открыта не с сайта организации или устарела. Ваш текст сохранён — проверьте его и нажмите «Отправить сообщение».",
  tooFast: "Форма отправлена слишком быстро. Ваш текст сохранён — проверьте его и нажмите «Отправить сообщение» ещё раз.",
  expired: "Форма была открыта слишком давно. Ваш текст сохранён — проверьте его и нажмите «Отправить сообщение» ещё раз.",
  honeypot: "Сообщение не принято: заполнено служебное поле, которое людям не видно. Ваш текст сохранён — отправьте его ещё раз.",
} as const;

/** «Слишком много сообщений…» with the wait in whole minutes. */
export const limitedText = (retryAfterMs: number) =>
  `Слишком много сообщений за короткое время. Ваш текст сохранён — отправьте его через ${Math.max(1, Math.ceil(retryAfterMs / 60_000))} мин.`;

/** Stores a citizen's message in the cabinet's inbox and in its digest to the staff (decision 078), once per idempotency key. */
export async function submitCitizenMessage(
  lkoId: number, raw: Record<string, unknown>, ctx: { origin: string | null; address: string; now?: Date },
): Promise<TSubmitOutcome> {
  const cabinet = await findWidgetCabinet(lkoId);
  if (!cabinet) return { ok: false, reason: "unavailable", error: SUBMIT_ERRORS.unavailable };
  if (!submissionOriginAllowed(cabinet, ctx.origin)) return { ok: false, reason: "origin", error: SUBMIT_ERRORS.origin };
  // A script can forge Origin: the form's own token, its fill time and the honeypot stop it (form-guard.ts).
  const token = checkFormToken(lkoId, raw.idempotencyKey, raw.formToken, ctx.now);
  if (token === "missing" || token === "forged") return { ok: false, reason: "again", status: 403, error: SUBMIT_ERRORS.token };
  if (token !== "ok") return { ok: false, reason: "again", status: 422, error: SUBMIT_ERRORS[token] };
  if (typeof raw[HONEYPOT_FIELD] === "string" && raw[HONEYPOT_FIELD] !== "") return { ok: false, reason: "again", status: 422, error: SUBMIT_ERRORS.honeypot };
  const invalidText = invalidTextErrors(raw);
  if (invalidText) return { ok: false, reason: "invalid", error: "Проверьте правильность заполнения полей.", fieldErrors: invalidText };
  const parsed = ZCitizenMessage.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    return { ok: false, reason: "invalid", error: "Проверьте правильность заполнения полей.", fieldErrors };
  }
  const input = parsed.data;
  const official = officialOrigin(cabinet);
  const origin = isOfficialOrigin(official, input.embeddedBy ?? null) ? input.embeddedBy! : isOfficialOrigin(official, ctx.origin) ? ctx.origin : null;
  const now = ctx.now ?? clockNow();

  if (input.idempotencyKey) {
    const existing = await db.citizenMessage.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, receivedCabinetId: true } });
    if (existing) return existing.receivedCabinetId === cabinet.id ? { ok: true, messageId: existing.id, duplicate: true } : { ok: false, reason: "conflict", error: SUBMIT_ERRORS.conflict };
  }
  // Counted only for a new message (a repeated press of «Отправить» is the same one).
  const waitMs = await countMessage(ctx.address, lkoId, now);
  if (waitMs > 0) return { ok: false, reason: "again", status: 429, error: limitedText(waitMs), retryAfterMs: waitMs };
  try {
    const message = await db.$transaction(async (tx) => {
      const plannedOn = await plannedDayFor(tx, cabinet.regionId, input.category, now);
      // Its staff learn of it from the cabinet's digest, one email per window (decision 078).
      const digestId = await joinDigest(tx, cabinet.id, now);
      const created = await tx.citizenMessage.create({
        data: {
          cabinetId: cabinet.id, receivedCabinetId: cabinet.id, category: input.category, text: input.text, authorName: input.authorName, contact: input.contact,
          consentAt: now, origin, idempotencyKey: input.idempotencyKey ?? null, createdAt: now, plannedOn, digestId,
        },
        select: { id: true, number: true },
      });
      await recordAudit(tx, {
        action: "message.received", entityType: "CitizenMessage", entityId: created.id, cabinetId: cabinet.id, organizationId: cabinet.organizationId,
        data: { category: input.category, origin, stage: "MODERATION", status: "NEW", plannedOn: dateAsDay(plannedOn) },
      });
      return created;
    });
    return { ok: true, messageId: message.id, duplicate: false };
  } catch (error) {
    // The same key submitted twice at once: the first one stored it.
    if (isUniqueViolation(error, "idempotencyKey") && input.idempotencyKey) {
      const existing = await db.citizenMessage.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, receivedCabinetId: true } });
      if (existing?.receivedCabinetId === cabinet.id) return { ok: true, messageId: existing.id, duplicate: true };
    }
    throw error;
  }
}

/** What the citizen's confirmation page tells: the message's number and planned date (nothing personal). */
export async function sentReceipt(cabinetId: string, messageId: string): Promise<{ number: number; plannedOn: Date } | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(messageId)) return null;
  return db.citizenMessage.findFirst({ where: { id: messageId, receivedCabinetId: cabinetId }, select: { number: true, plannedOn: true } });
}
