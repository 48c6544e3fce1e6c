import { z } from "zod";
import { CATEGORY_CODES, MESSAGE_CATEGORIES, subcategoriesOf } from "./categories";
import { isIsoDay } from "./calendar";

const codes = MESSAGE_CATEGORIES.map((c) => c.code) as [string, ...string[]];
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** An email (lower-cased) or a Russian phone number (+7XXXXXXXXXX); null if it is neither. */
export function normalizeContact(raw: string): string | null {
  const value = raw.trim();
  if (EMAIL.test(value)) return value.toLowerCase();
  if (!/^[\d\s()+-]+$/.test(value)) return null;
  const digits = value.replace(/\D/g, "");
  if (digits.length === 10) return `+7${digits}`;
  if (digits.length === 11 && (digits[0] === "7" || digits[0] === "8")) return `+7${digits.slice(1)}`;
  return null;
}

/** The citizen's message from the widget's form. */
export const ZCitizenMessage = z.object({
  category: z.enum(codes, { error: "Выберите тему сообщения." }),
  text: z.string({ error: "Опишите проблему." }).trim().min(10, "Опишите проблему подробнее: не меньше 10 символов.").max(4000, "Не больше 4000 символов."),
  authorName: z.string({ error: "Укажите, как к вам обращаться." }).trim().min(2, "Укажите, как к вам обращаться.").max(200, "Не больше 200 символов."),
  contact: z
    .string({ error: "Укажите электронную почту или телефон для ответа." })
    .trim()
    .min(1, "Укажите электронную почту или телефон для ответа.")
    .max(200, "Не больше 200 символов.")
    .transform((v, ctx) => {
      const contact = normalizeContact(v);
      if (!contact) {
        ctx.addIssue({ code: "custom", message: "Укажите электронную почту (name@example.ru) или телефон (+7 900 123-45-67)." });
        return z.NEVER;
      }
      return contact;
    }),
  consent: z.union([z.literal("on"), z.literal(true)], { error: "Без согласия на обработку персональных данных отправить сообщение нельзя." }),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional(),
  /** The site that framed the form, as the form page saw it; only kept when it is the official site. */
  embeddedBy: z.string().max(300).optional(),
});
export type TCitizenMessageInput = z.input<typeof ZCitizenMessage>;
export type TCitizenMessage = z.output<typeof ZCitizenMessage>;

// ───────────── The back office (issue 20): one schema per transition, shared by its form ─────────────

const id = (message: string) => z.string({ error: message }).trim().min(1, message).max(100, message);
/** A required text: one message for each way it can be wrong (empty, too short, too long). */
const text = (min: number, max: number, empty: string, short: string) =>
  z.string({ error: empty }).trim().superRefine((v, ctx) => {
    if (!v) ctx.addIssue({ code: "custom", message: empty });
    else if (v.length < min) ctx.addIssue({ code: "custom", message: short });
    else if (v.length > max) ctx.addIssue({ code: "custom", message: `Не больше ${max} символов.` });
  });

/** Which message and which version of it the person saw: a transition on a version changed since is refused. */
const ZMessageRef = z.object({
  messageId: id("Сообщение не указано."),
  version: z.coerce.number({ error: "Обновите страницу сообщения." }).int("Обновите страницу сообщения.").min(0, "Обновите страницу сообщения.").max(1_000_000, "Обновите страницу сообщения."),
});

export const ZAcceptMessage = ZMessageRef;

export const ZRejectMessage = ZMessageRef.extend({
  rejection: z.enum(["SPAM", "ABUSE"], { error: "Выберите причину отклонения." }),
  reason: text(5, 1000, "Поясните, почему сообщение отклонено.", "Поясните подробнее: не меньше 5 символов."),
});

const subcategoryOf = <T extends { category: string; subcategory?: string }>(value: T, ctx: z.RefinementCtx) => {
  if (value.subcategory && !subcategoriesOf(value.category).includes(value.subcategory)) {
    ctx.addIssue({ code: "custom", path: ["subcategory"], message: "Выберите подкатегорию из списка выбранной категории." });
  }
};

export const ZCategorizeMessage = ZMessageRef.extend({
  category: z.enum(CATEGORY_CODES, { error: "Выберите категорию." }),
  subcategory: z.string().trim().max(200).optional().transform((v) => v || undefined),
}).superRefine(subcategoryOf);

export const ZAssignExecutor = ZMessageRef.extend({ executorId: id("Выберите исполнителя.") });

