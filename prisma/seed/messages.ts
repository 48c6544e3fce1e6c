// Issue 20: invented citizens' messages in every stage of the back office, so that the inboxes of
// МОУ «СОШ № 33» and the Управление образования are not empty; with their history, two answer
// templates and an auto-rule. Every name and address is invented (.demo.test).
import type { SeedRows } from "./demo";
import { addWorkingDays } from "../../lib/messages/calendar";
import { PRODUCTION_CALENDAR } from "../../lib/messages/production-calendar";
import { fullName, regionDayOf } from "../../lib/ui/format";
import { personById } from "../../lib/demo-world/esia-world";

const DAY = 86_400_000;
const SCHOOL = "cab-work-mag-school-33";
const ORGAN = "cab-ed-omsu-mag-uo";
const COORDINATOR = { account: "acc-mag-school-33-msg-1", person: "person-mag-school-33-coordinator" };
const EXECUTOR = { account: "acc-mag-school-33-msg-2", person: "person-mag-school-33-executor" };
const SUPERVISOR = { account: "acc-mag-school-33-msg-3", person: "person-mag-school-33-supervisor" };
const EXECUTOR_NAME = fullName(personById.get(EXECUTOR.person)!);
const CALENDAR = new Map(PRODUCTION_CALENDAR.map((d) => [d.day, d.working]));

type TStep = { after: number; action: string; by?: string; data?: Record<string, unknown> };
interface TDemoMessage {
  key: number;
  daysAgo: number;
  category: string;
  subcategory?: string;
  text: string;
  author: string;
  contact: string;
  cabinetId?: string;
  stage: "MODERATION" | "COORDINATION" | "EXECUTION" | "APPROVAL" | "CLOSED";
  status: string;
  executor?: boolean;
  answer?: string;
  resolution?: "RESOLVED" | "EXPLAINED" | "DECLINED";
  rating?: { score: number; resolved: boolean };
  rejection?: "SPAM" | "ABUSE";
  extension?: { days: number; reason: string };
  reReviews?: number;
  steps: TStep[];
}

const ANSWER_HEATING = "Здравствуйте! Радиаторы в кабинете № 12 проверены, из системы спущен воздух, температура в кабинете восстановлена. Спасибо, что сообщили.";
const ANSWER_MENU = "Здравствуйте! Меню школьной столовой размещено на сайте школы в разделе «Питание» и обновляется каждую неделю. Родители могут посещать столовую по предварительной записи у заместителя директора.";

