"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-prose">
      <h1 className="text-3xl font-bold">Une erreur est survenue</h1>
      <p className="mt-4">La page n’a pas pu être affichée. Réessayez dans un instant.</p>
      <button type="button" onClick={reset} className="mt-4 rounded border border-stone-400 px-3 py-1">
        Réessayer
      </button>
    </div>
  );
}
