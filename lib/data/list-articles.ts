import "server-only";
import type { TArticlesQuery } from "../api/query";
import { db, type Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { escapeHtml } from "../html";

// The article list behind /articles, /api/articles and the home page: filters (entity, source,
// date range by overlap), sort, pagination and facet counts, in a few indexed SQL queries.

export interface EntityRef {
  slug: string;
  name: string;
  kind: string;
}

export interface ArticleListItem {
  slug: string;
  title: string;
  source: string;
  url: string | null;
  published: string;
  datePrecision: string;
  approximate: boolean;
  summary: string | null;
  entities: EntityRef[];
  /** HTML: escaped text, matched terms in <mark>. */
  snippet: string;
}

export interface ArticleList {
  total: number;
  page: number;
  pageSize: number;
  items: ArticleListItem[];
  facets: {
    entities: (EntityRef & { count: number })[];
    sources: { name: string; count: number }[];
    years: { year: number; count: number }[];
  };
}

type Filters = Pick<TArticlesQuery, "entity" | "source" | "from" | "to">;

const PUBLIC = Prisma.sql`a."status" = 'published' AND a."removedAt" IS NULL`;

/** WHERE clause of the filters; user values are always bound parameters. */
export function filterSql(filters: Filters): Prisma.Sql {
  const parts: Prisma.Sql[] = [PUBLIC];
  for (const slug of filters.entity) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "ArticleEntity" ae JOIN "Entity" e ON e."id" = ae."entityId"
      WHERE ae."articleId" = a."id" AND e."slug" = ${slug})`);
  }
  if (filters.source) parts.push(Prisma.sql`a."source" = ${filters.source}`);
  // Overlap: an article dated "2014" matches from=2014-09 because the two periods intersect.
  if (filters.from) parts.push(Prisma.sql`a."dateEnd" >= ${filters.from.start}`);
  if (filters.to) parts.push(Prisma.sql`a."dateStart" <= ${filters.to.end}`);
  return Prisma.join(parts, " AND ");
}

const ORDER = {
  newest: Prisma.sql`a."dateStart" DESC, a."dateEnd" DESC, a."slug" ASC`,
  oldest: Prisma.sql`a."dateStart" ASC, a."dateEnd" ASC, a."slug" ASC`,
} as const;

interface ArticleRow {
  id: number;
  slug: string;
  title: string;
  source: string;
  url: string | null;
  published: string;
  datePrecision: string;
  approximate: number | boolean;
  summary: string | null;
  excerpt: string;
}

export async function entitiesOfArticles(ids: number[], client: Db = db): Promise<Map<number, EntityRef[]>> {
  const rows = await client.articleEntity.findMany({
    where: { articleId: { in: ids } },
    select: { articleId: true, entity: { select: { slug: true, name: true, kind: true } } },
    orderBy: [{ explicit: "desc" }, { mentions: "desc" }],
  });
  const byArticle = new Map<number, EntityRef[]>();
  for (const row of rows) byArticle.set(row.articleId, [...(byArticle.get(row.articleId) ?? []), row.entity]);
  return byArticle;
}

export async function listArticles(query: TArticlesQuery, client: Db = db): Promise<ArticleList> {
  const where = filterSql(query);
  const offset = (query.page - 1) * query.pageSize;
  const order = query.sort === "oldest" ? ORDER.oldest : ORDER.newest;
  const [countRows, rows, sources, years, entities] = await Promise.all([
    client.$queryRaw<{ total: bigint | number }[]>`SELECT COUNT(*) AS total FROM "Article" a WHERE ${where}`,
    client.$queryRaw<ArticleRow[]>`SELECT a."id", a."slug", a."title", a."source", a."url", a."published", a."datePrecision",
        a."approximate", a."summary", substr(a."bodyText", 1, 400) AS excerpt
      FROM "Article" a WHERE ${where} ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${offset}`,
    client.$queryRaw<{ name: string; count: bigint | number }[]>`SELECT a."source" AS name, COUNT(*) AS count
      FROM "Article" a WHERE ${where} GROUP BY a."source" ORDER BY count DESC, name ASC LIMIT 100`,
    client.$queryRaw<{ year: string; count: bigint | number }[]>`SELECT substr(a."dateStart", 1, 4) AS year, COUNT(*) AS count
      FROM "Article" a WHERE ${where} GROUP BY year ORDER BY year ASC`,
    client.$queryRaw<(EntityRef & { count: bigint | number })[]>`SELECT e."slug", e."name", e."kind", COUNT(*) AS count
      FROM "ArticleEntity" ae JOIN "Entity" e ON e."id" = ae."entityId" JOIN "Article" a ON a."id" = ae."articleId"
      WHERE ${where} GROUP BY e."id" ORDER BY count DESC, e."name" ASC LIMIT 100`,
  ]);
  const entityMap = await entitiesOfArticles(rows.map((r) => r.id), client);
  return {
    total: Number(countRows[0]?.total ?? 0),
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((row) => ({
      slug: row.slug,
      title: row.title,
      source: row.source,
      url: row.url,
      published: row.published,
      datePrecision: row.datePrecision,
      approximate: Boolean(row.approximate),
      summary: row.summary,
      entities: entityMap.get(row.id) ?? [],
      snippet: escapeHtml(excerpt(row.summary ?? row.excerpt)),
    })),
    facets: {
      entities: entities.map((e) => ({ slug: e.slug, name: e.name, kind: e.kind, count: Number(e.count) })),
      sources: sources.map((s) => ({ name: s.name, count: Number(s.count) })),
      years: years.map((y) => ({ year: Number(y.year), count: Number(y.count) })),
    },
  };
}

/** Cuts at a word boundary near 240 characters. */
function excerpt(text: string, length = 240): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), length - 40))}…`;
}
