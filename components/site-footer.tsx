export function SiteFooter() {
  return (
    <footer className="no-print mt-16 border-t border-stone-200 py-8 text-sm text-stone-600 dark:border-stone-800 dark:text-stone-400">
      <div className="mx-auto max-w-5xl px-4">
        <p>
          Andromède archive la couverture de presse du « cloud souverain » français (2011–2016). Chaque article reste la
          propriété de sa publication d’origine, citée sur sa page avec un lien vers l’original.
        </p>
      </div>
    </footer>
  );
}
