// Issue 17, finding 2: «Почта (демо)» showed every email (live invitation links among them) to any
// anonymous visitor wherever a mail catcher was configured. It exists only on a demo stand now: the
// demo world (the ЕСИА emulator's keys) and a catcher, and under NODE_ENV=production only with the
// explicit DEMO_MAILBOX=1. Everywhere else the page is «не найдено» and the menu has no such item.
import { afterEach, describe, expect, it, vi } from "vitest";
import { demoMailbox } from "@/lib/mail/config";
import DemoMailPage from "@/app/dev/mail/page";

const CATCHER = "http://127.0.0.1:9"; // nothing listens: the page shows an empty list when it is on

afterEach(() => {
  vi.unstubAllEnvs();
});

/** How a page answers: "404" when it calls notFound(), "200" when it renders. */
async function answer(): Promise<"200" | "404"> {
  try {
    await DemoMailPage();
    return "200";
  } catch (error) {
    if ((error as { digest?: string }).digest?.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "404";
    throw error;
  }
}

describe("«Почта (демо)» — только на демонстрационном стенде", () => {
  it.each([
    ["production, перехватчик задан, флага нет", { NODE_ENV: "production", MAIL_CATCHER_URL: CATCHER }, false],
    ["production, перехватчик и флаг DEMO_MAILBOX=1", { NODE_ENV: "production", MAIL_CATCHER_URL: CATCHER, DEMO_MAILBOX: "1" }, true],
    ["production, флаг без перехватчика", { NODE_ENV: "production", DEMO_MAILBOX: "1" }, false],
    ["разработка: перехватчик по умолчанию, эмулятор ЕСИА", { NODE_ENV: "development" }, true],
    ["разработка с настоящей ЕСИА (ключ системы задан)", { NODE_ENV: "development", ESIA_CLIENT_KEY: "/etc/pos/esia.key" }, false],
    ["production с настоящей ЕСИА, даже с флагом", { NODE_ENV: "production", MAIL_CATCHER_URL: CATCHER, DEMO_MAILBOX: "1", ESIA_CLIENT_KEY: "/etc/pos/esia.key" }, false],
    ["разработка, флаг выключен явно", { NODE_ENV: "development", DEMO_MAILBOX: "0" }, false],
  ] as const)("%s", (_case, env, on) => {
    expect(demoMailbox(env as NodeJS.ProcessEnv).enabled).toBe(on);
  });

  it("страница отвечает «не найдено», когда стенд не демонстрационный, — даже если перехватчик задан", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("MAIL_CATCHER_URL", CATCHER);
    vi.stubEnv("DEMO_MAILBOX", "");
    expect(await answer()).toBe("404");
    vi.stubEnv("DEMO_MAILBOX", "1");
    expect(await answer()).toBe("200");
  });

  it("на демонстрационном стенде страница говорит, что это демо", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("MAIL_CATCHER_URL", CATCHER);
    vi.stubEnv("DEMO_MAILBOX", "1");
    const page = JSON.stringify(await DemoMailPage());
    expect(page).toContain("Демонстрационный стенд");
  });
});
