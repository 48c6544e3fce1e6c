import Link from "next/link";

export default function NotFound() {
  return (
    <div className="card mx-auto max-w-xl space-y-4">
      <h1>Страница не найдена</h1>
      <p>Проверьте адрес или вернитесь на главную страницу.</p>
      <Link href="/" className="btn-primary">На главную</Link>
    </div>
  );
}
