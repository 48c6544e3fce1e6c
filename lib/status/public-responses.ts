// The answers of the public status (page, list, embed, JSON), the same whether a route renders for
// Next's cache (app/**/status/cached/…, the canonical pages) or for one request (a search, or an
// address the proxy left as it is). Decision 079.
import "server-only";
import { randomUUID } from "node:crypto";
import { trace } from "@opentelemetry/api";
import { portalUrl } from "@/lib/esia/config";
import { log } from "@/lib/observability/log";
import { embedHtml } from "./embed";
import {
  PUBLIC_CACHE_CONTROL, PUBLIC_PAGE_SIZE, freshPublicMunicipalities, freshPublicStatus, publicMunicipalities, publicStatus,
  type TPublicMunicipality, type TPublicStatus,
} from "./public";
import { publicDocument } from "@/lib/ui/public-shell";
import { publicErrorMain, publicListMain, publicNotFoundMain, publicStatusMain, PUBLIC_TITLE } from "./public-html";
import { nextPublicGeneration, type TPublicView } from "./public-routes";

const OKTMO = /^\d{8,11}$/;

/** Where the data comes from: read now for a render Next keeps, the process's minute cache otherwise. */
export type TPublicSource = "fresh" | "cached";

const HTML_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": PUBLIC_CACHE_CONTROL,
  // The low-vision version is chosen by its cookie (decision 063): a shared cache keeps both apart.
  Vary: "Cookie",
};
const JSON_HEADERS = { "Cache-Control": PUBLIC_CACHE_CONTROL, "Access-Control-Allow-Origin": "*" };

function municipalities(source: TPublicSource): Promise<TPublicMunicipality[]> {
  return source === "fresh" ? freshPublicMunicipalities() : publicMunicipalities();
}

function status(source: TPublicSource, oktmo: string, page: number, q: string | null): Promise<TPublicStatus | null> {
  if (!OKTMO.test(oktmo)) return Promise.resolve(null);
  return source === "fresh" && !q ? freshPublicStatus(oktmo, page) : publicStatus(oktmo, page, q);
}

/**
 * A failure is logged with a code the visitor can quote, and starts a new generation of renders:
 * the failed answer, kept by Next's cache under the old address, is not what the next visitor gets.
 */
async function guarded(what: string, answer: () => Promise<Response>, failure: (code: string) => Response): Promise<Response> {
  try {
    return await answer();
  } catch (error) {
    const code = trace.getActiveSpan()?.spanContext().traceId ?? randomUUID();
    log.error({ event: "public-status", what, code, err: error }, "Публичный статус: ошибка");
    nextPublicGeneration();
    return failure(code);
  }
}

const htmlPage = (view: TPublicView, path: string, title: string, main: Parameters<typeof publicDocument>[0]["main"], statusCode = 200) =>
  new Response(publicDocument({ title, path, lowVision: view === "low", main }), {
    status: statusCode,
    headers: statusCode === 200 ? HTML_HEADERS : { ...HTML_HEADERS, "Cache-Control": "no-store" },
  });

const htmlFailure = (view: TPublicView, path: string) => (code: string) => htmlPage(view, path, "Ошибка", publicErrorMain(code), 500);

/** /status */
export function publicListResponse(view: TPublicView, source: TPublicSource): Promise<Response> {
  return guarded("list", async () => htmlPage(view, "/status", PUBLIC_TITLE, publicListMain(await municipalities(source))), htmlFailure(view, "/status"));
}

/** /status/<ОКТМО>[?page=&q=] and its embed (/status/<ОКТМО>/embed) */
export function publicStatusResponse(view: TPublicView, source: TPublicSource, oktmo: string, page: number, q: string | null): Promise<Response> {
  const embed = view === "embed";
  const path = `/status/${oktmo}${embed ? "/embed" : ""}${q || page > 1 ? `?${new URLSearchParams({ ...(q ? { q } : {}), ...(page > 1 ? { page: String(page) } : {}) })}` : ""}`;
  return guarded(
    embed ? "embed" : "page",
    async () => {
      const found = await status(source, oktmo, page, q);
      if (embed) {
        if (!found) return new Response("Не найдено", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
        const href = (p: number) => `/status/${oktmo}/embed?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
        return new Response(embedHtml(found, href, portalUrl()), { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": PUBLIC_CACHE_CONTROL } });
      }
      if (!found) return htmlPage(view, path, "Страница не найдена", publicNotFoundMain(), 404);
      return htmlPage(view, path, `${PUBLIC_TITLE}: ${found.name}`, publicStatusMain(found, portalUrl()));
    },
    embed ? () => new Response("Ошибка сервера", { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } }) : htmlFailure(view, path),
  );
}

/** /api/status[?oktmo=&page=&q=] */
export function publicJsonResponse(source: TPublicSource, oktmo: string | null, page: number, q: string | null): Promise<Response> {
  return guarded(
    "json",
    async () => {
      if (oktmo === null) return Response.json({ municipalities: await municipalities(source) }, { headers: JSON_HEADERS });
      const found = await status(source, oktmo, page, q);
      if (!found) return Response.json({ error: "Муниципальное образование не найдено" }, { status: 404, headers: JSON_HEADERS });
      return Response.json({ ...found, pageSize: PUBLIC_PAGE_SIZE }, { headers: JSON_HEADERS });
    },
    (code) => Response.json({ error: `Ошибка сервера. Код ошибки: ${code}` }, { status: 500, headers: { ...JSON_HEADERS, "Cache-Control": "no-store" } }),
  );
}
