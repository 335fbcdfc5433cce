import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Attribution } from "@/components/attribution";
import { FrenchDate } from "@/components/french-date";
import { getAdjacentArticles, getArticleBySlug } from "@/lib/data/get-article";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

// generateMetadata and the page need the same article: one query per request.
const getArticle = cache((slug: string) => getArticleBySlug(slug));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const article = await getArticle(slug);
  if (!article) return { title: "Article introuvable", robots: { index: false } };
  const description = article.summary ?? `${article.title} — ${article.source}`;
  return {
    title: article.title,
    description,
    alternates: { canonical: `/articles/${article.slug}` },
    openGraph: {
      type: "article",
      title: article.title,
      description,
      url: `/articles/${article.slug}`,
      publishedTime: article.published,
      authors: article.authors,
      locale: article.language === "fr" ? "fr_FR" : article.language,
    },
  };
}

export default async function ArticlePage({ params }: { params: Params }) {
  const { slug } = await params;
  const article = await getArticle(slug);
  if (!article) notFound();
  const { previous, next } = await getAdjacentArticles(slug);
  return (
    <article lang={article.language}>
      <nav aria-label="Fil d’Ariane" className="no-print text-sm">
        <Link href="/">Accueil</Link> › <Link href="/articles">Articles</Link>
      </nav>
      <header className="mt-4 max-w-[68ch]">
        <h1 className="font-serif text-3xl font-bold leading-tight sm:text-4xl">{article.title}</h1>
        <p className="mt-3 text-stone-700 dark:text-stone-300">
          <span data-testid="article-source">{article.source}</span> ·{" "}
          <FrenchDate value={article.published} approximate={article.approximate} />
          {article.authors.length > 0 && <> · {article.authors.join(", ")}</>} · {article.readingMinutes} min de lecture
        </p>
        {article.summary && <p className="mt-4 text-lg text-stone-700 italic dark:text-stone-300">{article.summary}</p>}
      </header>

      {/* bodyHtml was sanitised at ingest (lib/content/markdown.ts): no script, handler or javascript: link. */}
      <div className="prose mt-8" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />

      <Attribution article={article} />

      {(article.related.length > 0 || article.backlinks.length > 0) && (
        <section aria-labelledby="liens" className="no-print mt-10">
          <h2 id="liens" className="text-xl font-semibold">
            Articles liés
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {article.related.map((r) => (
              <li key={r.slug}>
                <Link href={`/articles/${r.slug}`}>{r.title}</Link>{" "}
                <span className="text-sm text-stone-600 dark:text-stone-400">({r.reason})</span>
              </li>
            ))}
            {article.backlinks.map((b) => (
              <li key={`cite-${b.slug}`}>
                <Link href={`/articles/${b.slug}`}>{b.title}</Link>{" "}
                <span className="text-sm text-stone-600 dark:text-stone-400">(renvoie à cet article)</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <nav aria-label="Articles précédent et suivant" className="no-print mt-12 grid gap-4 sm:grid-cols-2">
        <div>
          {previous && (
            <>
              <span className="block text-sm text-stone-600 dark:text-stone-400">← Article précédent</span>
              <Link href={`/articles/${previous.slug}`} rel="prev">
                {previous.title}
              </Link>
            </>
          )}
        </div>
        <div className="sm:text-right">
          {next && (
            <>
              <span className="block text-sm text-stone-600 dark:text-stone-400">Article suivant →</span>
              <Link href={`/articles/${next.slug}`} rel="next">
                {next.title}
              </Link>
            </>
          )}
        </div>
      </nav>
    </article>
  );
}
