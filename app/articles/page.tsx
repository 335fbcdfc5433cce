import type { Metadata } from "next";
import Link from "@/components/link";
import { ArticleCard } from "@/components/article-card";
import { FrenchDate } from "@/components/french-date";
import { Pagination } from "@/components/pagination";
import { articlesQueryInput, parseArticlesQuery } from "@/lib/api/query";
import { searchArticles } from "@/lib/data/search-articles";
import { alternates } from "@/lib/metadata";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Articles",
  description: "Tous les articles de l’archive Andromède, du plus récent au plus ancien.",
  alternates: alternates("/articles"),
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ArticlesPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const parsed = parseArticlesQuery(raw);
  if (!parsed.success) {
    return (
      <div className="max-w-prose">
        <h1 className="text-3xl font-bold">Articles</h1>
        <p role="alert" className="mt-4">
          Les paramètres de cette adresse ne sont pas valides ({parsed.error.issues.map((i) => i.message).join(" ; ")}).{" "}
          <Link href="/articles">Voir tous les articles</Link>.
        </p>
      </div>
    );
  }
  const query = parsed.data;
  const list = await searchArticles(query);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(articlesQueryInput(raw))) {
    for (const v of Array.isArray(value) ? value : [value]) if (v) params.append(key, v);
  }
  const filtered = query.entity.length > 0 || query.source || query.from || query.to;
  return (
    <div>
      <h1 className="text-3xl font-bold">Articles</h1>
      <p className="mt-2 text-stone-700 dark:text-stone-300" aria-live="polite">
        {list.total} article{list.total > 1 ? "s" : ""}
        {query.source && <> de {query.source}</>}
        {query.entity.length > 0 && <> sur {query.entity.join(", ")}</>}
        {query.from && (
          <>
            {" "}
            depuis <FrenchDate value={query.from.value} />
          </>
        )}
        {query.to && (
          <>
            {" "}
            jusqu’à <FrenchDate value={query.to.value} />
          </>
        )}
        , du plus {query.sort === "oldest" ? "ancien au plus récent" : "récent au plus ancien"}.
        {filtered && (
          <>
            {" "}
            <Link href="/articles">Retirer les filtres</Link>
          </>
        )}
      </p>
      <div className="mt-4">
        {list.items.map((article) => (
          <ArticleCard key={article.slug} article={article} />
        ))}
        {list.items.length === 0 && <p className="mt-6">Aucun article ne correspond à ces critères.</p>}
      </div>
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} basePath="/articles" params={params} />
    </div>
  );
}
