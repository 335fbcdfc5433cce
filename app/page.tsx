import Link from "@/components/link";
import { ArticleCard } from "@/components/article-card";
import { ZArticlesQuery } from "@/lib/api/query";
import { searchArticles } from "@/lib/data/search-articles";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { items, total, facets } = await searchArticles(ZArticlesQuery.parse({ pageSize: "5" }));
  return (
    <div className="grid gap-12 lg:grid-cols-[2fr_1fr]">
      <div>
        <h1 className="font-serif text-4xl font-bold leading-tight">L’archive du cloud souverain français</h1>
        <div className="mt-4 max-w-prose space-y-3 text-lg">
          <p>
            En 2011, l’État lance <strong>Andromède</strong> : un « cloud souverain » français financé par les
            Investissements d’avenir, avec Orange, Thales et Dassault Systèmes. Le consortium se divise ; en 2012 naissent
            deux sociétés concurrentes, <strong>Cloudwatt</strong> (Orange, Thales, Caisse des Dépôts) et{" "}
            <strong>Numergy</strong> (SFR, Bull, Caisse des Dépôts). Trois ans plus tard, Orange reprend Cloudwatt et
            Numergy, placée en procédure de sauvegarde, passe sous le contrôle de SFR.
          </p>
          <p>
            Cette archive rassemble la couverture de presse de cette histoire : {total} article{total > 1 ? "s" : ""},
            chacun attribué à sa publication d’origine.
          </p>
        </div>

        <section aria-labelledby="derniers" className="mt-10">
          <h2 id="derniers" className="text-2xl font-semibold">
            Derniers articles
          </h2>
          {items.map((article) => (
            <ArticleCard key={article.slug} article={article} headingLevel={3} />
          ))}
          <p className="mt-4">
            <Link href="/articles">Tous les articles →</Link>
          </p>
        </section>
      </div>

      <aside className="space-y-8" aria-label="Entrer dans l’archive">
        {facets.entities.length > 0 && (
          <section aria-labelledby="par-acteur">
            <h2 id="par-acteur" className="text-lg font-semibold">
              Par acteur
            </h2>
            <ul className="mt-2 space-y-1">
              {facets.entities.slice(0, 12).map((e) => (
                <li key={e.slug}>
                  <Link href={`/entities/${e.slug}`}>{e.name}</Link>{" "}
                  <span className="text-sm text-stone-600 dark:text-stone-400">({e.count})</span>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm">
              <Link href="/entities">Tous les acteurs</Link> · <Link href="/timeline">La chronologie</Link>
            </p>
          </section>
        )}
        <section aria-labelledby="par-annee">
          <h2 id="par-annee" className="text-lg font-semibold">
            Par année
          </h2>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
            {facets.years.map((y) => (
              <li key={y.year}>
                <Link href={`/articles?from=${y.year}&to=${y.year}`}>{y.year}</Link>{" "}
                <span className="text-sm text-stone-600 dark:text-stone-400">({y.count})</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="par-source">
          <h2 id="par-source" className="text-lg font-semibold">
            Par publication
          </h2>
          <ul className="mt-2 space-y-1">
            {facets.sources.map((s) => (
              <li key={s.name}>
                <Link href={`/articles?source=${encodeURIComponent(s.name)}`}>{s.name}</Link>{" "}
                <span className="text-sm text-stone-600 dark:text-stone-400">({s.count})</span>
              </li>
            ))}
          </ul>
        </section>
      </aside>
    </div>
  );
}
