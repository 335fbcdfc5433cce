import type { ArticleDetail } from "@/lib/data/get-article";
import { FrenchDate } from "./french-date";

/** Where the text comes from: shown on every article page, and printed. */
export function Attribution({ article }: { article: ArticleDetail }) {
  return (
    <aside
      aria-labelledby="attribution-titre"
      className="mt-10 rounded border border-stone-300 bg-stone-50 p-4 text-sm dark:border-stone-700 dark:bg-stone-900"
    >
      <h2 id="attribution-titre" className="font-semibold">
        Source
      </h2>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt>Publication</dt>
        <dd data-testid="attribution-source">{article.source}</dd>
        <dt>Date</dt>
        <dd>
          <FrenchDate value={article.published} approximate={article.approximate} />
          {article.approximate && " — date déduite du texte"}
        </dd>
        {article.authors.length > 0 && (
          <>
            <dt>Auteur{article.authors.length > 1 ? "s" : ""}</dt>
            <dd>{article.authors.join(", ")}</dd>
          </>
        )}
        <dt>Original</dt>
        <dd className="break-all">
          {article.url ? (
            <a href={article.url} rel="noopener noreferrer">
              {article.url}
            </a>
          ) : (
            "adresse d’origine inconnue"
          )}
        </dd>
      </dl>
      <p className="mt-3 text-stone-600 dark:text-stone-400">
        Texte reproduit à des fins d’archive et de recherche ; il reste la propriété de {article.source}.
      </p>
    </aside>
  );
}