export const ZRedirectMessage = ZMessageRef.extend({
  targetCabinetId: id("Выберите организацию, куда направить сообщение."),
  reason: text(5, 1000, "Укажите причину перенаправления.", "Поясните подробнее: не меньше 5 символов."),
});

const RESOLUTIONS = ["RESOLVED", "EXPLAINED", "DECLINED"] as const;
const answer = text(10, 8000, "Напишите ответ заявителю.", "Ответ слишком короткий: не меньше 10 символов.");

export const ZSaveDraft = ZMessageRef.extend({
  answerText: z.string().trim().max(8000, "Не больше 8000 символов.").optional().transform((v) => v || undefined),
  resolution: z.enum(RESOLUTIONS, { error: "Выберите тип решения из списка." }).optional().or(z.literal("").transform(() => undefined)),
  /** «Вставить шаблон»: the template's text is added to the answer. */
  templateId: z.string().trim().max(100).optional().transform((v) => v || undefined),
});

export const ZSubmitAnswer = ZMessageRef.extend({
  answerText: answer,
  resolution: z.enum(RESOLUTIONS, { error: "Выберите тип решения." }),
});

export const ZRequestExtension = ZMessageRef.extend({
  until: z.string({ error: "Укажите новую дату." }).trim().refine(isIsoDay, "Укажите новую дату в формате ДД.ММ.ГГГГ."),
  reason: text(5, 1000, "Укажите причину переноса срока.", "Поясните подробнее: не меньше 5 символов."),
});

export const ZDecideExtension = ZMessageRef.extend({
  decision: z.enum(["approve", "decline"], { error: "Выберите решение о переносе срока." }),
  comment: z.string().trim().max(1000, "Не больше 1000 символов.").optional().transform((v) => v || undefined),
});

export const ZApproveAnswer = ZMessageRef;

export const ZReturnAnswer = ZMessageRef.extend({
  comment: text(5, 1000, "Напишите, что исправить в ответе.", "Поясните подробнее: не меньше 5 символов."),
});

// ───────────── Templates, auto-rules, the region's deadlines and calendar ─────────────

export const ZSaveTemplate = z.object({
  cabinetId: id("Кабинет не указан."),
  templateId: z.string().trim().max(100).optional().transform((v) => v || undefined),
  title: text(3, 200, "Укажите название шаблона.", "Название слишком короткое: не меньше 3 символов."),
  text: text(10, 8000, "Напишите текст шаблона.", "Текст слишком короткий: не меньше 10 символов."),
});

export const ZDeleteTemplate = z.object({ templateId: id("Шаблон не указан.") });

export const ZSaveAutoRule = z.object({
  cabinetId: id("Кабинет не указан."),
  category: z.enum(CATEGORY_CODES, { error: "Выберите категорию." }),
  executorId: id("Выберите исполнителя."),
});

export const ZDeleteAutoRule = z.object({ ruleId: id("Правило не указано.") });

export const ZSaveDeadline = z.object({
  category: z.enum(CATEGORY_CODES, { error: "Выберите категорию." }),
  workingDays: z.coerce.number({ error: "Укажите число рабочих дней." }).int("Укажите целое число рабочих дней.").min(1, "Не меньше 1 рабочего дня.").max(60, "Не больше 60 рабочих дней."),
});

export const ZSaveCalendarDay = z.object({
  day: z.string({ error: "Укажите дату." }).trim().refine(isIsoDay, "Укажите дату в формате ДД.ММ.ГГГГ."),
  working: z.enum(["work", "rest"], { error: "Выберите: рабочий день или выходной." }),
  note: text(3, 200, "Укажите, что это за день (например, «Перенос выходного дня с 2 января»).", "Не меньше 3 символов."),
});

export const ZDeleteCalendarDay = z.object({
  day: z.string({ error: "Укажите дату." }).trim().refine(isIsoDay, "Укажите дату в формате ДД.ММ.ГГГГ."),
});

/** The citizen's rating (a plain form on /rate/<token>, no sign-in). */
export const ZRateAnswer = z.object({
  score: z.coerce.number({ error: "Выберите оценку от 1 до 5." }).int("Выберите оценку от 1 до 5.").min(1, "Выберите оценку от 1 до 5.").max(5, "Выберите оценку от 1 до 5."),
  resolved: z.enum(["yes", "no"], { error: "Укажите, решена ли проблема." }),
});
