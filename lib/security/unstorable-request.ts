// proxy.ts's answer to a request whose URL or form/JSON body carries text the database cannot
// store (lib/validation/text.ts): 400 with the reason in Russian — JSON for the API, a small page
// of its own for everything else (the portal's layout would read the database to draw itself).
// Pure: no server-only imports, the proxy loads it as it is.
import { INVALID_TEXT_MESSAGE } from "@/lib/validation/text";

const TITLE = "Запрос не принят";
const TEXT = `В адресе или данных запроса есть недопустимый невидимый символ. ${INVALID_TEXT_MESSAGE.replace(/^В поле есть недопустимый невидимый символ\. /, "")}`;

export function unstorableRequestResponse(pathname: string): Response {
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (pathname.startsWith("/api/")) return Response.json({ error: TEXT }, { status: 400, headers });
  const page = `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${TITLE} — Платформа обратной связи</title></head><body style="font-family:Arial,Helvetica,sans-serif;max-width:640px;margin:40px auto;padding:0 20px;color:#0b1f33;line-height:1.5"><h1>${TITLE}</h1><p>${TEXT}</p><p><a href="/">На главную</a></p></body></html>`;
  return new Response(page, { status: 400, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
