"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";

export function SignInButton({ callbackUrl = "/select-organization" }: { callbackUrl?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn-primary w-full sm:w-auto"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("esia", { callbackUrl });
      }}
    >
      {pending ? "Переход на Госуслуги…" : "Войти через ЕСИА"}
    </button>
  );
}
