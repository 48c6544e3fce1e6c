// A local SMTP catcher for development and tests: receives every message the portal sends and
// shows them over HTTP (JSON API and a plain page). Messages live in memory.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

export interface CaughtMessage {
  id: string;
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  receivedAt: string;
}

export interface MailCatcher {
  messages: CaughtMessage[];
  /** Makes the next `count` deliveries fail with a temporary SMTP error (for retry tests). */
  failNext(count: number): void;
  /**
   * Holds the next delivery unanswered: its data is read but never accepted, so the sender waits
   * (for crash tests: the sender is then known to be mid-send, before the server's «250 OK»).
   * Resolves once a message is held (its first data has arrived); it is dropped when the sender's connection closes.
   */
  holdNext(): Promise<void>;
  listen(smtpPort: number, httpPort: number, host?: string): Promise<{ smtpPort: number; httpPort: number }>;
  close(): Promise<void>;
}

const MAX_MESSAGES = 2000;

// Over 80 lines on purpose: one closure holds the caught messages that the SMTP and web sides share.
export function createMailCatcher(): MailCatcher {
  const messages: CaughtMessage[] = [];
  let failures = 0;
  let hold: (() => void) | null = null;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      if (hold) {
        const held = hold;
        hold = null;
        // Held from its first bytes: a sender whose event loop stalls mid-DATA (PGlite under a burst)
        // may time out before the end, and a hold waiting for the end would then never resolve.
        stream.once("data", held);
        stream.resume();
        return;
      }
      if (failures > 0) {
        failures -= 1;
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Временная ошибка почтового сервера (тест)"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));
          messages.unshift({
            id: randomUUID(),
            messageId: mail.messageId ?? null,
            from: mail.from?.text ?? "",
            to,
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : null,
            receivedAt: new Date().toISOString(),
          });
          messages.length = Math.min(messages.length, MAX_MESSAGES);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://catcher");
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "GET" && url.pathname === "/api/messages") {
      const to = url.searchParams.get("to")?.toLowerCase();
      return json(200, to ? messages.filter((m) => m.to.some((a) => a.toLowerCase() === to)) : messages);
    }
    if (req.method === "GET" && url.pathname.startsWith("/api/messages/")) {
      const found = messages.find((m) => m.id === url.pathname.slice("/api/messages/".length));
      return found ? json(200, found) : json(404, { error: "not found" });
    }
    if (req.method === "DELETE" && url.pathname === "/api/messages") {
      messages.length = 0;
      return json(200, { ok: true });
    }
    if (req.method === "POST" && url.pathname === "/api/fail-next") {
      failures = Number(url.searchParams.get("count") ?? 1);
      return json(200, { failures });
    }
    if (req.method === "GET" && url.pathname === "/health") return json(200, { status: "ok" });
    if (req.method === "GET" && url.pathname === "/") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      return res.end(
        `<!DOCTYPE html><html lang="ru"><meta charset="utf-8"><title>Почтовый перехватчик</title><body style="font-family:sans-serif;max-width:900px;margin:2rem auto">` +
          `<h1>Почтовый перехватчик (${messages.length})</h1>` +
          messages.map((m) => `<article><h2>${escape(m.subject)}</h2><p>Кому: ${escape(m.to.join(", "))} · ${escape(m.receivedAt)}</p><pre style="white-space:pre-wrap">${escape(m.text)}</pre></article><hr>`).join("") +
          `</body></html>`,
      );
    }
    json(404, { error: "not found" });
  });

  return {
    messages,
    failNext(count) {
      failures = count;
    },
    holdNext() {
      return new Promise<void>((resolve) => {
        hold = resolve;
      });
    },
    async listen(smtpPort, httpPort, host) {
      await new Promise<void>((resolve) => smtp.listen(smtpPort, host, () => resolve()));
      await new Promise<void>((resolve) => web.listen(httpPort, host, () => resolve()));
      const port = (s: { address(): unknown }) => (s.address() as { port: number }).port;
      return { smtpPort: port(smtp.server), httpPort: port(web) };
    },
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => web.close(() => resolve()));
    },
  };
}
