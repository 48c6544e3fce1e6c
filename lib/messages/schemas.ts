import { z } from "zod";
import { MESSAGE_CATEGORIES } from "./categories";

const codes = MESSAGE_CATEGORIES.map((c) => c.code) as [string, ...string[]];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

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

export const ZSetMessageStatus = z.object({
  messageId: z.string().min(1).max(100),
  from: z.enum(["NEW", "IN_PROGRESS", "ANSWERED"]),
  to: z.enum(["NEW", "IN_PROGRESS", "ANSWERED"]),
});
