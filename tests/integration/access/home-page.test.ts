// The home page leads a signed-in person to their work, not to «Войти» (issue 14): the header
// already shows their name and «Выйти». A guest gets it from Next's cache (issue 19).
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import HomePage from "@/app/page";
import { GET as cachedHome } from "@/app/home/cached/[view]/route";
import { HOME } from "@/lib/home/words";
import { escapeHtml } from "@/lib/ui/html";
import { encodeFlash, FLASH_COOKIE, FLASH_HEADER } from "@/lib/ui/flash";
import { proxy } from "@/proxy";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { pageHtml } from "../accounts/helpers";
import { CACHED_RENDER_HEADER } from "@/lib/ui/cached-renders";

beforeEach(() => requestContext.clear());

/** The page's button-like links, in order: where they lead, how they look, what they say. */
const buttons = (html: string) =>
  [...html.matchAll(/<a([^>]*)>([^<]*)<\/a>/g)]
    .map(([, attrs, text]) => ({ href: /href="([^"]+)"/.exec(attrs)?.[1], cls: /class="(btn-[a-z]+)"/.exec(attrs)?.[1], text }))
    .filter((a) => a.cls);

it("гостю — «Войти»", async () => {
  const html = await pageHtml(HomePage());
  expect(buttons(html)).toContainEqual({ href: "/signin", cls: "btn-primary", text: "Войти" });
  expect(html).not.toContain('data-testid="your-work"');
});

it("вошедшему — его разделы, главный первым, и ни одного «Войти»", async () => {
  await signInAs("organAdmin");
  const html = await pageHtml(HomePage());
  expect(html).not.toContain('href="/signin"');
  expect(html).toContain("Здравствуйте,");
  const links = buttons(html);
  expect(links[0]).toEqual({ href: "/admin", cls: "btn-primary", text: "Администрирование ЛКО" });
  expect(links.map((l) => l.href)).toEqual(expect.arrayContaining(["/admin/requests", "/registration"]));

  await signInAs("cityIt");
  expect(buttons(await pageHtml(HomePage()))[0]).toEqual({ href: "/admin", cls: "btn-primary", text: "Администрирование ЛКО" });
  await signInAs("institutionAdmin");
  expect(buttons(await pageHtml(HomePage()))[0]).toEqual({ href: "/registration", cls: "btn-primary", text: "Подключение кабинета" });
});

it("вошедшему без выбранной организации — «Выбрать организацию»", async () => {
  await signInAs("multiOrg");
  const html = await pageHtml(HomePage());
  expect(html).not.toContain('href="/signin"');
  expect(buttons(html)[0]).toEqual({ href: "/select-organization", cls: "btn-primary", text: "Выбрать организацию" });
});

// A visitor who has not signed in gets the home page from Next's cache (issue 19, decision 079).
describe("главная гостя — из кэша Next", () => {
  const proxied = async (init: ConstructorParameters<typeof NextRequest>[1] = {}) => {
    const response = await proxy(new NextRequest("http://portal.test/", init));
    const target = response.headers.get(`x-middleware-request-${CACHED_RENDER_HEADER}`);
    return { target, csp: response.headers.get("content-security-policy") ?? "", response };
  };

  it("proxy.ts: без cookie сеанса — на отрисовку из кэша с политикой публичных страниц; вид — по cookie", async () => {
    expect(await proxied()).toMatchObject({ target: "/home/cached/normal", csp: expect.stringContaining("script-src 'none'") });
    expect((await proxied({ headers: { cookie: "pos_vision=low" } })).target).toBe("/home/cached/low");
    expect((await proxied({ method: "HEAD" })).target).toBe("/home/cached/normal");
    // Another cookie (a stranger's, next-auth's csrf one) is not a session.
    expect((await proxied({ headers: { cookie: "next-auth.csrf-token=x; other=1" } })).target).toBe("/home/cached/normal");
  });

  it("proxy.ts: с cookie сеанса (любого имени, частями тоже), с сообщением для страницы, не чтение — страница React", async () => {
    for (const cookie of ["next-auth.session-token=x", "__Secure-next-auth.session-token=x", "next-auth.session-token.0=x; next-auth.session-token.1=y"]) {
      const { target, csp } = await proxied({ headers: { cookie } });
      expect(target, cookie).toBeNull();
      expect(csp, cookie).toContain("'strict-dynamic'");
    }
    // A one-shot message (lib/ui/flash.ts) is taken by this request: rendered for it, not from the cache.
    const flash = encodeFlash({ tone: "info", title: "Вы вышли" });
    const withFlash = await proxied({ headers: { cookie: `${FLASH_COOKIE}=${flash}` } });
    expect(withFlash.target).toBeNull();
    expect(withFlash.response.headers.get("x-middleware-request-x-pos-flash")).toBe(flash);
    expect((await proxied({ method: "POST" })).target).toBeNull();
  });

  it("отрисовка для кэша: HTML без скриптов, те же слова, что у страницы React, «Войти» и публичный статус", async () => {
    const response = await cachedHome(new Request("http://portal.test/home/cached/normal"), { params: Promise.resolve({ view: "normal" }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    expect(response.headers.get("vary")).toBe("Cookie");
    const html = await response.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("<title>ПОС — Платформа обратной связи</title>");
    expect(buttons(html)).toEqual([
      { href: "/signin", cls: "btn-primary", text: "Войти" },
      { href: "/status", cls: "btn-secondary", text: "Статус подключения учреждений" },
    ]);
    expect(html).not.toContain('data-vision="low"');
    // The React page's guest (an expired cookie) reads the same words.
    const react = await pageHtml(HomePage());
    for (const text of [HOME.intro, HOME.note, ...HOME.steps.flat()]) {
      expect(html).toContain(escapeHtml(text));
      expect(react).toContain(escapeHtml(text));
    }
    expect(buttons(react)).toEqual(buttons(html));

    const low = await cachedHome(new Request("http://portal.test/home/cached/low"), { params: Promise.resolve({ view: "low" }) });
    expect(await low.text()).toMatch(/<html[^>]*data-vision="low"/);
    expect((await cachedHome(new Request("http://portal.test/home/cached/x"), { params: Promise.resolve({ view: "x" }) })).status).toBe(404);
  });

  it("гостю с сообщением страница React показывает его", async () => {
    requestContext.setHeader(FLASH_HEADER, encodeFlash({ tone: "info", title: "Вы вышли из портала" }));
    expect(await pageHtml(HomePage())).toContain("Вы вышли из портала");
  });
});
