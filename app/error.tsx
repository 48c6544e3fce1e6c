"use client";
// What a person sees when a page fails on the server: a plain Russian sentence and the error's
// code for support — never the error's own text (a database message, a file path). In production
// Next.js hands the browser only the code (digest); the message stays in the server's log.
import { ErrorNotice } from "@/components/ui/ErrorNotice";

export default function PageError({ error }: { error: Error & { digest?: string } }) {
  return <ErrorNotice digest={error.digest} />;
}
