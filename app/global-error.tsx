"use client";
// When even the portal's frame fails (the root layout reads the session from the database): the
// same notice as app/error.tsx, in a document of its own.
import "./globals.css";
import { ErrorNotice } from "@/components/ui/ErrorNotice";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="ru">
      <body>
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8">
          <ErrorNotice digest={error.digest} />
        </main>
      </body>
    </html>
  );
}
