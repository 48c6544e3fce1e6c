import type { Metadata } from "next";

export const metadata: Metadata = { title: "Вход" };

export default function SignInPage() {
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1>Вход для сотрудников</h1>
      <p className="card">Вход выполняется через Госуслуги (ЕСИА).</p>
    </div>
  );
}
