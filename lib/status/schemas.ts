// Inputs of the monitoring actions: the same schemas validate the forms and the server actions.
import { z } from "zod";

export const ZRemindInstitution = z.object({
  organizationId: z.string({ error: "Не выбрано учреждение." }).trim().min(1, "Не выбрано учреждение.").max(100),
});
export type TRemindInstitution = z.infer<typeof ZRemindInstitution>;

/** «Напомнить всем опоздавшим»: the current view (its filters, as the URL has them). */
export const ZRemindLate = z.object({
  view: z.string().max(2_000, "Слишком длинная ссылка на список.").default(""),
});
export type TRemindLate = z.infer<typeof ZRemindLate>;

export const ZConnectionDeadline = z.object({
  municipalityId: z.string({ error: "Не выбрано муниципальное образование." }).trim().min(1, "Не выбрано муниципальное образование.").max(100),
  deadline: z
    .string({ error: "Укажите дату." })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Укажите дату в формате ДД.ММ.ГГГГ.")
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100;
    }, "Такой даты нет: проверьте день, месяц и год."),
});
export type TConnectionDeadline = z.infer<typeof ZConnectionDeadline>;
