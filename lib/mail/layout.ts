// One look for every email: a title, paragraphs, an optional button. Plain text always comes along.
import { escapeHtml } from "@/lib/ui/html";

export interface EmailContent {
  title: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}

export function renderEmail(content: EmailContent): { text: string; html: string } {
  const footer = content.footer ?? "Это письмо отправлено Платформой обратной связи автоматически, отвечать на него не нужно.";
  const text = [
    content.title,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    "—",
    footer,
  ].join("\n");
  const html = `<!DOCTYPE html><html lang="ru"><body style="font-family:Arial,sans-serif;color:#0b1f33;line-height:1.5">
<h1 style="font-size:20px">${escapeHtml(content.title)}</h1>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${content.action ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#0d4cd3;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none">${escapeHtml(content.action.label)}</a></p><p style="font-size:13px;color:#66727f">Если кнопка не работает, откройте ссылку: ${escapeHtml(content.action.url)}</p>` : ""}
<hr style="border:0;border-top:1px solid #dde3ea"><p style="font-size:13px;color:#66727f">${escapeHtml(footer)}</p>
</body></html>`;
  return { text, html };
}