const MESSAGES: TDemoMessage[] = [
  { key: 1, daysAgo: 1, category: "improvement", text: "В спортивном зале не горит половина ламп, на уроках физкультуры темно.", author: "Берёзкина Ольга", contact: "o.berezkina@mail.demo.test", stage: "MODERATION", status: "NEW", steps: [] },
  { key: 2, daysAgo: 0, category: "food", text: "В столовой второй день нет горячего чая на завтрак. Дети жалуются, что еда остывшая.", author: "Тополев Денис", contact: "+79000001122", stage: "MODERATION", status: "NEW", steps: [] },
  { key: 3, daysAgo: 3, category: "safety", subcategory: "Ограждение и охрана", text: "У забора со стороны стадиона сломана секция, дети выходят через дыру на дорогу.", author: "Ясенева Марина", contact: "m.yaseneva@mail.demo.test", stage: "COORDINATION", status: "ACCEPTED", steps: [{ after: 0.2, action: "message.accepted", by: "c" }] },
  { key: 4, daysAgo: 5, category: "improvement", subcategory: "Отопление, вода, свет", text: "В кабинете № 12 холодно, батареи чуть тёплые, дети сидят в куртках.", author: "Клёнов Сергей", contact: "s.klenov@mail.demo.test", stage: "EXECUTION", status: "EXECUTOR_ASSIGNED", executor: true,
    steps: [{ after: 0.1, action: "message.accepted", by: "c" }, { after: 0.2, action: "message.assigned", by: "c", data: { executorName: EXECUTOR_NAME } }] },
  { key: 5, daysAgo: 21, category: "improvement", subcategory: "Территория и двор", text: "На школьном дворе после ремонта остались строительный мусор и арматура.", author: "Осинова Вера", contact: "v.osinova@mail.demo.test", stage: "EXECUTION", status: "EXECUTOR_ASSIGNED", executor: true,
    steps: [{ after: 0.3, action: "message.accepted", by: "c" }, { after: 1, action: "message.assigned", by: "c", data: { executorName: EXECUTOR_NAME } }] },
  { key: 6, daysAgo: 7, category: "improvement", subcategory: "Отопление, вода, свет", text: "В кабинете информатики капает с потолка во время дождя.", author: "Рябинова Анна", contact: "a.ryabinova@mail.demo.test", stage: "APPROVAL", status: "ON_APPROVAL", executor: true, answer: ANSWER_HEATING, resolution: "RESOLVED",
    steps: [{ after: 0.1, action: "message.accepted", by: "c" }, { after: 0.2, action: "message.assigned", by: "c", data: { executorName: EXECUTOR_NAME } }, { after: 3, action: "message.answer_submitted", by: "e", data: { answer: ANSWER_HEATING, resolution: "RESOLVED" } }] },
  { key: 7, daysAgo: 9, category: "accessibility", subcategory: "Пандусы и входы", text: "У главного входа нет пандуса, с коляской попасть в школу невозможно.", author: "Вязов Пётр", contact: "p.vyazov@mail.demo.test", stage: "EXECUTION", status: "EXTENSION_REQUESTED", executor: true, extension: { days: 20, reason: "Установка пандуса включена в ремонт, подрядчик выйдет после согласования сметы." },
    steps: [{ after: 0.1, action: "message.accepted", by: "c" }, { after: 0.3, action: "message.assigned", by: "c", data: { executorName: EXECUTOR_NAME } }, { after: 4, action: "message.extension_requested", by: "e", data: { reason: "Установка пандуса включена в ремонт, подрядчик выйдет после согласования сметы." } }] },
  { key: 8, daysAgo: 20, category: "food", subcategory: "Меню", text: "Где посмотреть меню школьной столовой на неделю?", author: "Липова Ирина", contact: "i.lipova@mail.demo.test", stage: "CLOSED", status: "ANSWERED", executor: true, answer: ANSWER_MENU, resolution: "EXPLAINED", rating: { score: 5, resolved: true },
    steps: [{ after: 0.1, action: "message.accepted", by: "c" }, { after: 0.2, action: "message.assigned", by: "c", data: { executorName: EXECUTOR_NAME } }, { after: 2, action: "message.answer_submitted", by: "e", data: { answer: ANSWER_MENU, resolution: "EXPLAINED" } }, { after: 3, action: "message.answer_sent", by: "s", data: { answer: ANSWER_MENU, resolution: "EXPLAINED", round: 1 } }, { after: 4, action: "message.rated", data: { score: 5, resolved: true, round: 1 } }] },
  { key: 9, daysAgo: 6, category: "other", text: "Купите лучшие окна по лучшей цене, звоните прямо сейчас!", author: "Реклама", contact: "promo@spam.demo.test", stage: "CLOSED", status: "REJECTED", rejection: "SPAM",
    steps: [{ after: 0.1, action: "message.rejected", by: "c", data: { rejection: "SPAM", reason: "Рекламное сообщение, к работе школы не относится." } }] },
  { key: 10, daysAgo: 30, category: "improvement", subcategory: "Уборка", text: "В туалетах на втором этаже нет мыла и бумажных полотенец.", author: "Ольхова Светлана", contact: "s.olkhova@mail.demo.test", stage: "EXECUTION", status: "RE_REVIEW", executor: true, reReviews: 1, answer: "Здравствуйте! Мыло и полотенца закуплены.", resolution: "RESOLVED", rating: { score: 2, resolved: false },
    steps: [{ after: 0.1, action: "message.accepted", by: "c" }, { after: 0.2, action: "message.assigned", by: "c", data: { executorName: EXECUTOR_NAME } }, { after: 5, action: "message.answer_sent", by: "s", data: { answer: "Здравствуйте! Мыло и полотенца закуплены.", resolution: "RESOLVED", round: 1 } }, { after: 8, action: "message.rated", data: { score: 2, resolved: false, round: 1 } }, { after: 8, action: "message.re_review", data: {} }] },
  { key: 11, daysAgo: 4, cabinetId: ORGAN, category: "organization", subcategory: "Запись и очередь", text: "Почему запись в первый класс открывается в разных школах в разные дни? Где единый график?", author: "Грабова Елена", contact: "e.grabova@mail.demo.test", stage: "COORDINATION", status: "REDIRECTED_UP",
    steps: [{ after: 0.1, action: "message.accepted", by: "c" }, { after: 0.5, action: "message.redirected", by: "c", data: { direction: "UP", toCabinetName: "Управление образования", reason: "Вопрос о графике записи во все школы города решает Управление образования." } }] },
];

