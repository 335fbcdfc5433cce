import type { ArticleDetail } from "@/lib/data/get-article";
import { formatFrenchDate } from "@/lib/dates";
import { GENRE_LABELS } from "@/lib/labels";
import { FrenchDate } from "./french-date";

/** Where the record comes from (its provenance): shown on every article page, and printed. */
export function Attribution({ article }: { article: ArticleDetail }) {
  return (
    <aside
      aria-labelledby="attribution-titre"
      data-testid="provenance"
      className="mt-10 rounded border border-stone-300 bg-stone-50 p-4 text-sm dark:border-stone-700 dark:bg-stone-900"
    >
      <h2 id="attribution-titre" className="font-semibold">
        Source et provenance
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
        {article.genre && (
          <>
            <dt>Genre</dt>
            <dd data-testid="attribution-genre">{GENRE_LABELS[article.genre] ?? article.genre}</dd>
          </>
        )}
        {article.titleSupplied && (
          <>
            <dt>Titre</dt>
            <dd data-testid="title-supplied">attribué par la rédaction de l’archive (absent de la capture)</dd>
          </>
        )}
        <dt>Texte</dt>
        <dd data-testid="attribution-fulltext">
          {article.fulltext ? "intégral, tel que capturé" : "texte non archivé : notice et résumé rédigés par l’archive"}
        </dd>
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
        {article.archive && (
          <>
            <dt>Copie archivée</dt>
            <dd className="break-all">
              <a href={article.archive} rel="noopener noreferrer" data-testid="attribution-archive">
                {article.archive}
              </a>
            </dd>
          </>
        )}
        {article.captured && (
          <>
            <dt>Capturé le</dt>
            <dd>
              <time dateTime={article.captured}>{formatFrenchDate(article.captured)}</time>
            </dd>
          </>
        )}
        <dt>Droits</dt>
        <dd data-testid="attribution-rights">{article.rights}</dd>
      </dl>
      {article.note && (
        <p className="mt-3 border-l-4 border-amber-600 pl-3" data-testid="editor-note">
          <strong>Note de la rédaction de l’archive :</strong> {article.note}
        </p>
      )}
    </aside>
  );
}
