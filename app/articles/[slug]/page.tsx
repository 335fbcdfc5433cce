import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Attribution } from "@/components/attribution";
import { CiteThis } from "@/components/cite-this";
import { EntityChips } from "@/components/entity-chips";
import { FrenchDate } from "@/components/french-date";
import { getAdjacentArticles, getArticleBySlug, type ArticleDetail } from "@/lib/data/get-article";
import { siteUrl } from "@/lib/env";
import { citationsFor } from "@/lib/export/cite";
import { linkMentions } from "@/lib/content/mentions";
import { getMentionMatcher } from "@/lib/data/mention-matcher";
import { listEvents } from "@/lib/data/timeline";
import { alternates } from "@/lib/metadata";

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
    alternates: alternates(`/articles/${article.slug}`),
    // Highwire Press tags: what Zotero and Google Scholar read to import a citation.
    other: {
      citation_title: article.title,
      citation_journal_title: article.source,
      citation_publisher: article.source,
      citation_publication_date: article.published.replaceAll("-", "/"),
      citation_language: article.language,
      citation_public_url: `${siteUrl()}/articles/${article.slug}`,
      ...(article.authors.length > 0 ? { citation_author: article.authors } : {}),
    },
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

/** schema.org NewsArticle, as JSON-LD; `<` is escaped so the text can never close the script. */
function jsonLd(article: ArticleDetail): string {
  const data = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    datePublished: article.published,
    inLanguage: article.language,
    publisher: { "@type": "Organization", name: article.source },
    ...(article.authors.length > 0 ? { author: article.authors.map((name) => ({ "@type": "Person", name })) } : {}),
    ...(article.url ? { sameAs: article.url, isBasedOn: article.url } : {}),
    ...(article.archive ? { archivedAt: article.archive } : {}),
    ...(article.genre ? { genre: article.genre } : {}),
    copyrightNotice: article.rights,
    ...(article.summary ? { description: article.summary } : {}),
    about: article.entities.map((e) => ({ "@type": e.kind === "person" ? "Person" : "Organization", name: e.name })),
    url: `${siteUrl()}/articles/${article.slug}`,
  };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

export default async function ArticlePage({ params }: { params: Params }) {
  const { slug } = await params;
  const article = await getArticle(slug);
  if (!article) notFound();
  const [{ previous, next }, events, matcher] = await Promise.all([
    getAdjacentArticles(slug),
    listEvents({ sourceArticle: slug }),
    getMentionMatcher(),
  ]);
  const citations = citationsFor(article, siteUrl());
  const bodyHtml = linkMentions(article.bodyHtml, matcher, (entity) => `/entities/${entity}`);
  return (
    <article lang={article.language}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd(article) }} />
      <nav aria-label="Fil d’Ariane" className="no-print text-sm">
        <Link href="/">Accueil</Link> › <Link href="/articles">Articles</Link>
      </nav>
      <header className="mt-4 max-w-[68ch]">
        <h1 className="font-serif text-3xl font-bold leading-tight sm:text-4xl">{article.title}</h1>
        <p className="mt-3 text-stone-700 dark:text-stone-300">
          <span data-testid="article-source">{article.source}</span> ·{" "}
          <FrenchDate value={article.published} approximate={article.approximate} />
          {article.authors.length > 0 && <> · {article.authors.join(", ")}</>}
          {article.fulltext ? <> · {article.readingMinutes} min de lecture</> : null}
        </p>
        {!article.fulltext && (
          <p
            data-testid="no-fulltext"
            className="mt-3 inline-block rounded border border-amber-700 px-2 py-1 text-sm font-semibold text-amber-900 dark:border-amber-400 dark:text-amber-200"
          >
            Texte non archivé — notice bibliographique : le résumé ci-dessous est rédigé par l’archive, l’article original
            est à lire à son adresse d’origine.
          </p>
        )}
        {article.summary && article.fulltext && <p className="mt-4 text-lg text-stone-700 italic dark:text-stone-300">{article.summary}</p>}
        <div className="no-print mt-4">
          <EntityChips entities={article.entities} label="Acteurs cités dans l’article" />
        </div>
      </header>

      {!article.fulltext && (
        <h2 className="mt-8 text-xl font-semibold" id="resume">
          Résumé de la rédaction de l’archive
        </h2>
      )}
      {/* bodyHtml was sanitised at ingest (lib/content/markdown.ts): no script, handler or javascript: link;
          linkMentions only adds links to entity pages (lib/content/mentions.ts). */}
      <div className={article.fulltext ? "prose mt-8" : "prose mt-2"} dangerouslySetInnerHTML={{ __html: bodyHtml }} />

      <Attribution article={article} />
      <CiteThis citations={citations} />

      {events.length > 0 && (
        <section aria-labelledby="chronologie" className="no-print mt-10">
          <h2 id="chronologie" className="text-xl font-semibold">
            Sur la chronologie
          </h2>
          <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">Les événements que cet article atteste :</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {events.map((event) => (
              <li key={event.slug}>
                <FrenchDate value={event.date} approximate={event.approximate} /> —{" "}
                <Link href={`/timeline#${event.slug}`}>{event.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {article.related.length > 0 && (
        <section aria-labelledby="liees" className="no-print mt-10">
          <h2 id="liees" className="text-xl font-semibold">
            Articles liés
          </h2>
          <ul className="mt-2 space-y-2">
            {article.related.map((r) => (
              <li key={r.slug}>
                <Link href={`/articles/${r.slug}`}>{r.title}</Link>
                <span className="block text-sm text-stone-600 dark:text-stone-400">{r.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {article.backlinks.length > 0 && (
        <section aria-labelledby="cite-par" className="no-print mt-10">
          <h2 id="cite-par" className="text-xl font-semibold">
            Cité par
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {article.backlinks.map((b) => (
              <li key={b.slug}>
                <Link href={`/articles/${b.slug}`}>{b.title}</Link>
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
