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
