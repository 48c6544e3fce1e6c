// An institution's site for the specs: a plain HTTP server on another origin than the portal's,
// serving what a spec puts there (a page with the widget code, a script…), and a citizen writing
// through the widget on it: banner → dialog → the portal's form in its frame. Used by
// widget.spec.ts (the widget on every kind of site) and messages.spec.ts (where a message starts).
import http from "node:http";
import type { FrameLocator, Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";

export const FORM_FRAME = 'iframe[title="Форма сообщения — Платформа обратной связи"]';

/** A site's page with the code where a site's editor would paste it. */
export const sitePage = (title: string, code: string, head = "") =>
  `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>${head}</head><body><h1>${title}</h1>\n${code}\n<p>Подвал сайта</p></body></html>`;

/** Fake sites: what each serves, by full address (origin and path), set by the spec. */
export function testSites() {
  const pages = new Map<string, { body: string; headers: Record<string, string> }>();
  const servers: http.Server[] = [];
  return {
    /** A page (or, with a Content-Type header, a script) of a fake site, with the headers it is sent with. */
    put(url: string, body: string, headers: Record<string, string> = {}) {
      pages.set(url, { body, headers: { "Content-Type": "text/html; charset=utf-8", ...headers } });
    },
    /** Starts serving `origin` (http://127.0.0.1:<port>). */
    serve(origin: string) {
      const server = http.createServer((req, res) => {
        const page = pages.get(`${origin}${req.url}`);
        res.writeHead(page ? 200 : 404, page?.headers ?? { "Content-Type": "text/plain; charset=utf-8" });
        res.end(page?.body ?? "not found");
      });
      servers.push(server);
      return new Promise<void>((resolve) => server.listen(Number(new URL(origin).port), "127.0.0.1", resolve));
    },
    close: () => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))),
  };
}

export interface CitizenMessageInput {
  text: string;
  category?: string;
  name?: string;
  contact?: string;
}

/** Opens the form from a banner's button and sends a message; the dialog stays open on «Сообщение отправлено». */
export async function sendThroughBanner(page: Page, button: Locator, message: CitizenMessageInput): Promise<FrameLocator> {
  await button.click();
  await expect(page.getByRole("dialog", { name: "Сообщение в Платформу обратной связи" })).toHaveCount(1);
  const form = page.frameLocator(FORM_FRAME);
  await form.getByLabel("Тема сообщения").selectOption({ label: message.category ?? "Питание" });
  await form.getByLabel("Опишите проблему").fill(message.text);
  await form.getByLabel("Как к вам обращаться").fill(message.name ?? "Иванова Мария");
  await form.getByLabel("Электронная почта или телефон для ответа").fill(message.contact ?? "8 (900) 111-22-33");
  await form.getByLabel("Я даю согласие на обработку моих персональных данных").check();
  await form.getByRole("button", { name: "Отправить сообщение" }).click();
  await expect(form.getByRole("heading", { name: "Сообщение отправлено" })).toBeVisible();
  return form;
}

/** Closes the dialog of a sent form; the focus returns to the banner's button. */
export async function closeSentForm(page: Page, form: FrameLocator, button: Locator) {
  await form.getByRole("button", { name: "Закрыть" }).click();
  await expect(page.getByRole("dialog", { name: "Сообщение в Платформу обратной связи" })).toHaveCount(0);
  await expect(button).toBeFocused();
}
