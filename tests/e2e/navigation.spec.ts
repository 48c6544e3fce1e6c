import { expect, test } from "./support/test";
import { signInThroughEsia } from "./support/esia";

test("разделы портала зависят от роли", async ({ page, context }) => {
  await signInThroughEsia(page, "operator");
  const sections = page.getByRole("navigation", { name: "Разделы" });
  for (const name of ["Подключение кабинета", "Администрирование ЛКО", "Заявки", "Мониторинг подключения", "Почта (демо)"]) {
    await expect(sections.getByRole("link", { name })).toBeVisible();
  }
  await sections.getByRole("link", { name: "Почта (демо)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Почта (демо)" })).toBeVisible();

  await context.clearCookies();
  await signInThroughEsia(page, "institutionAdmin");
  await expect(sections.getByRole("link", { name: "Подключение кабинета" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Заявки" })).toHaveCount(0);
  await expect(sections.getByRole("link", { name: "Мониторинг подключения" })).toHaveCount(0);
});
