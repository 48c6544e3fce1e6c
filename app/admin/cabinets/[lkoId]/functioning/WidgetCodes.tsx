import Link from "next/link";
import type { ReactNode } from "react";
import { Name } from "@/components/ui/Name";
import { NAV } from "@/lib/ui/strings";
import type { TWidgetCode, TWidgetCodes } from "@/lib/widget/codes";
import { CopyButton } from "./CopyButton";

/** (3) the generated codes: which one to choose, each with the lines a site's own CSP needs for it; (4) the ЛКО number. */
export function WidgetCodes({ codes, lkoId }: { codes: TWidgetCodes; lkoId: number }) {
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p>Какой код выбрать:</p>
        <ul className="list-disc space-y-1 pl-6">
          <li><strong>Код виджета</strong> — как у ПОС Госуслуг, в четырех частях. Подходит большинству сайтов.</li>
          <li>
            <strong>Код без встроенных скриптов и стилей</strong> — одна строка. Для сайтов со своей политикой безопасности (<Name>CSP</Name>), сайтов на{" "}
            <Name>React</Name>, <Name>Vue</Name> или <Name>Next.js</Name> и редакторов, которые вырезают скрипты из текста страницы.
          </li>
        </ul>
        <p>
          Как разместить код в <Name>CMS</Name>, на <Name>React</Name> или <Name>Vue</Name>, что добавить в политику безопасности и как проверить размещение — на странице{" "}
          <Link href="/widget-guide">«{NAV.widgetGuide}»</Link>.
        </p>
      </div>
      <CodeBlock
        id="widget-code" label="3. Код виджета для технической поддержки сайта" code={codes.classic}
        hint={<>Передайте код целиком: его размещают на главной странице сайта, там, где должен быть баннер. (4) Уникальный номер вашего ЛКО — в конце кода: <strong>{lkoId}</strong>.</>}
        done="Код скопирован в буфер обмена" cspFor="для кода виджета"
        cspHint={<>Если в <code>script-src</code> или <code>style-src</code> уже есть <code>&apos;unsafe-inline&apos;</code>, хэш туда не добавляйте: он отключит его для остальных скриптов и стилей сайта.</>}
      />
      <CodeBlock
        id="widget-code-no-inline" label="Код без встроенных скриптов и стилей" code={codes.noInline}
        hint={<>Одна строка: загрузчик сам строит баннер там, где стоит строка. Номер ЛКО — в атрибуте <code>data-opa-id</code>: <strong>{lkoId}</strong>.</>}
        done="Код без встроенных скриптов скопирован" cspFor="для кода без встроенных скриптов"
      />
    </div>
  );
}

interface TCodeBlock {
  id: string;
  label: string;
  code: TWidgetCode;
  hint: ReactNode;
  done: string;
  /** «для …»: which code the CSP lines are for. */
  cspFor: string;
  cspHint?: ReactNode;
}

function CodeBlock({ id, label, code, hint, done, cspFor, cspHint }: TCodeBlock) {
  return (
    <div className="space-y-3">
      <label htmlFor={id} className="field-label">{label}</label>
      <textarea id={id} readOnly value={code.code} rows={code.code.split("\n").length > 1 ? 12 : 4} className="field-input font-mono text-xs" aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="field-hint">{hint}</p>
      <CopyButton text={code.code} targetId={id} done={done} />
      <label htmlFor={`${id}-csp`} className="field-label">Строки политики безопасности (<Name>CSP</Name>) {cspFor}</label>
      <textarea id={`${id}-csp`} readOnly value={code.csp.join("\n")} rows={code.csp.length} className="field-input font-mono text-xs" aria-describedby={`${id}-csp-hint`} />
      <p id={`${id}-csp-hint`} className="field-hint">
        Нужны, только если сайт отправляет заголовок <code>Content-Security-Policy</code> или в его страницах есть{" "}
        <code>{"<meta http-equiv=\"Content-Security-Policy\">"}</code>: добавьте эти источники в одноименные директивы (если директивы нет — в{" "}
        <code>default-src</code>). {cspHint}
      </p>
      <CopyButton text={code.csp.join("\n")} targetId={`${id}-csp`} label="Скопировать строки" done="Строки политики безопасности скопированы" />
    </div>
  );
}
