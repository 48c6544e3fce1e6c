import type { Metadata } from "next";
import { RATING_REFUSALS, ratingPage, type TRatingPage } from "@/lib/messages/rating";

export const metadata: Metadata = { title: "Оценка ответа", robots: { index: false } };
export const dynamic = "force-dynamic";

const SCORES = [
  [5, "5 — отлично"],
  [4, "4 — хорошо"],
  [3, "3 — удовлетворительно"],
  [2, "2 — плохо"],
  [1, "1 — очень плохо"],
] as const;

// The citizen rates an answer from the link in its email: no sign-in, a plain form (works without
// JavaScript), posted to ./send. Decision 074.
export default async function RateAnswerPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { token } = await params;
  const query = await searchParams;
  const page: TRatingPage = token.length <= 200 ? await ratingPage(token) : { state: "invalid" };

  if (query.done) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1>Спасибо за оценку</h1>
        <p role="status" className="rounded-xl bg-success-light p-4 text-success">
          {query.done === "re-review"
            ? "Вы отметили, что проблема не решена. Сообщение направлено на повторное рассмотрение: организация ответит вам ещё раз."
            : "Ваша оценка сохранена. Она помогает организациям отвечать лучше."}
        </p>
      </div>
    );
  }
  if (!("number" in page)) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1>Оценка ответа</h1>
        <p role="alert" className="rounded-xl bg-danger-light p-4 text-danger">{RATING_REFUSALS[page.state]}</p>
      </div>
    );
  }
  const refusal = page.state === "rated" || page.state === "superseded" ? RATING_REFUSALS[page.state] : query.error && query.error in RATING_REFUSALS ? RATING_REFUSALS[query.error as keyof typeof RATING_REFUSALS] : null;
  const fieldError = query.error === "fields";
  const scoreMissing = fieldError && !SCORES.some(([n]) => String(n) === query.score);
  const resolvedMissing = fieldError && query.resolved !== "yes" && query.resolved !== "no";

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1>Оценка ответа на сообщение № {page.number}</h1>
      <p>Организация: {page.cabinetName}</p>
      {page.answer ? (
        <section aria-labelledby="answer-h" className="card space-y-2">
          <h2 id="answer-h" className="text-xl">Ответ организации</h2>
          <p className="whitespace-pre-line">{page.answer}</p>
        </section>
      ) : null}
      {refusal ? <p role="status" className="rounded-xl bg-brand-light p-4">{refusal}</p> : null}
      {page.state === "open" ? (
        <form method="post" action={`/rate/${encodeURIComponent(token)}/send`} className="card space-y-6" noValidate>
          {fieldError ? <p role="alert" className="rounded-xl bg-danger-light p-4 text-danger">Проверьте ответ: отмечены не все пункты.</p> : null}
          <fieldset aria-describedby={scoreMissing ? "score-error" : undefined}>
            <legend className="field-label">Оцените ответ</legend>
            {scoreMissing ? <p id="score-error" className="field-error">Выберите оценку от 1 до 5.</p> : null}
            <ul className="space-y-2">
              {SCORES.map(([n, label]) => (
                <li key={n}>
                  <label className="flex items-center gap-3">
                    <input type="radio" name="score" value={n} defaultChecked={query.score === String(n)} required />
                    {label}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset aria-describedby={resolvedMissing ? "resolved-error" : undefined}>
            <legend className="field-label">Ваша проблема решена?</legend>
            {resolvedMissing ? <p id="resolved-error" className="field-error">Укажите, решена ли проблема.</p> : null}
            <ul className="space-y-2">
              <li><label className="flex items-center gap-3"><input type="radio" name="resolved" value="yes" defaultChecked={query.resolved === "yes"} required />Решено</label></li>
              <li><label className="flex items-center gap-3"><input type="radio" name="resolved" value="no" defaultChecked={query.resolved === "no"} required />Не решено — рассмотреть повторно</label></li>
            </ul>
          </fieldset>
          <button type="submit" className="btn-primary">Отправить оценку</button>
        </form>
      ) : null}
    </div>
  );
}
