import "server-only";
import { readingMinutes } from "../content/markdown";
import { db, type Db } from "../db";
import { rightsStatement } from "../provenance";
import type { ExportArticle } from "../search/types";

// One public article with everything its page and GET /api/articles/<slug> show.

export interface ArticleLinkRef {
  slug: string;
  title: string;
}

export interface ArticleDetail extends ExportArticle {
  bodyHtml: string;
  bodyMarkdown: string;
  wordCount: number;
  readingMinutes: number;
  related: (ArticleLinkRef & { reason: string })[];
  backlinks: ArticleLinkRef[];
  revisions: number;
  updatedAt: string;
}

const isPublic = { status: "published", removedAt: null } as const;

export async function getArticleBySlug(slug: string, client: Db = db): Promise<ArticleDetail | null> {
  const article = await client.article.findFirst({
    where: { slug, ...isPublic },
    include: {
      body: { select: { markdown: true, html: true } },
      entities: {
        select: { explicit: true, mentions: true, entity: { select: { slug: true, name: true, kind: true } } },
        orderBy: [{ explicit: "desc" }, { mentions: "desc" }],
      },
      linksTo: { where: { from: isPublic }, select: { from: { select: { slug: true, title: true } } } },
      // Computed at ingest (lib/ingest/derived.ts): a few rows whatever the size of the archive.
      relatedStories: { where: { related: isPublic }, orderBy: { rank: "asc" }, select: { reason: true, related: { select: { slug: true, title: true } } } },
      _count: { select: { revisions: true } },
      revisions: { orderBy: { version: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  if (!article) return null;
  return {
    slug: article.slug,
    title: article.title,
    source: article.source,
    url: article.url,
    published: article.published,
    datePrecision: article.datePrecision,
    approximate: article.approximate,
    authors: JSON.parse(article.authors) as string[],
    language: article.language,
    summary: article.summary,
    fulltext: article.fulltext,
    genre: article.genre,
    captured: article.captured,
    archive: article.archive,
    rights: rightsStatement(article.rights, article.source, article.fulltext),
    titleSupplied: article.titleSupplied,
    note: article.note,
    revisedAt: (article.revisions[0]?.createdAt ?? article.updatedAt).toISOString(),
    bodyHtml: article.body?.html ?? "",
    bodyMarkdown: article.body?.markdown ?? "",
    wordCount: article.wordCount,
    readingMinutes: readingMinutes(article.wordCount),
    entities: article.entities.map(({ explicit, mentions, entity: { slug, name, kind } }) => ({ slug, name, kind, explicit, mentions })),
    related: article.relatedStories.map(({ reason, related: { slug, title } }) => ({ slug, title, reason })),
    backlinks: article.linksTo.map((l) => l.from),
    revisions: article._count.revisions,
    updatedAt: article.updatedAt.toISOString(),
  };
}

export interface AdjacentArticles {
  previous: ArticleLinkRef | null;
  next: ArticleLinkRef | null;
}

/** The articles just before and after, in date order (ties broken by slug, as in the lists). */
export async function getAdjacentArticles(slug: string, client: Db = db): Promise<AdjacentArticles> {
  const current = await client.article.findUnique({ where: { slug }, select: { dateStart: true, dateEnd: true } });
  if (!current) return { previous: null, next: null };
  const select = { slug: true, title: true } as const;
  const [previous, next] = await Promise.all([
    client.article.findFirst({
      where: {
        ...isPublic,
        OR: [
          { dateStart: { lt: current.dateStart } },
          { dateStart: current.dateStart, dateEnd: { lt: current.dateEnd } },
          { dateStart: current.dateStart, dateEnd: current.dateEnd, slug: { gt: slug } },
        ],
      },
      orderBy: [{ dateStart: "desc" }, { dateEnd: "desc" }, { slug: "asc" }],
      select,
    }),
    client.article.findFirst({
      where: {
        ...isPublic,
        OR: [
          { dateStart: { gt: current.dateStart } },
          { dateStart: current.dateStart, dateEnd: { gt: current.dateEnd } },
          { dateStart: current.dateStart, dateEnd: current.dateEnd, slug: { lt: slug } },
        ],
      },
      orderBy: [{ dateStart: "asc" }, { dateEnd: "asc" }, { slug: "desc" }],
      select,
    }),
  ]);
  return { previous, next };
}
