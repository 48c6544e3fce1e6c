import { expect, test } from "@playwright/test";

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
