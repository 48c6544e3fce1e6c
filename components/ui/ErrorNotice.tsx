import Link from "next/link";

// The failure notice of app/error.tsx and app/global-error.tsx. It takes only the error's code:
// the error itself (its message may name a table or a file) never reaches the page.
export function ErrorNotice({ digest }: { digest?: string }) {
  return (
    <div className="card mx-auto max-w-xl space-y-4" role="alert">
      <h1>Не удалось открыть страницу</h1>
      <p>На сервере произошла ошибка. Обновите страницу через минуту; если ошибка повторится, сообщите в поддержку код ниже.</p>
      {digest ? <p className="text-sm text-muted">Код ошибки: {digest}</p> : null}
      <Link href="/" className="btn-primary">На главную</Link>
    </div>
  );
}
