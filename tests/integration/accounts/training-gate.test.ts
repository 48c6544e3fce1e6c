// «Мною пройдено обучение» guards more than the cabinet pages: a confirmed person who has not ticked
// it and opens the request queue or monitoring is sent to /training (not shown «нет доступа» or
// «не найдено»), and comes back there after the tick.
import { beforeEach, describe, expect, it } from "vitest";
import RequestsPage from "@/app/admin/requests/page";
import RequestCardPage from "@/app/admin/requests/[id]/page";
import MonitoringPage from "@/app/monitoring/page";
import ProgressPage from "@/app/monitoring/progress/page";
import { confirmTraining } from "@/lib/accounts/actions";
import { safeNextPath } from "@/lib/accounts/training";
import { testDb } from "../../helpers/db";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { navigationOf, pageHtml } from "./helpers";

const db = testDb();
beforeEach(() => requestContext.clear());

const training = (next: string) => ({ redirect: `/training?next=${encodeURIComponent(next)}` });
const untrain = (personId: string) => db.account.updateMany({ where: { personId, status: "CONFIRMED" }, data: { trainingConfirmedAt: null } });

describe("ворота обучения вне страниц кабинета", () => {
  it("администратор органа без отметки: очередь заявок и карточка заявки ведут на /training; после отметки — очередь", async () => {
    await untrain("person-organ-admin");
    await signInAs("organAdmin");
    expect(await navigationOf(() => RequestsPage({ searchParams: Promise.resolve({}) }))).toEqual(training("/admin/requests"));
    expect(await navigationOf(() => RequestCardPage({ params: Promise.resolve({ id: "some-request" }) }))).toEqual(training("/admin/requests/some-request"));

    expect(await confirmTraining({ trained: "on", next: "/admin/requests" })).toMatchObject({ ok: true, data: { next: "/admin/requests" } });
    expect(await pageHtml(RequestsPage({ searchParams: Promise.resolve({}) }))).toContain("Заявки на подключение кабинетов");
  });

  it("ИТ-специалист без отметки: мониторинг ведёт на /training (а не «не найдено»), затем возвращает туда же", async () => {
    await untrain("person-city-it");
    await signInAs("cityIt");
    expect(await navigationOf(() => MonitoringPage({ searchParams: Promise.resolve({}) }))).toEqual(training("/monitoring"));
    expect(await navigationOf(() => ProgressPage())).toEqual(training("/monitoring/progress"));

    expect(await confirmTraining({ trained: "on", next: "/monitoring/progress" })).toMatchObject({ ok: true, data: { next: "/monitoring/progress" } });
    expect(await navigationOf(() => ProgressPage())).toBeNull();
    // Someone without monitoring rights still gets «не найдено».
    requestContext.clear();
    await signInAs("institutionEmployee");
    expect(await navigationOf(() => MonitoringPage({ searchParams: Promise.resolve({}) }))).toBe("not-found");
  });

  it("после отметки возвращают только в разделы за воротами", () => {
    expect(safeNextPath("/monitoring/charts")).toBe("/monitoring/charts");
    expect(safeNextPath("/admin/requests?status=ALL")).toBe("/admin/requests?status=ALL");
    for (const bad of ["/monitoringevil", "/administrator", "https://evil.example/admin", "//evil.example/monitoring", "/status"]) expect(safeNextPath(bad)).toBe("/admin");
  });
});
