"use client";

import { useState } from "react";

/** Copies a text to the clipboard; the text stays visible and selectable for those without JavaScript. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState<"idle" | "done" | "failed">("idle");
  return (
    <button
      type="button"
      className="rounded border border-stone-400 px-2 py-0.5 text-sm hover:bg-stone-100 dark:hover:bg-stone-800"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setStatus("done");
        } catch {
          setStatus("failed");
        }
      }}
    >
      {label}
      <span role="status" className="ml-1">
        {status === "done" ? "✓ copié" : status === "failed" ? "— copie impossible, sélectionnez le texte" : ""}
      </span>
    </button>
  );
}
