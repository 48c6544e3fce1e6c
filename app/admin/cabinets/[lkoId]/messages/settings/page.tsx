import type { Metadata } from "next";
import Link from "next/link";
import { requireCabinet } from "@/lib/access/guards";
import { db } from "@/lib/db";
import { categoryLabel } from "@/lib/messages/categories";
import { executorsOf } from "@/lib/messages/routing";
import { AutoRuleForm, DeleteAutoRuleForm, DeleteTemplateForm, TemplateForm } from "./SettingsForms";

export const metadata: Metadata = { title: "Шаблоны ответов и автоправила" };

export default async function MessageSettingsPage({ params }: { params: Promise<{ lkoId: string }> }) {
  const { lkoId } = await params;
  const { cabinet } = await requireCabinet(lkoId, "messages.configure");
  const [templates, rules, executors] = await Promise.all([
    db.answerTemplate.findMany({ where: { cabinetId: cabinet.id }, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true, text: true } }),
    db.messageAutoRule.findMany({ where: { cabinetId: cabinet.id }, orderBy: { category: "asc" }, select: { id: true, category: true, executor: { select: { lastName: true, firstName: true, middleName: true } } } }),
    executorsOf(db, cabinet.id),
  ]);
  return (
    <div className="space-y-8">
      <p><Link href={`/admin/cabinets/${cabinet.lkoId}/messages`}>← К сообщениям</Link></p>
      <h2>Шаблоны ответов и автоправила</h2>
      <section aria-labelledby="templates-h" className="space-y-4">
        <h3 id="templates-h">Шаблоны ответов</h3>
        <p className="text-muted">Исполнитель может начать ответ с шаблона и дополнить его.</p>
        {templates.length === 0 ? <p>Шаблонов пока нет.</p> : null}
        <ul className="space-y-4">
          {templates.map((t) => (
            <li key={t.id} className="card space-y-3">
              <TemplateForm cabinetId={cabinet.id} template={t} />
              <DeleteTemplateForm templateId={t.id} title={t.title} />
            </li>
          ))}
        </ul>
        <div className="card space-y-3">
          <h4>Новый шаблон</h4>
          <TemplateForm cabinetId={cabinet.id} />
        </div>
      </section>
      <section aria-labelledby="rules-h" className="space-y-4">
        <h3 id="rules-h">Автоправила</h3>
        <p className="text-muted">Принятое сообщение этой категории сразу передаётся выбранному исполнителю. Одно правило на категорию: новое заменяет прежнее.</p>
        {rules.length === 0 ? (
          <p>Правил пока нет.</p>
        ) : (
          <ul className="space-y-2">
            {rules.map((r) => {
              const label = `${categoryLabel(r.category)} → ${[r.executor.lastName, r.executor.firstName, r.executor.middleName].filter(Boolean).join(" ")}`;
              return (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-line p-3">
                  <span>{label}</span>
                  <DeleteAutoRuleForm ruleId={r.id} label={label} />
                </li>
              );
            })}
          </ul>
        )}
        <div className="card space-y-3">
          <h4>Новое правило</h4>
          <AutoRuleForm cabinetId={cabinet.id} executors={executors.map((e) => ({ id: e.id, name: e.name }))} />
        </div>
      </section>
    </div>
  );
}
