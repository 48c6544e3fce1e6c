// One zod schema per input, shared by the forms (react-hook-form + zodResolver) and the server
// actions (issue 4). Messages are in Russian and say what to do.
import { z } from "zod";
import { CabinetType, type RequestStatus } from "@/lib/db/generated/enums";
import { zCheckbox, zList } from "@/lib/validation/form-values";
import { isOrganType } from "./rules";

const id = (message: string) => z.string({ error: message }).trim().min(1, message).max(64, message);

/** Input that is not a form at all (a forged call): said plainly instead of zod's English default. */
const FORM_SHAPE = { error: "Данные формы не распознаны: обновите страницу и заполните форму снова." };

const cabinetRequestFields = {
  kind: z.enum(["EDITORIAL", "WORK"], { error: "Выберите кабинет: кабинет редакции или рабочий кабинет." }),
  name: z
    .string({ error: "Введите название кабинета." })
    .trim()
    .min(1, { error: "Введите название кабинета.", abort: true })
    .min(3, "Название кабинета — не короче 3 символов.")
    .max(250, "Название кабинета — не длиннее 250 символов."),
  regionId: id("Выберите регион."),
  type: z.enum(Object.values(CabinetType) as [CabinetType, ...CabinetType[]], { error: "Выберите тип кабинета." }),
  editorialCabinetId: z
    .string({ error: "Выберите редакцию." })
    .trim()
    .max(64, "Выберите редакцию из списка.")
    .optional()
    .transform((v) => (v ? v : undefined)),
  sphereIds: zList(
    z
      .array(z.string({ error: "Выберите сферы из списка." }).trim().min(1).max(64), { error: "Выберите сферы из списка." })
      .min(1, "Выберите хотя бы одну сферу.")
      .max(20, "Выберите не больше 20 сфер.")
      .transform((list) => [...new Set(list)]),
  ),
  email: z
    .string({ error: "Введите электронную почту." })
    .trim()
    .min(1, { error: "Введите электронную почту.", abort: true })
    .max(254, "Адрес электронной почты слишком длинный.")
    .pipe(z.email("Введите адрес электронной почты полностью, например info@school.ru."))
    .transform((v) => v.toLowerCase()),
};

interface KindTypeEditorial {
  kind: "EDITORIAL" | "WORK";
  type: CabinetType;
  editorialCabinetId?: string;
}

/** Rules between fields: an editorial cabinet is an organ's and is bound to nothing; a work cabinet to a «Редакция». */
function checkKind(value: KindTypeEditorial, ctx: z.RefinementCtx) {
  if (value.kind === "EDITORIAL") {
    if (!isOrganType(value.type)) {
      ctx.addIssue({ code: "custom", path: ["type"], message: "Кабинет редакции создают РОИВ, ОМСУ и территориальные органы РОИВ; учреждению нужен рабочий кабинет." });
    }
    if (value.editorialCabinetId) {
      ctx.addIssue({ code: "custom", path: ["editorialCabinetId"], message: "Кабинет редакции не привязывается к другой редакции." });
    }
  } else if (!value.editorialCabinetId) {
    ctx.addIssue({ code: "custom", path: ["editorialCabinetId"], message: "Выберите редакцию." });
  }
}

/** «Форма заявки на создание рабочего кабинета» (and of the editorial one). */
export const ZCabinetRequestForm = z.object(cabinetRequestFields, FORM_SHAPE).superRefine(checkKind);
export type TCabinetRequestForm = z.infer<typeof ZCabinetRequestForm>;
export type TCabinetRequestFormInput = z.input<typeof ZCabinetRequestForm>;

const requestRef = {
  requestId: id("Заявка не указана: обновите страницу."),
  version: z.coerce
    .number({ error: "Обновите страницу: не хватает сведений о версии заявки." })
    .int("Обновите страницу: не хватает сведений о версии заявки.")
    .min(0, "Обновите страницу: не хватает сведений о версии заявки.")
    .max(1_000_000_000, "Обновите страницу: не хватает сведений о версии заявки."),
};

/** The same form after a rejection: «Создать кабинет» sends a new revision of the same request. */
export const ZResubmitCabinetRequest = z.object({ ...cabinetRequestFields, ...requestRef }, FORM_SHAPE).superRefine(checkKind);
export type TResubmitCabinetRequest = z.infer<typeof ZResubmitCabinetRequest>;

/** «Одобрить». */
export const ZApproveRequest = z.object(requestRef, FORM_SHAPE);
export type TApproveRequest = z.infer<typeof ZApproveRequest>;

/** «Отклонить»: a reason is required — typed, or taken from a template. */
export const ZRejectRequest = z
  .object({
    ...requestRef,
    reason: z
      .string({ error: "Укажите причину отклонения." })
      .trim()
      .max(1000, "Причина — не длиннее 1000 символов.")
      .optional()
      .transform((v) => v ?? ""),
    templateId: z
      .string()
      .trim()
      .max(64, "Выберите шаблон из списка.")
      .optional()
      .transform((v) => (v ? v : undefined)),
    saveAsTemplate: zCheckbox(),
  }, FORM_SHAPE)
  .superRefine((value, ctx) => {
    if (!value.reason && !value.templateId) ctx.addIssue({ code: "custom", path: ["reason"], message: "Укажите причину отклонения." });
    else if (value.reason && value.reason.length < 5) ctx.addIssue({ code: "custom", path: ["reason"], message: "Опишите причину подробнее: заявитель должен понять, что исправить." });
    if (value.saveAsTemplate && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Чтобы сохранить шаблон, введите текст причины." });
  });
export type TRejectRequest = z.infer<typeof ZRejectRequest>;
export type TRejectRequestInput = z.input<typeof ZRejectRequest>;

/** The review queue's filters, from the address bar: anything unreadable falls back to the default. */
export const ZRequestQueueFilter = z.object({
  status: z.enum(["PENDING", "APPROVED", "REJECTED", "ALL"] satisfies Array<RequestStatus | "ALL">).catch("PENDING").default("PENDING"),
  type: z.enum(Object.values(CabinetType) as [CabinetType, ...CabinetType[]]).optional().catch(undefined),
  kind: z.enum(["EDITORIAL", "WORK"]).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TRequestQueueFilter = z.infer<typeof ZRequestQueueFilter>;
