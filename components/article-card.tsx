import Link from "@/components/link";
import type { ArticleListItem } from "@/lib/search/types";
import { FrenchDate } from "./french-date";

export function ArticleCard({ article, headingLevel = 2 }: { article: ArticleListItem; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="border-b border-stone-200 py-5 dark:border-stone-800">
      <Heading className="font-serif text-xl font-semibold leading-snug">
        <Link href={`/articles/${article.slug}`}>{article.title}</Link>
      </Heading>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        {article.source} · <FrenchDate value={article.published} approximate={article.approximate} />
        {!article.fulltext && <> · <span className="font-semibold text-amber-800 dark:text-amber-300">texte non archivé</span></>}
      </p>
      {/* The snippet is built server-side from escaped text (lib/search/snippet.ts). */}
      <p className="mt-2 text-stone-800 dark:text-stone-200" dangerouslySetInnerHTML={{ __html: article.snippet }} />
    </article>
  );
}
