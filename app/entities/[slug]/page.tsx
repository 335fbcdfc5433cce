import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleCard } from "@/components/article-card";
import { AttentionChart } from "@/components/attention-chart";
import { Pagination } from "@/components/pagination";
import { TimelineList } from "@/components/timeline-list";
import { parseArticlesQuery } from "@/lib/api/query";
import { SLUG_PATTERN } from "@/lib/content/schema";
import { getEntityBySlug } from "@/lib/data/entities";
import { searchArticles } from "@/lib/data/search-articles";
import { listEvents } from "@/lib/data/timeline";
import { kindLabel } from "@/lib/labels";
import { alternates } from "@/lib/metadata";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const getEntity = cache((slug: string) => (SLUG_PATTERN.test(slug) ? getEntityBySlug(slug) : Promise.resolve(null)));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const entity = await getEntity((await params).slug);
  if (!entity) return { title: "Acteur introuvable", robots: { index: false } };
  return {
    title: entity.name,
    description: `${entity.name} (${kindLabel(entity.kind)}) dans la presse du cloud souverain : ${entity.articleCount} articles, sa chronologie, les acteurs cités avec lui.`,
    alternates: alternates(`/entities/${entity.slug}`),
  };
}

export default async function EntityPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const entity = await getEntity(slug);
  if (!entity) notFound();
  const page = parseArticlesQuery({ entity: slug, page: (await searchParams).page });
  const query = page.success ? page.data : parseArticlesQuery({ entity: slug }).data!;
  const [articles, events] = await Promise.all([searchArticles(query), listEvents({ entity: slug })]);

  return (
    <div>
      <nav aria-label="Fil d’Ariane" className="no-print text-sm">
        <Link href="/">Accueil</Link> › <Link href="/entities">Acteurs</Link>
      </nav>
      <h1 className="mt-4 text-3xl font-bold">{entity.name}</h1>
      <p className="mt-1 text-stone-700 dark:text-stone-300">
        {kindLabel(entity.kind)}
        {entity.aliases.length > 0 && <> · aussi appelé {entity.aliases.join(", ")}</>}
      </p>
      <div className="prose mt-4" dangerouslySetInnerHTML={{ __html: entity.descriptionHtml }} />
      {(entity.url || entity.wikidata) && (
        <p className="mt-3 text-sm">
          {entity.url && (
            <a href={entity.url} rel="noopener noreferrer">
              Site officiel
            </a>
          )}
          {entity.url && entity.wikidata && " · "}
          {entity.wikidata && (
            <a href={`https://www.wikidata.org/wiki/${entity.wikidata}`} rel="noopener noreferrer">
              Wikidata ({entity.wikidata})
            </a>
          )}
        </p>
      )}

      <section aria-labelledby="attention" className="mt-10">
        <h2 id="attention" className="text-xl font-semibold">
          L’attention de la presse
        </h2>
        <div className="mt-3">
          <AttentionChart name={entity.name} attention={entity.attention} yearOnly={entity.yearOnly} />
        </div>
      </section>

      {entity.coMentioned.length > 0 && (
        <section aria-labelledby="avec" className="mt-10">
          <h2 id="avec" className="text-xl font-semibold">
            Souvent cité avec
          </h2>
          <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-2">
            {entity.coMentioned.map((c) => (
              <li key={c.slug}>
                <Link href={`/entities/${c.slug}`}>{c.name}</Link>{" "}
                <Link href={`/search?entity=${entity.slug}&entity=${c.slug}`} className="text-sm">
                  ({c.count} article{c.count > 1 ? "s" : ""} en commun)
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {events.length > 0 && (
        <section aria-labelledby="chronologie" className="mt-10">
          <h2 id="chronologie" className="text-xl font-semibold">
            Chronologie
          </h2>
          <div className="mt-4">
            <TimelineList events={events} headingLevel={3} />
          </div>
          <p className="mt-4">
            <Link href={`/timeline?entity=${entity.slug}`}>Voir dans la chronologie complète →</Link>
          </p>
        </section>
      )}

      <section aria-labelledby="articles" className="mt-10">
        <h2 id="articles" className="text-xl font-semibold">
          Articles ({entity.articleCount})
        </h2>
        {articles.items.map((article) => (
          <ArticleCard key={article.slug} article={article} headingLevel={3} />
        ))}
        <Pagination
          page={articles.page}
          pageSize={articles.pageSize}
          total={articles.total}
          basePath={`/entities/${entity.slug}`}
          params={new URLSearchParams()}
        />
      </section>
    </div>
  );
}
