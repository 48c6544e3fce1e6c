// The home page leads a signed-in person to their work, not to «Войти» (issue 14): the header
// already shows their name and «Выйти».
import { beforeEach, expect, it } from "vitest";
import HomePage from "@/app/page";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { pageHtml } from "../accounts/helpers";

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
