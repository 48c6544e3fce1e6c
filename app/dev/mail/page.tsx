import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/EmptyState";
import { StatusPanel } from "@/components/ui/Status";
import { caughtMessages } from "@/lib/mail/catcher-client";
import { demoMailbox } from "@/lib/mail/config";
import { formatDateTime } from "@/lib/ui/format";

// Not a demo stand: the «не найдено» page must not name the mailbox in its title either.
export function generateMetadata(): Metadata {
  return demoMailbox().enabled ? { title: "Почта (демо)" } : {};
}
export const dynamic = "force-dynamic";

const URL_RE = /(https?:\/\/[^\s<>"']+)/g;

function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_RE).map((part, i) =>
        URL_RE.test(part) ? (
          <a key={i} href={part} className="break-all">{part}</a>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

// Every message the portal sent, as the local mail catcher received it. Exists only on a demo stand
// (lib/mail/config.ts, demoMailbox): invitation links are visible here to anyone who opens it.
export default async function DemoMailPage() {
  const messages = await caughtMessages();
  if (messages === null) notFound();
  return (
    <div className="space-y-6">
      <div>
        <h1>Почта (демо)</h1>
        <p className="text-muted">
          Письма, которые портал отправил через локальный почтовый перехватчик. На настоящем сервере этой страницы нет.
        </p>
      </div>
      <StatusPanel tone="warning" icon="alert" title="Демонстрационный стенд">
        Письма здесь видны всем, кто откроет эту страницу. Люди, адреса и организации на стенде вымышлены: не вводите
        настоящие данные.
      </StatusPanel>
      {messages.length === 0 ? (
        <EmptyState title="Писем пока нет">
          Они появятся здесь через несколько секунд после отправки: например, когда администратор ЛКО добавит пользователя или орган
          рассмотрит заявку. Обновите страницу.
        </EmptyState>
      ) : (
        <ul className="space-y-4">
          {messages.map((m) => (
            <li key={m.id} className="card space-y-2">
              <h2 className="text-lg">{m.subject}</h2>
              <p className="text-sm text-muted">
                Кому: {m.to.join(", ")} · {formatDateTime(new Date(m.receivedAt))}
              </p>
              <div className="whitespace-pre-wrap text-sm">
                <Linkified text={m.text} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
