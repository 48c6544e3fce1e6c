// «Администрирование ЛКО» introduces itself in the terms of the person looking: an institution's own
// administrator is not told about «кабинет вашего органа» (issue 14).
import { beforeEach, describe, expect, it } from "vitest";
import AdminPage from "@/app/admin/page";
import { ADMIN_INTRO } from "@/lib/cabinets/audience";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { pageHtml } from "../accounts/helpers";

beforeEach(() => requestContext.clear());

const introOf = async () => {
  const html = await pageHtml(AdminPage({ searchParams: Promise.resolve({}) }));
  const m = /data-testid="admin-intro"[^>]*>([^<]*)</.exec(html);
  if (!m) throw new Error(`Нет вступления на странице:\n${html.slice(0, 500)}`);
  return m[1].replaceAll("&quot;", '"');
};

describe("вступление «Администрирования ЛКО» по тому, кто смотрит", () => {
  it("администратор ЛКО органа: кабинет органа и подведомственных учреждений", async () => {
    await signInAs("organAdmin");
    expect(await introOf()).toBe(ADMIN_INTRO.organAdmin);
    expect(ADMIN_INTRO.organAdmin).toContain("кабинет вашего органа и рабочие кабинеты подведомственных учреждений");
  });

  it("администратор ЛКО учреждения: свой кабинет, ни слова об органе", async () => {
    await signInAs({ personId: "person-mag-school-32-head" });
    const intro = await introOf();
    expect(intro).toBe(ADMIN_INTRO.institutionAdmin);
    expect(intro).toContain("Кабинет вашего учреждения");
    expect(intro).not.toMatch(/орган/);
  });

  it("куратор органа, региональный оператор, ИТ-специалист — каждый своё", async () => {
    await signInAs({ personId: "person-omsu-mag-uo-chief" });
    expect(await introOf()).toBe(ADMIN_INTRO.organCurator);
    await signInAs("operator");
    expect(await introOf()).toBe(ADMIN_INTRO.operator);
    await signInAs("cityIt");
    expect(await introOf()).toBe(ADMIN_INTRO.member);
    expect(new Set(Object.values(ADMIN_INTRO)).size).toBe(Object.keys(ADMIN_INTRO).length);
  });
});
