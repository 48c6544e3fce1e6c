// The applicant's notice about a request on review reads as one sentence after the date, whose
// «г.» already ends it: «Заявка подана 6 декабря 2026 г. Результат…», never «г.. Результат» (issue 14).
import { expect, it } from "vitest";
import CabinetRequestPage from "@/app/registration/[kind]/page";
import { signInAs } from "../../helpers/session";
import { pageHtml } from "../accounts/helpers";

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");

it("«Заявка подана … г. Результат рассмотрения придёт на …» — с одной точкой", async () => {
  await signInAs({ personId: "person-mag-school-14-head" });
  const page = text(await pageHtml(CabinetRequestPage({ params: Promise.resolve({ kind: "work" }) })));
  expect(page).toMatch(/Заявка подана \d{1,2} [а-я]+ \d{4} г\. Результат рассмотрения придёт на \S+@\S+\./);
  expect(page).not.toMatch(/[^.]\.\.(?!\.)/);
});
