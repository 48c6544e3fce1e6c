import "server-only";
// The citizen's rating through the signed link of the answer (no sign-in): 1–5 and «Решено / Не
// решено», once per answer. «Не решено» opens «Повторное рассмотрение» in the same transaction:
// back to the executor (or the coordinators if the executor can no longer take it) with a new
// planned date counted from today. Decision 074.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/log";
import { now } from "@/lib/server/clock";
import { dateAsDay, formatDay } from "@/lib/ui/format";
import { plannedDayFor } from "./deadlines";
import { notifyCoordinators, notifyStaff } from "./notices";
import { readRatingToken } from "./rating-link";
import { ZRateAnswer } from "./schemas";
import { reReviewState } from "./workflow";

export type TRatingPage =
  | { state: "invalid" | "expired" }
  | { state: "open" | "rated" | "superseded"; number: number; cabinetName: string; answer: string | null; rating?: { score: number; resolved: boolean } };

export const RATING_REFUSALS = {
  invalid: "Ссылка для оценки неверна. Откройте её из письма с ответом целиком.",
  expired: "Срок, в который можно оценить этот ответ, истёк.",
  rated: "Этот ответ уже оценён. Спасибо!",
  superseded: "По сообщению дан новый ответ: оцените его по ссылке из нового письма.",
} as const;

/** What the rating page shows for a link. */
export async function ratingPage(token: string): Promise<TRatingPage> {
  const check = readRatingToken(token, now());
  if (!check.ok) return { state: check.reason };
  const m = await db.citizenMessage.findUnique({
    where: { id: check.messageId },
    select: { number: true, answerRound: true, answerText: true, cabinet: { select: { name: true } }, ratings: { where: { round: check.round }, select: { score: true, resolved: true } } },
  });
  if (!m || check.round > m.answerRound || check.round < 1) return { state: "invalid" };
  const base = { number: m.number, cabinetName: m.cabinet.name, answer: check.round === m.answerRound ? m.answerText : null };
  if (m.ratings[0]) return { state: "rated", ...base, rating: m.ratings[0] };
  if (check.round < m.answerRound) return { state: "superseded", ...base };
  return { state: "open", ...base };
}

export type TRateOutcome = { ok: true; reReview: boolean } | { ok: false; reason: keyof typeof RATING_REFUSALS } | { ok: false; reason: "fields"; fieldErrors: Record<string, string> };

export async function rateAnswer(token: string, raw: Record<string, unknown>): Promise<TRateOutcome> {
  const at = now();
  const check = readRatingToken(token, at);
  if (!check.ok) return { ok: false, reason: check.reason };
  const parsed = ZRateAnswer.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "_")] ??= issue.message;
    return { ok: false, reason: "fields", fieldErrors };
  }
  const { score } = parsed.data;
  const resolved = parsed.data.resolved === "yes";
  return db.$transaction(async (tx) => {
    const m = await tx.citizenMessage.findUnique({
      where: { id: check.messageId },
      select: {
        id: true, number: true, version: true, stage: true, status: true, answerRound: true, category: true, cabinetId: true, executorId: true,
        executor: { select: { status: true } },
        cabinet: { select: { id: true, lkoId: true, name: true, email: true, regionId: true, organizationId: true } },
      },
    });
    if (!m || check.round > m.answerRound || check.round < 1) return { ok: false, reason: "invalid" } as const;
    if (check.round < m.answerRound) return { ok: false, reason: "superseded" } as const;
    // The unique (message, round) makes a second rating — even at the same moment — a refusal.
    const { count } = await tx.messageRating.createMany({ data: [{ messageId: m.id, round: check.round, score, resolved }], skipDuplicates: true });
    if (count === 0) return { ok: false, reason: "rated" } as const;
    const reopen = !resolved && m.stage === "CLOSED" && m.status === "ANSWERED";
    const executorId = m.executor?.status === "CONFIRMED" ? m.executorId : null;
    const plannedOn = reopen ? await plannedDayFor(tx, m.cabinet.regionId, m.category, at) : undefined;
    await tx.citizenMessage.update({
      where: { id: m.id },
      data: {
        rating: score, resolvedByCitizen: resolved, version: { increment: 1 },
        ...(reopen ? { ...reReviewState(executorId !== null), executorId, closedAt: null, plannedOn, reReviews: { increment: 1 } } : {}),
      },
    });
    const audit = { entityType: "CitizenMessage", entityId: m.id, cabinetId: m.cabinetId, organizationId: m.cabinet.organizationId };
    await recordAudit(tx, { ...audit, action: "message.rated", data: { score, resolved, round: check.round } });
    if (reopen && plannedOn) {
      const state = reReviewState(executorId !== null);
      await recordAudit(tx, { ...audit, action: "message.re_review", data: { ...state, plannedOn: dateAsDay(plannedOn) } });
      const n = {
        cabinet: m.cabinet, messageId: m.id, number: m.number, subject: "Повторное рассмотрение", key: `message-re-review:${m.id}:${check.round}`,
        paragraphs: [`Заявитель оценил ответ на ${score} из 5 и отметил «Не решено». Сообщение вернулось на повторное рассмотрение, новый срок — ${formatDay(plannedOn)}.`],
      };
      if (executorId) await notifyStaff(tx, { accountIds: [executorId] }, n);
      else await notifyCoordinators(tx, n);
    }
    return { ok: true, reReview: reopen } as const;
  });
}
