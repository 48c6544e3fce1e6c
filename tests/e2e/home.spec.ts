import { expect, test } from "./support/test";
import { signInThroughEsia } from "./support/esia";

test("главная страница объясняет портал и ведёт ко входу", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
  await page.goto("/");
  await expect(page).toHaveTitle(/Платформа обратной связи/);
  await expect(page.getByRole("heading", { level: 1, name: "Платформа обратной связи" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Войти" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("Платформа обратной связи");
  await page.getByRole("navigation", { name: "Основная навигация" }).getByRole("link", { name: "Статус подключения" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Статус подключения учреждений" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("вошедшего главная ведёт к его работе, а не ко входу", async ({ page }) => {
  await signInThroughEsia(page, "organAdmin");
  await page.goto("/");
  const main = page.getByRole("main");
  await expect(main.getByText(/^Здравствуйте, /)).toBeVisible();
  await expect(main.getByRole("link", { name: "Войти" })).toHaveCount(0);
  await expect(main.getByRole("link", { name: "Администрирование ЛКО" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("home-signed-in.png") });
  await main.getByRole("link", { name: "Администрирование ЛКО" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Администрирование ЛКО" })).toBeVisible();
});

test("гостю главная — из кэша Next, без скриптов (решение 079); вошедшему — его главная, для него", async ({ page, request }) => {
  await request.get("/");
  const first = await request.get("/");
  const second = await request.get("/");
  expect(second.status()).toBe(200);
  // The second answer is Next's cached render, byte for byte.
  expect(second.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(await second.text()).toBe(await first.text());
  // Its headers, the absence of scripts and its stylesheets: security.spec.ts, with the public status.

  await signInThroughEsia(page, "organAdmin");
  const mine = await page.request.get("/");
  expect(mine.headers()["x-nextjs-cache"]).toBeUndefined();
  expect(mine.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  expect(await mine.text()).toContain("Здравствуйте, ");
  await page.goto("/");
  await expect(page.getByRole("main").getByText(/^Здравствуйте, /)).toBeVisible();
  // The same browser, signed out: the guest's page again, from the cache.
  await page.context().clearCookies();
  const guest = await page.request.get("/");
  expect(guest.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(await guest.text()).toBe(await first.text());
});
