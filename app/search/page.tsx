import type { Metadata } from "next";
import Link from "@/components/link";
import { ArticleCard } from "@/components/article-card";
import { Pagination } from "@/components/pagination";
import { SearchFacets } from "@/components/search-facets";
import { parseArticlesQuery } from "@/lib/api/query";
import { searchArticles, unknownFilters } from "@/lib/data/search-articles";
import { searchHref, searchParamsOf, stateOf, toggleEntity, type SearchState } from "@/lib/search/url";
import { alternates } from "@/lib/metadata";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const q = (await searchParams).q;
  const text = typeof q === "string" && q.trim() ? `« ${q.trim().slice(0, 80)} »` : "";
  return {
    title: text ? `Recherche ${text}` : "Recherche",
    description: "Rechercher dans la presse du cloud souverain : par mots, acteurs, publications et dates.",
    alternates: alternates("/search"),
    robots: { index: false, follow: true },
  };
}

const EXPORTS = [
  ["csv", "CSV"],
  ["json", "JSON"],
  ["bibtex", "BibTeX"],
  ["ris", "RIS"],
  ["csljson", "CSL-JSON"],
] as const;

function ActiveFilters({ state }: { state: SearchState }) {
  const filters: { label: string; href: string }[] = [
    ...state.entity.map((slug) => ({ label: `acteur : ${slug}`, href: searchHref(toggleEntity(state, slug)) })),
    ...(state.source ? [{ label: `publication : ${state.source}`, href: searchHref({ ...state, source: undefined }) }] : []),
    ...(state.from ? [{ label: `depuis ${state.from}`, href: searchHref({ ...state, from: undefined }) }] : []),
    ...(state.to ? [{ label: `jusqu’à ${state.to}`, href: searchHref({ ...state, to: undefined }) }] : []),
  ];
  if (filters.length === 0) return null;
  return (
    <ul className="mt-3 flex flex-wrap gap-2 text-sm" aria-label="Filtres actifs">
      {filters.map((f) => (
        <li key={f.label}>
          <Link href={f.href} className="rounded-full border border-stone-400 px-2 py-0.5 no-underline">
            {f.label} <span aria-hidden="true">✕</span>
            <span className="sr-only"> (retirer ce filtre)</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = parseArticlesQuery(await searchParams);
  // The same rule as the API: an unknown actor or publication is a mistake, not "no coverage".
  const unknown = parsed.success ? await unknownFilters(parsed.data) : [];
  if (!parsed.success || unknown.length > 0) {
    const messages = parsed.success ? unknown.map((u) => u.message) : parsed.error.issues.map((i) => i.message);
    return (
      <div className="max-w-prose">
        <h1 className="text-3xl font-bold">Recherche</h1>
        <p role="alert" className="mt-4">
          Cette recherche n’est pas valide : {messages.join(" ; ")}.{" "}
          <Link href="/search">Nouvelle recherche</Link>
        </p>
      </div>
    );
  }
  const query = parsed.data;
  const state = stateOf(query);
  const result = await searchArticles(query);
  const exportQuery = searchParamsOf({ ...state }).toString();
  const hasFilters = state.entity.length > 0 || state.source || state.from || state.to;

  return (
    <div>
      <h1 className="text-3xl font-bold">Recherche</h1>
      <form action="/search" method="get" className="mt-4 grid gap-3 sm:grid-cols-[1fr_auto_auto_auto_auto] sm:items-end">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Mots, « expression exacte », préfixe*, -exclure
          </label>
          <input id="q" name="q" type="search" defaultValue={state.q ?? ""} maxLength={2000} className="mt-1 w-full rounded border border-stone-400 px-2 py-1 dark:bg-stone-900" />
        </div>
        <div>
          <label htmlFor="from" className="block text-sm font-medium">
            Depuis
          </label>
          <input id="from" name="from" defaultValue={state.from ?? ""} placeholder="AAAA-MM" pattern="\d{4}(-\d{2}(-\d{2})?)?" className="mt-1 w-28 rounded border border-stone-400 px-2 py-1 dark:bg-stone-900" />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium">
            Jusqu’à
          </label>
          <input id="to" name="to" defaultValue={state.to ?? ""} placeholder="AAAA-MM" pattern="\d{4}(-\d{2}(-\d{2})?)?" className="mt-1 w-28 rounded border border-stone-400 px-2 py-1 dark:bg-stone-900" />
        </div>
        <div>
          <label htmlFor="sort" className="block text-sm font-medium">
            Tri
          </label>
          <select id="sort" name="sort" defaultValue={query.sort} className="mt-1 rounded border border-stone-400 px-2 py-1 dark:bg-stone-900">
            <option value="relevance">pertinence</option>
            <option value="newest">plus récents</option>
            <option value="oldest">plus anciens</option>
          </select>
        </div>
        {state.entity.map((slug) => (
          <input key={slug} type="hidden" name="entity" value={slug} />
        ))}
        {state.source && <input type="hidden" name="source" value={state.source} />}
        <button type="submit" className="rounded bg-accent px-4 py-1.5 font-medium text-white hover:bg-blue-800">
          Rechercher
        </button>
      </form>
      <ActiveFilters state={state} />

      <div className="mt-8 grid gap-10 lg:grid-cols-[1fr_16rem]">
        <section aria-labelledby="resultats">
          <h2 id="resultats" className="text-lg font-semibold" aria-live="polite">
            {result.total} résultat{result.total > 1 ? "s" : ""}
            {state.q && <> pour « {state.q} »</>}
          </h2>
          {result.total === 0 && (
            <div className="mt-4">
              <p>Aucun article ne correspond à cette recherche.</p>
              {hasFilters && (
                <p className="mt-2">
                  Essayez sans un des filtres ci-dessus, ou{" "}
                  <Link href={searchHref({ q: state.q, entity: [], sort: state.sort })}>sans aucun filtre</Link>.
                </p>
              )}
            </div>
          )}
          {result.items.map((article) => (
            <ArticleCard key={article.slug} article={article} />
          ))}
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath="/search" params={searchParamsOf(state)} />
          {result.total > 0 && (
            <p className="no-print mt-8 text-sm">
              Exporter les {result.total} résultats :{" "}
              {EXPORTS.map(([format, label], i) => (
                <span key={format}>
                  {i > 0 && " · "}
                  <a href={`/api/export?format=${format}${exportQuery ? `&${exportQuery}` : ""}`}>{label}</a>
                </span>
              ))}
              {" — "}
              <a href={`/feed.xml${exportQuery ? `?${exportQuery}` : ""}`}>s’abonner (Atom)</a>
            </p>
          )}
        </section>
        <aside aria-label="Affiner la recherche" className="no-print">
          <SearchFacets facets={result.facets} state={state} />
        </aside>
      </div>
    </div>
  );
}
