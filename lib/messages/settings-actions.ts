"use server";
// What the ЛКО administrator sets for the cabinet's messages (answer templates, auto-rules
// «категория → исполнитель») and what the region's operator sets for the region (working days per
// category, the production calendar). Each a server action: authorized in load, one transaction, audited.
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { ActionError, ForbiddenError } from "@/lib/actions/errors";
import { cabinetFor, cabinetsWhere, settingsRegions } from "@/lib/access/policies";
import { recordAudit } from "@/lib/audit/log";
import { dayAsDate, formatDay } from "@/lib/ui/format";
import { categoryLabel } from "./categories";
import { executorsOf } from "./routing";
import { ZDeleteAutoRule, ZDeleteCalendarDay, ZDeleteTemplate, ZSaveAutoRule, ZSaveCalendarDay, ZSaveDeadline, ZSaveTemplate } from "./schemas";

const CABINET = { id: true, lkoId: true, organizationId: true } as const;
const NO_CONFIGURE = "Нет прав настраивать сообщения этого кабинета.";
const cabinetPages = (lkoId: number) => [[`/admin/cabinets/${lkoId}/messages`, "layout"] as const];

// ───────────── Шаблоны ответов ─────────────

export const saveTemplate = defineAction({
  name: "messages.saveTemplate",
  schema: ZSaveTemplate,
  async load(input, { actor }) {
    const cabinet = await cabinetFor(actor, input.cabinetId, "messages.configure", CABINET, NO_CONFIGURE);
    if (input.templateId && !(await db.answerTemplate.findFirst({ where: { id: input.templateId, cabinetId: cabinet.id }, select: { id: true } }))) throw new ForbiddenError(NO_CONFIGURE);
    return cabinet;
  },
  async handler(input, { session, resource: cabinet }) {
    return db.$transaction(async (tx) => {
      const data = { title: input.title, text: input.text };
      const template = input.templateId
        ? await tx.answerTemplate.update({ where: { id: input.templateId }, data, select: { id: true } })
        : await tx.answerTemplate.create({ data: { ...data, cabinetId: cabinet.id }, select: { id: true } });
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: input.templateId ? "message_template.updated" : "message_template.created", entityType: "AnswerTemplate", entityId: template.id,
        cabinetId: cabinet.id, organizationId: cabinet.organizationId, data: { title: input.title },
      });
      return { id: template.id, updated: Boolean(input.templateId) };
    });
  },
  revalidate: (_d, _i, cabinet) => cabinetPages(cabinet.lkoId),
  form: { message: (d) => (d.updated ? "Шаблон сохранён." : "Шаблон добавлен.") },
});

export const deleteTemplate = defineAction({
  name: "messages.deleteTemplate",
  schema: ZDeleteTemplate,
  async load(input, { actor }) {
    const template = await db.answerTemplate.findFirst({ where: { id: input.templateId, cabinet: cabinetsWhere(actor, "messages.configure") }, select: { id: true, title: true, cabinet: { select: CABINET } } });
    if (!template) throw new ForbiddenError(NO_CONFIGURE);
    return template;
  },
  async handler(_input, { session, resource: template }) {
    await db.$transaction(async (tx) => {
      await tx.answerTemplate.delete({ where: { id: template.id } });
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: "message_template.deleted", entityType: "AnswerTemplate", entityId: template.id,
        cabinetId: template.cabinet.id, organizationId: template.cabinet.organizationId, data: { title: template.title },
      });
    });
    return { title: template.title };
  },
  revalidate: (_d, _i, template) => cabinetPages(template.cabinet.lkoId),
  form: { message: (d) => `Шаблон «${d.title}» удалён.` },
});

// ───────────── Автоправила ─────────────

export const saveAutoRule = defineAction({
  name: "messages.saveAutoRule",
  schema: ZSaveAutoRule,
  load: (input, { actor }) => cabinetFor(actor, input.cabinetId, "messages.configure", CABINET, NO_CONFIGURE),
  async handler(input, { session, resource: cabinet }) {
    return db.$transaction(async (tx) => {
      const executor = (await executorsOf(tx, cabinet.id)).find((e) => e.id === input.executorId);
      if (!executor) throw new ActionError("Выберите исполнителя из списка.", { executorId: ["Этот сотрудник не может быть исполнителем в этом кабинете."] });
      const rule = await tx.messageAutoRule.upsert({
        where: { cabinetId_category: { cabinetId: cabinet.id, category: input.category } },
        create: { cabinetId: cabinet.id, category: input.category, executorId: executor.id },
        update: { executorId: executor.id },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: "message_rule.saved", entityType: "MessageAutoRule", entityId: rule.id, cabinetId: cabinet.id,
        organizationId: cabinet.organizationId, data: { category: input.category, executorName: executor.name },
      });
      return { category: categoryLabel(input.category), executor: executor.name };
    });
  },
  revalidate: (_d, _i, cabinet) => cabinetPages(cabinet.lkoId),
  form: { message: (d) => `Правило сохранено: «${d.category}» — ${d.executor}.` },
});

