import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Name } from "@/components/ui/Name";
import { portalUrl } from "@/lib/esia/config";
import { NAV } from "@/lib/ui/strings";
import { BANNER_TEXTS, WIDGET_VARIANTS } from "@/lib/widget/banner";
import { EXAMPLE_LKO, siteSnippets, type TSiteSnippets } from "@/lib/widget/snippets";

export const metadata: Metadata = { title: NAV.widgetGuide };

/** A snippet to copy: wrapped rather than scrolled sideways; named for the tests that run it. */
function Snippet({ name, children }: { name: keyof TSiteSnippets; children: string }) {
  return (
    <pre data-snippet={name} className="whitespace-pre-wrap break-all rounded-lg border border-line bg-white p-4 font-mono text-sm">
      <code>{children}</code>
    </pre>
  );
}

function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section className="card space-y-3" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** For the technical support of institutions' sites: how to place the widget's code anywhere, and how to check it. */
// Over 80 lines on purpose: the guide is one document, read top to bottom; its sections are used nowhere else.
export default function WidgetGuidePage() {
  const portalOrigin = new URL(portalUrl()).origin;
  const s = siteSnippets({ portalOrigin, lkoId: EXAMPLE_LKO, variant: WIDGET_VARIANTS[0], banner: BANNER_TEXTS[0] });
  return (
    <div className="space-y-6">
      <h1>{NAV.widgetGuide}</h1>
      <p>
        Страница для технической поддержки официального сайта учреждения. Код виджета выдает администратор ЛКО на вкладке «Функционирование ЛКО»:
        выбирает вариант оформления и текст баннера, нажимает «Сгенерировать» и копирует код. В примерах ниже номер ЛКО — {EXAMPLE_LKO}; в коде из
        генератора стоит номер вашего ЛКО.
      </p>

      <Section id="choose" title="Какой код выбрать">
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <strong>Код виджета</strong> — как у ПОС Госуслуг, в четырех частях: строка загрузчика, стиль, разметка баннера и вызов{" "}
            <code>Widget(…)</code> с номером ЛКО. Подходит сайтам без своей политики безопасности (<Name>CSP</Name>). Вставляйте его целиком, не меняя порядок частей.
          </li>
          <li>
            <strong>Код без встроенных скриптов и стилей</strong> — одна строка: загрузчик с атрибутами <code>data-…</code> (номер ЛКО, вариант, тексты).
            Баннер появляется там, где стоит строка. Нужен сайтам с политикой безопасности без <code>&apos;unsafe-inline&apos;</code>, сайтам на <Name>React</Name>, <Name>Vue</Name> и
            <Name>Next.js</Name> и редакторам, которые вырезают скрипты.
          </li>
        </ul>
        <p>На одной странице — не больше двух баннеров: третий и следующие не показываются.</p>
      </Section>

      <Section id="static" title={<>Обычный сайт (<Name>HTML</Name>)</>}>
        <p>
          Вставьте код на главную страницу, туда, где должен быть баннер: в тело страницы или в ее конец. Код без встроенных скриптов выглядит так:
        </p>
        <Snippet name="noInline">{s.noInline}</Snippet>
        <p>
          Не передавайте код через <Name>Markdown</Name> и текстовые редакторы, которые меняют символы: из названий стилей пропадают двойные подчеркивания{" "}
          <code>__</code>, и баннер теряет оформление.
        </p>
      </Section>

      <Section id="cms" title={<>Сайт на <Name>CMS</Name> (1С-Битрикс, <Name>WordPress</Name>, <Name>Joomla</Name> и другие)</>}>
        <p>
          Визуальные редакторы страниц часто вставляют <Name>HTML</Name> через <code>innerHTML</code>, а так скрипты не выполняются: баннер не появится. Поэтому
          загрузчик подключают один раз в шаблоне сайта (перед <code>{"</body>"}</code> или в <code>{"<head>"}</code>):
        </p>
        <Snippet name="cmsTemplate">{s.cmsTemplate}</Snippet>
        <p>а в текст страницы, в блок <Name>HTML</Name>, вставляют место для баннера:</p>
        <Snippet name="cmsPlace">{s.cmsPlace}</Snippet>
        <p>
          Загрузчик сам находит места для баннера, появившиеся позже, и подключает каждое один раз. Если скрипт сайта вставляет <Name>HTML</Name> сам и хочет
          подключить баннер сразу, после вставки он вызывает:
        </p>
        <Snippet name="mount">{s.mount}</Snippet>
      </Section>

      <Section id="react" title={<><Name>React</Name> и <Name>Next.js</Name></>}>
        <p>
          Два компонента: <code>PosWidgetLoader</code> — один раз в корневом макете, <code>PosBanner</code> — там, где должен быть баннер.{" "}
          <Name>React</Name> 19 (и <Name>Next.js</Name> с <Name>App Router</Name>) переносит <code>{"<script async>"}</code> в{" "}
          <code>{"<head>"}</code> и загружает его один раз. В <Name>React</Name> 18 и более ранних вместо <code>PosWidgetLoader</code> добавьте строку
          загрузчика в <code>index.html</code>.
        </p>
        <Snippet name="react">{s.react}</Snippet>
        <p>
          При переходах между страницами ничего вызывать не нужно: новый баннер подключается сам, уже подключенный — не подключается второй раз.
          Сайты, которые вызывают <code>Widget(…)</code> из кода ПОС Госуслуг (например, в <code>onReady</code> у <code>next/script</code>), тоже работают:
          вызов до появления разметки баннера дождется ее.
        </p>
      </Section>

      <Section id="vue" title={<Name>Vue</Name>}>
        <p>Загрузчик — в <code>index.html</code>:</p>
        <Snippet name="vueIndex">{s.vueIndex}</Snippet>
        <p>место для баннера — в шаблоне компонента:</p>
        <Snippet name="vue">{s.vue}</Snippet>
      </Section>

      <Section id="csp" title={<>Политика безопасности сайта (<Name>CSP</Name>)</>}>
        <p>
          Если сайт отправляет заголовок <code>Content-Security-Policy</code> или в его страницах есть{" "}
          <code>{"<meta http-equiv=\"Content-Security-Policy\">"}</code>, добавьте в политику источники для выбранного кода — в одноименные
          директивы, а если директивы нет, в <code>default-src</code>. Генератор на вкладке «Функционирование ЛКО» показывает эти строки для вашего кода.
        </p>
        <p>Для кода без встроенных скриптов и стилей достаточно адреса портала:</p>
        <Snippet name="cspNoInline">{s.cspNoInline}</Snippet>
        <p>
          Для кода виджета в четырех частях нужны еще хэши его встроенного скрипта и стиля (они зависят от номера ЛКО и варианта оформления; пример — для
          номера {EXAMPLE_LKO}):
        </p>
        <Snippet name="cspClassic">{s.cspClassic}</Snippet>
        <p>
          Если в <code>script-src</code> или <code>style-src</code> уже есть <code>&apos;unsafe-inline&apos;</code>, хэш туда не добавляйте: он отключит{" "}
          <code>&apos;unsafe-inline&apos;</code> для остальных скриптов и стилей сайта. Если в <code>script-src</code> есть{" "}
          <code>&apos;strict-dynamic&apos;</code>, строке загрузчика нужен атрибут <code>nonce</code>, как у остальных скриптов страницы. Стиль баннера
          загрузчик применяет через <Name>CSSOM</Name>, поэтому для кода без встроенных скриптов <code>style-src</code> менять не нужно.
        </p>
      </Section>

      <Section id="check" title="Как проверить размещение">
        <ol className="list-decimal space-y-2 pl-6">
          <li>Откройте главную страницу сайта: баннер виден, кнопка открывает форму сообщения, клавиша <kbd>Esc</kbd> ее закрывает.</li>
          <li>
            Откройте консоль браузера (<kbd>F12</kbd>). Загрузчик пишет туда по-русски, начиная с «ПОС:», если не нашел разметку баннера или если баннеров больше
            двух; браузер — если политика безопасности сайта что-то заблокировала.
          </li>
          <li>
            На вкладке «Функционирование ЛКО» нажмите «Проверить сайт». Проверка открывает главную страницу, находит код виджета, читает политику
            безопасности сайта и называет причину, если код не сработает: что добавить в <Name>CSP</Name>, чего не хватает в коде. «Виджет размещен правильно» —
            только когда код сработает.
          </li>
        </ol>
        <p>
          Проверка видит <Name>HTML</Name>, который отдает сервер сайта. Если место для баннера или загрузчик добавляет <Name>JavaScript</Name> (<Name>React</Name>, <Name>Vue</Name>), держите строку
          загрузчика в <Name>HTML</Name> страницы, а место для баннера — в разметке, которую отдает сервер, когда это возможно.
        </p>
        <p>
          Администратору ЛКО: <Link href="/signin">войдите</Link> и откройте вкладку «Функционирование ЛКО» своего кабинета.
        </p>
      </Section>
    </div>
  );
}