const WHO: Record<string, string> = { c: COORDINATOR.person, e: EXECUTOR.person, s: SUPERVISOR.person };

export function seedMessages(rows: SeedRows, now: Date): void {
  for (const m of MESSAGES) {
    const id = `msg-demo-${m.key}`;
    const createdAt = new Date(now.getTime() - m.daysAgo * DAY - 3 * 3_600_000);
    const planned = addWorkingDays(CALENDAR, regionDayOf(createdAt), 10);
    const plannedOn = new Date(`${m.reReviews ? addWorkingDays(CALENDAR, regionDayOf(now), 10) : planned}T00:00:00Z`);
    const lastStep = m.steps.at(-1);
    rows.citizenMessage.push({
      id, cabinetId: m.cabinetId ?? SCHOOL, receivedCabinetId: SCHOOL, category: m.category, subcategory: m.subcategory ?? null, text: m.text, authorName: m.author,
      contact: m.contact, consentAt: createdAt, origin: "https://mag-school-33.demo.test", createdAt, stage: m.stage, status: m.status as never, plannedOn,
      closedAt: m.stage === "CLOSED" && lastStep ? new Date(createdAt.getTime() + lastStep.after * DAY) : null,
      rejection: m.rejection ?? null, resolution: m.resolution ?? null, answerText: m.answer ?? null,
      coordinatorId: m.steps.some((s) => s.by === "c") && !m.cabinetId ? COORDINATOR.account : null,
      executorId: m.executor ? EXECUTOR.account : null, supervisorId: m.steps.some((s) => s.by === "s") ? SUPERVISOR.account : null,
      extensionUntil: m.extension ? new Date(`${addWorkingDays(CALENDAR, planned, m.extension.days)}T00:00:00Z`) : null, extensionReason: m.extension?.reason ?? null,
      reReviews: m.reReviews ?? 0, answerRound: m.steps.filter((s) => s.action === "message.answer_sent").length, rating: m.rating?.score ?? null,
      resolvedByCitizen: m.rating?.resolved ?? null,
    });
    const events: TStep[] = [{ after: 0, action: "message.received", data: { category: m.category, plannedOn: planned } }, ...m.steps];
    for (const [i, e] of events.entries()) {
      rows.auditEvent.push({
        // Fixed ids far above the sequence's reach keep the seed idempotent.
        id: BigInt(9_000_000_000 + m.key * 100 + i), at: new Date(createdAt.getTime() + e.after * DAY), actorPersonId: e.by ? WHO[e.by] : null, action: e.action,
        entityType: "CitizenMessage", entityId: id, cabinetId: SCHOOL, organizationId: "org-mag-school-33", data: (e.data ?? {}) as never,
      });
    }
    if (m.rating) rows.messageRating.push({ id: `${id}-rating-1`, messageId: id, round: 1, score: m.rating.score, resolved: m.rating.resolved, createdAt: new Date(createdAt.getTime() + 4 * DAY) });
  }
  rows.answerTemplate.push(
    { id: "tpl-demo-1", cabinetId: SCHOOL, title: "Благодарность и меры", text: "Здравствуйте! Спасибо за обращение. По вашему сообщению приняты меры: " },
    { id: "tpl-demo-2", cabinetId: SCHOOL, title: "Разъяснение порядка", text: "Здравствуйте! Разъясняем порядок: " },
  );
  rows.messageAutoRule.push({ id: "rule-demo-1", cabinetId: SCHOOL, category: "food", executorId: EXECUTOR.account });
}
