// Inputs of the accounts area, shared by the forms (react-hook-form + zodResolver) and the server
// actions. No server-only imports here: the browser loads this module too.
import { z } from "zod";
import { ASSIGNABLE_ROLES } from "@/lib/access/roles";
import { zList, zTicked } from "@/lib/validation/form-values";

const NAME_RE = /^[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё\-' ]*$/;

const required = (label: string, max: number) =>
  z
    .string({ error: `Заполните поле «${label}».` })
    .trim()
    .min(1, `Заполните поле «${label}».`)
    .max(max, `Поле «${label}»: не больше ${max} символов.`);

const personName = (label: string) => required(label, 100).regex(NAME_RE, `Поле «${label}»: только буквы, дефис, апостроф и пробел.`);

/** «+7 (900) 000-00-02», «89000000002», «9000000002» → «+7 (900) 000-00-02». */
export function normalizeRussianPhone(value: string): string | null {
  const digits = value.replace(/\D/g, "");
  const ten = digits.length === 11 && (digits.startsWith("7") || digits.startsWith("8")) ? digits.slice(1) : digits.length === 10 ? digits : null;
  if (!ten) return null;
  return `+7 (${ten.slice(0, 3)}) ${ten.slice(3, 6)}-${ten.slice(6, 8)}-${ten.slice(8, 10)}`;
}

export const ZAccountEmail = z
  .string({ error: "Укажите адрес электронной почты." })
  .trim()
  .toLowerCase()
  .min(1, "Укажите адрес электронной почты.")
  .max(254, "Адрес электронной почты слишком длинный.")
  .pipe(z.email("Адрес электронной почты указан неверно. Пример: ivanova@school.ru"));

const accountShape = {
  cabinetId: z.string({ error: "Не указан кабинет." }).min(1, "Не указан кабинет.").max(100),
  lastName: personName("Фамилия"),
  firstName: personName("Имя"),
  middleName: z
    .string()
    .trim()
    .max(100, "Поле «Отчество»: не больше 100 символов.")
    .regex(/^$|^[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё\-' ]*$/, "Поле «Отчество»: только буквы, дефис, апостроф и пробел.")
    .optional()
    .default(""),
  email: ZAccountEmail,
  phone: z
    .string()
    .trim()
    .max(30, "Телефон указан неверно. Пример: +7 (900) 123-45-67")
    .optional()
    .default("")
    .refine((v) => v === "" || normalizeRussianPhone(v) !== null, "Телефон указан неверно. Пример: +7 (900) 123-45-67"),
  position: required("Должность", 200),
  roles: zList(z.array(z.enum(ASSIGNABLE_ROLES, { error: "Выберите роль из списка." })).min(1, "Добавьте хотя бы одну роль.").max(ASSIGNABLE_ROLES.length)),
  curatorSphereIds: zList(z.array(z.string().min(1).max(100)).max(20, "Слишком много сфер.")),
};

/** «Добавить пользователя»: one schema for the form, the server action and every row of a CSV import. */
export const ZAddAccount = z.object(accountShape).superRefine((v, ctx) => {
  if (v.roles.includes("CURATOR") && v.curatorSphereIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["curatorSphereIds"], message: "Для роли «Куратор по направлению» выберите хотя бы одну сферу." });
  }
});
export type TAddAccountInput = z.input<typeof ZAddAccount>;
export type TAddAccount = z.output<typeof ZAddAccount>;

/** One account in the table: resend, archive, restore. */
export const ZAccountRef = z.object({
  accountId: z.string({ error: "Не указана учётная запись." }).min(1, "Не указана учётная запись.").max(100),
});
export type TAccountRef = z.infer<typeof ZAccountRef>;

export const IMPORT_MAX_BYTES = 512 * 1024;
export const IMPORT_MAX_ROWS = 500;

/** Bulk import: the CSV text (the file is read into the form, or pasted). */
export const ZImportAccounts = z.object({
  cabinetId: accountShape.cabinetId,
  csv: z
    .string({ error: "Выберите файл CSV или вставьте его содержимое." })
    .min(1, "Выберите файл CSV или вставьте его содержимое.")
    .max(IMPORT_MAX_BYTES, "Файл слишком большой: не больше 500 КБ (около 500 строк)."),
});
export type TImportAccounts = z.infer<typeof ZImportAccounts>;

/** «Мною пройдено обучение». */
export const ZConfirmTraining = z.object({
  trained: zTicked("Поставьте отметку «Мною пройдено обучение»."),
  next: z.string().max(300).optional(),
});
export type TConfirmTraining = z.input<typeof ZConfirmTraining>;

/** Accepting an invitation: the token from the link. */
export const ZInvitationToken = z.object({
  token: z.string({ error: "Ссылка приглашения недействительна." }).min(10, "Ссылка приглашения недействительна.").max(200, "Ссылка приглашения недействительна."),
});
export type TInvitationToken = z.infer<typeof ZInvitationToken>;
