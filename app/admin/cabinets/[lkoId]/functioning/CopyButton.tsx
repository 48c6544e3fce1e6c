"use client";
import { useState } from "react";
import { StatusText } from "@/components/ui/Status";

/** Copies text to the clipboard and says so; falls back to selecting the text when the browser refuses. */
export function CopyButton({ text, label = "Скопировать", done = "Скопировано в буфер обмена", targetId }: { text: string; label?: string; done?: string; targetId?: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      const el = targetId ? (document.getElementById(targetId) as HTMLTextAreaElement | HTMLInputElement | null) : null;
      el?.select();
      setStatus("failed");
    }
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-3">
      <button type="button" className="btn-secondary" onClick={copy}>{label}</button>
      <span role="status" className="text-sm font-medium">
        {status === "copied" ? <StatusText tone="success" icon="check">{done}</StatusText> : null}
        {status === "failed" ? <span className="text-warning">Браузер не разрешил копирование: текст выделен, нажмите Ctrl+C.</span> : null}
      </span>
    </span>
  );
}
