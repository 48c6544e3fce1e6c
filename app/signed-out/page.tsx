import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Вы вышли" };

export default function SignedOutPage() {
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1>Вы вышли из системы</h1>
      <div className="card space-y-4">
        <p>Сеанс в Платформе обратной связи и на Госуслугах завершён. Если компьютер общий, закройте окно браузера.</p>
        <Link href="/signin" className="btn-primary">Войти снова</Link>
      </div>
    </div>
  );
}
