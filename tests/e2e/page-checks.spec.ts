// The checks every e2e test runs on its pages (support/test.ts) catch what they are for, and a form
// sent before the page's scripts have run (a quick click on a slow connection, or no JavaScript
// yet) hydrates its answer without a mismatch (issue 14: React reported hydration mismatches).
import { expect, test } from "./support/test";
import { EDU_DEPARTMENT_LKO } from "./support/routes";
import { signInThroughEsia } from "./support/esia";
import { seriousAxeViolations } from "./support/page-checks";

test.describe("проверки страниц сами по себе", () => {
  test("ловят ошибку гидратации, как её сообщает сборка для продакшена (React #418)", async ({ page }) => {
    test.fail(true, "проверка страниц (support/test.ts) должна провалить этот тест");
    await page.goto("/");
    // What React does on a mismatch in a production build: a recoverable error through reportError().
    await page.evaluate(() => reportError(new Error("Minified React error #418; visit https://react.dev/errors/418?args[]=text for the full message")));
  });

  test("ловят две точки подряд в тексте страницы", async ({ page }) => {
    test.fail(true, "проверка страниц (support/test.ts) должна провалить этот тест");
    await page.setContent("<main><p>Заявка подана 6 декабря 2026 г.. Результат рассмотрения придёт на почту.</p></main>");
  });

  test("axe находит серьёзное нарушение на странице и в рамке без скриптов, а рамку со скриптами называет", async ({ page }) => {
    const pixel = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
    await page.setContent(
      `<main><h1>Проверка</h1><button></button>` +
        `<iframe title="Предпросмотр" sandbox="" srcdoc="<main><h1>Рамка</h1><img src='${pixel}'></main>"></iframe>` +
        `<iframe title="Виджет" srcdoc="<p>Рамка со скриптами</p>"></iframe></main>`,
    );
    const found = await seriousAxeViolations(page, "проверка");
    expect(found.filter((f) => f.startsWith("button-name (critical)"))).toHaveLength(1);
    expect(found.filter((f) => f.startsWith("рамка «Предпросмотр»: image-alt (critical)"))).toHaveLength(1);
    expect(found.filter((f) => f.startsWith("рамка со скриптами «Виджет»"))).toHaveLength(1);
  });

  test("многоточие и точка после сокращения — не ошибка", async ({ page }) => {
    await page.setContent("<main><p>Загрузка… Отправляем... Заявка подана 6 декабря 2026 г. Результат — позже.</p></main>");
  });
});

test("форма, отправленная до загрузки скриптов страницы, показывает ответ без ошибки гидратации", async ({ page }) => {
  await signInThroughEsia(page, "organAdmin");
  // The page's scripts (not its styles) wait until the form has been sent by the browser itself.
  const SCRIPTS = /\/_next\/static\/chunks\/.+\.js(\?|$)/;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(SCRIPTS, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/admin/cabinets/${EDU_DEPARTMENT_LKO}`, { waitUntil: "commit" });
  await page.getByLabel(/Данные актуальны: я проверил/).check();
  await page.getByRole("button", { name: "Подтвердить актуальность" }).click({ noWaitAfter: true });
  await page.waitForLoadState("domcontentloaded");
  release();
  await expect(page.getByRole("status").filter({ hasText: "Актуальность данных подтверждена" })).toBeVisible();
  // Hydrated: the form works as a script-driven one now.
  await page.waitForLoadState("networkidle");
  await page.unroute(SCRIPTS);
  await page.getByRole("button", { name: "Подтвердить актуальность" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(/отметку|Данные актуальны/);
});