export const deleteAutoRule = defineAction({
  name: "messages.deleteAutoRule",
  schema: ZDeleteAutoRule,
  async load(input, { actor }) {
    const rule = await db.messageAutoRule.findFirst({ where: { id: input.ruleId, cabinet: cabinetsWhere(actor, "messages.configure") }, select: { id: true, category: true, cabinet: { select: CABINET } } });
    if (!rule) throw new ForbiddenError(NO_CONFIGURE);
    return rule;
  },
  async handler(_input, { session, resource: rule }) {
    await db.$transaction(async (tx) => {
      await tx.messageAutoRule.delete({ where: { id: rule.id } });
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: "message_rule.deleted", entityType: "MessageAutoRule", entityId: rule.id, cabinetId: rule.cabinet.id,
        organizationId: rule.cabinet.organizationId, data: { category: rule.category },
      });
    });
    return { category: categoryLabel(rule.category) };
  },
  revalidate: (_d, _i, rule) => cabinetPages(rule.cabinet.lkoId),
  form: { message: (d) => `Правило для категории «${d.category}» удалено.` },
});

// ───────────── Сроки и календарь региона ─────────────

const NO_SETTINGS = "Сроки и производственный календарь задаёт региональный оператор ПОС.";
const SETTINGS_PAGE = [["/admin/messages-settings", "page"] as const];

async function operatorRegion(actor: Parameters<typeof settingsRegions>[0]) {
  const [regionId] = settingsRegions(actor);
  if (!regionId) throw new ForbiddenError(NO_SETTINGS);
  return { regionId };
}

export const saveDeadline = defineAction({
  name: "messages.saveDeadline",
  schema: ZSaveDeadline,
  load: (_input, { actor }) => operatorRegion(actor),
  async handler(input, { session, resource: { regionId } }) {
    await db.$transaction(async (tx) => {
      await tx.messageDeadline.upsert({
        where: { regionId_category: { regionId, category: input.category } },
        create: { regionId, category: input.category, workingDays: input.workingDays },
        update: { workingDays: input.workingDays },
      });
      await recordAudit(tx, { actorPersonId: session.person.id, action: "message_deadline.saved", entityType: "Region", entityId: regionId, data: { category: input.category, workingDays: input.workingDays } });
    });
    return { category: categoryLabel(input.category), days: input.workingDays };
  },
  revalidate: SETTINGS_PAGE,
  form: { message: (d) => `Срок для категории «${d.category}»: ${d.days} раб. дн. Он применяется к сообщениям, которые поступят теперь.` },
});

export const saveCalendarDay = defineAction({
  name: "messages.saveCalendarDay",
  schema: ZSaveCalendarDay,
  load: (_input, { actor }) => operatorRegion(actor),
  async handler(input, { session, resource: { regionId } }) {
    const day = dayAsDate(input.day);
    const working = input.working === "work";
    await db.$transaction(async (tx) => {
      await tx.workCalendarDay.upsert({ where: { regionId_day: { regionId, day } }, create: { regionId, day, working, note: input.note }, update: { working, note: input.note } });
      await recordAudit(tx, { actorPersonId: session.person.id, action: "work_calendar.saved", entityType: "Region", entityId: regionId, data: { day: input.day, working, note: input.note } });
    });
    return { day: formatDay(day), working };
  },
  revalidate: SETTINGS_PAGE,
  form: { message: (d) => `${d.day} — ${d.working ? "рабочий день" : "выходной"}. Календарь учитывается в сроках сообщений, которые поступят теперь.` },
});

export const deleteCalendarDay = defineAction({
  name: "messages.deleteCalendarDay",
  schema: ZDeleteCalendarDay,
  async load(input, { actor }) {
    const { regionId } = await operatorRegion(actor);
    if (!(await db.workCalendarDay.findUnique({ where: { regionId_day: { regionId, day: dayAsDate(input.day) } }, select: { day: true } }))) throw new ActionError("Такого дня в календаре нет.");
    return { regionId };
  },
  async handler(input, { session, resource: { regionId } }) {
    await db.$transaction(async (tx) => {
      await tx.workCalendarDay.delete({ where: { regionId_day: { regionId, day: dayAsDate(input.day) } } });
      await recordAudit(tx, { actorPersonId: session.person.id, action: "work_calendar.deleted", entityType: "Region", entityId: regionId, data: { day: input.day } });
    });
    return { day: formatDay(dayAsDate(input.day)) };
  },
  revalidate: SETTINGS_PAGE,
  form: { message: (d) => `${d.day} убран из календаря: это обычный день (понедельник — пятница рабочие).` },
});

export const saveTemplateForm = saveTemplate.form;
export const deleteTemplateForm = deleteTemplate.form;
export const saveAutoRuleForm = saveAutoRule.form;
export const deleteAutoRuleForm = deleteAutoRule.form;
export const saveDeadlineForm = saveDeadline.form;
export const saveCalendarDayForm = saveCalendarDay.form;
export const deleteCalendarDayForm = deleteCalendarDay.form;
