/** The site-wide search form: a plain GET form, so it works without JavaScript. */
export function SearchBox({ defaultValue, id = "recherche-site" }: { defaultValue?: string; id?: string }) {
  return (
    <form role="search" action="/search" method="get" className="flex gap-2">
      <label htmlFor={id} className="sr-only">
        Rechercher dans l’archive
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder="Rechercher…"
        maxLength={2000}
        className="w-44 rounded border border-stone-400 bg-white px-2 py-1 text-ink sm:w-56 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100"
      />
      <button type="submit" className="rounded bg-accent px-3 py-1 font-medium text-white hover:bg-blue-800">
        Rechercher
      </button>
    </form>
  );
}
