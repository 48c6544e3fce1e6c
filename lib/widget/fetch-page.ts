import "server-only";
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";

// Fetches an institution's page for the placement check. The address comes from people, so the
// request is fenced: http(s) only, a few redirects, a time limit, a size limit, and (unless the
// portal itself runs locally) no private or loopback addresses, checked at connect time so a DNS
// answer cannot point the request inside (request-filtering-agent).

export interface TFetchPageOptions {
  allowPrivateHosts: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

/** The page with its headers (the site's Content-Security-Policy decides whether the widget runs). */
export type TFetchPageResult =
  | { ok: true; url: string; status: number; html: string; headers: http.IncomingHttpHeaders }
  | { ok: false; url: string; error: string; status?: number };

const USER_AGENT = "POS-WidgetCheck/1.0 (feedback platform widget placement check)";

export async function fetchPage(startUrl: string, opts: TFetchPageOptions): Promise<TFetchPageResult> {
  const agents = {
    http: new RequestFilteringHttpAgent({ allowPrivateIPAddress: opts.allowPrivateHosts, allowMetaIPAddress: false }),
    https: new RequestFilteringHttpsAgent({ allowPrivateIPAddress: opts.allowPrivateHosts, allowMetaIPAddress: false }),
  };
  let url = startUrl;
  try {
    for (let hop = 0; hop <= (opts.maxRedirects ?? 5); hop++) {
      const res = await getOnce(url, agents, opts);
      if (res.status >= 300 && res.status < 400 && res.location) {
        const next = new URL(res.location, url);
        if (next.protocol !== "http:" && next.protocol !== "https:") return { ok: false, url, error: "Сайт перенаправляет на адрес, который нельзя проверить." };
        url = next.toString();
        continue;
      }
      if (res.status >= 400) return { ok: false, url, status: res.status, error: `Сайт ответил ошибкой ${res.status}.` };
      return { ok: true, url, status: res.status, html: res.body ?? "", headers: res.headers ?? {} };
    }
    return { ok: false, url, error: "Слишком много перенаправлений." };
  } catch (error) {
    return { ok: false, url, error: describe(error) };
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e?.code === "ETIMEDOUT") return "Сайт не ответил вовремя.";
  if (e?.code === "ENOTFOUND" || e?.code === "EAI_AGAIN") return "Адрес сайта не найден (DNS).";
  if (e?.code === "ECONNREFUSED") return "Сайт не принимает соединения.";
  if (e?.code === "TOO_LARGE") return "Страница слишком большая для проверки.";
  if (/is not allowed|private/i.test(e?.message ?? "")) return "Адрес сайта указывает во внутреннюю сеть: проверка запрещена.";
  if (/certificate|SSL|TLS/i.test(e?.message ?? "")) return "Ошибка защищенного соединения (сертификат сайта).";
  return "Не удалось открыть сайт.";
}

interface TRawResponse {
  status: number;
  location?: string;
  body?: string;
  headers?: http.IncomingHttpHeaders;
}

function getOnce(url: string, agents: { http: http.Agent; https: https.Agent }, opts: TFetchPageOptions): Promise<TRawResponse> {
  const target = new URL(url);
  const secure = target.protocol === "https:";
  const maxBytes = opts.maxBytes ?? 3 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      target,
      {
        method: "GET",
        agent: secure ? agents.https : agents.http,
        headers: { "User-Agent": USER_AGENT, Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", "Accept-Encoding": "gzip, deflate, br" },
        timeout: opts.timeoutMs ?? 10_000,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          resolve({ status, location: res.headers.location });
          return;
        }
        const encoding = String(res.headers["content-encoding"] ?? "").toLowerCase();
        const stream =
          encoding === "gzip" ? res.pipe(zlib.createGunzip()) : encoding === "deflate" ? res.pipe(zlib.createInflate()) : encoding === "br" ? res.pipe(zlib.createBrotliDecompress()) : res;
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            req.destroy(Object.assign(new Error("too large"), { code: "TOO_LARGE" }));
            return;
          }
          chunks.push(chunk);
        });
        stream.on("end", () => resolve({ status, headers: res.headers, body: decode(Buffer.concat(chunks), String(res.headers["content-type"] ?? "")) }));
        stream.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    req.on("error", reject);
    req.end();
  });
}

/** Russian institutions' sites are often windows-1251: honour the header, then <meta charset>. */
function decode(body: Buffer, contentType: string): string {
  const fromHeader = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  const fromMeta = /<meta[^>]+charset=["']?([\w-]+)/i.exec(body.subarray(0, 4096).toString("latin1"))?.[1];
  for (const label of [fromHeader, fromMeta, "utf-8"]) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(body);
    } catch {
      // Unknown label: try the next one.
    }
  }
  return body.toString("utf8");
}
