import type { TArticlesQuery } from "../api/query";
import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { LruCache } from "../lru";
import { contentGeneration } from "./generation";
import { parseSearchText, type ParsedSearch } from "./query";
import { buildSnippet } from "./snippet";
import type { ArticleList, EntityRef, ExportArticle, Facets, SearchBackend } from "./types";

// Search on the embedded SQLite database: FTS5 (article_fts, see sqlite-index.ts) for words,
// indexed columns for filters. A request costs two statements: the page (ranked by BM25 with title
// and entity names boosted, or by date) and one pass that counts the total and every facet. That
// second pass depends only on the filters, so it is cached, keyed by the content generation that
// every ingest renews.

/** BM25 weights per column of article_fts: title, summary, body, source, entity names. */
const BM25 = Prisma.raw("bm25(article_fts, 10.0, 4.0, 1.0, 2.0, 6.0)");
const PUBLIC = Prisma.sql`a."status" = 'published' AND a."removedAt" IS NULL`;
const FACET_LIMIT = 100;

interface Conditions {
  /** Public and entities (AND): what every count respects, with the words. */
  core: Prisma.Sql;
  /** The words, as a join that also gives each article its BM25 score (lower is better). */
  words: Prisma.Sql;
  /** The words, as a join without scores (for counting). */
  wordsFilter: Prisma.Sql;
  source: Prisma.Sql;
  dates: Prisma.Sql;
}

function conditions(query: TArticlesQuery, search: ParsedSearch | null): Conditions {
  const core: Prisma.Sql[] = [PUBLIC];
  for (const slug of query.entity) {
    core.push(Prisma.sql`EXISTS (SELECT 1 FROM "ArticleEntity" ae JOIN "Entity" e ON e."id" = ae."entityId"
      WHERE ae."articleId" = a."id" AND e."slug" = ${slug})`);
  }
  // Dates match by overlap: an article dated "2014" is found from 2014-10 because the periods intersect.
  const dates: Prisma.Sql[] = [];
  if (query.from) dates.push(Prisma.sql`a."dateEnd" >= ${query.from.start}`);
  if (query.to) dates.push(Prisma.sql`a."dateStart" <= ${query.to.end}`);
  return {
    core: Prisma.join(core, " AND "),
    words: search
      ? Prisma.sql`JOIN (SELECT rowid AS id, ${BM25} AS score FROM "article_fts" WHERE "article_fts" MATCH ${search.match}) r ON r."id" = a."id"`
      : Prisma.empty,
    wordsFilter: search
      ? Prisma.sql`JOIN (SELECT rowid AS id FROM "article_fts" WHERE "article_fts" MATCH ${search.match}) r ON r."id" = a."id"`
      : Prisma.empty,
    source: query.source ? Prisma.sql`a."source" = ${query.source}` : Prisma.sql`1`,
    dates: dates.length > 0 ? Prisma.join(dates, " AND ") : Prisma.sql`1`,
  };
}

interface FacetRow {
  facet: "total" | "source" | "year" | "entity";
  key: string | null;
  name: string | null;
  kind: string | null;
  count: bigint | number;
}

/**
 * Total and facets in one pass over the matching articles. Each facet ignores its own filter
 * (choosing a source shows how many articles the other sources have), and respects the others.
 */
async function countFacets(db: Db, c: Conditions): Promise<{ total: number; facets: Facets }> {
  const rows = await db.$queryRaw<FacetRow[]>`
    WITH m AS MATERIALIZED (
      SELECT a."id", a."source", substr(a."dateStart", 1, 4) AS year, (${c.source}) AS sourceOk, (${c.dates}) AS datesOk
      FROM "Article" a ${c.wordsFilter} WHERE ${c.core}
    )
    SELECT 'total' AS facet, NULL AS key, NULL AS name, NULL AS kind, COUNT(*) AS count FROM m WHERE sourceOk AND datesOk
    UNION ALL SELECT * FROM (SELECT 'source', source, source, NULL, COUNT(*) AS n FROM m WHERE datesOk
      GROUP BY source ORDER BY n DESC, source LIMIT ${FACET_LIMIT})
    UNION ALL SELECT * FROM (SELECT 'year', year, year, NULL, COUNT(*) AS n FROM m WHERE sourceOk
      GROUP BY year ORDER BY year)
    UNION ALL SELECT * FROM (SELECT 'entity', e."slug", e."name", e."kind", COUNT(*) AS n
      FROM m JOIN "ArticleEntity" ae ON ae."articleId" = m."id" JOIN "Entity" e ON e."id" = ae."entityId"
      WHERE sourceOk AND datesOk GROUP BY e."id" ORDER BY n DESC, e."name" LIMIT ${FACET_LIMIT})`;
  const facets: Facets = { entities: [], sources: [], years: [] };
  let total = 0;
  for (const row of rows) {
    const count = Number(row.count);
    if (row.facet === "total") total = count;
    else if (row.facet === "source") facets.sources.push({ name: row.key!, count });
    else if (row.facet === "year") facets.years.push({ year: Number(row.key), count });
    else facets.entities.push({ slug: row.key!, name: row.name!, kind: row.kind!, count });
  }
  return { total, facets };
}

function orderBy(query: TArticlesQuery, search: ParsedSearch | null): Prisma.Sql {
  if (query.sort === "oldest") return Prisma.sql`a."dateStart" ASC, a."dateEnd" ASC, a."slug" ASC`;
  if (query.sort === "relevance" && search) return Prisma.sql`r."score" ASC, a."dateStart" DESC, a."slug" ASC`;
  return Prisma.sql`a."dateStart" DESC, a."dateEnd" DESC, a."slug" ASC`;
}

interface PageRow {
  id: number;
  slug: string;
  title: string;
  source: string;
  url: string | null;
  published: string;
  datePrecision: string;
  approximate: number | boolean;
  summary: string | null;
  bodyText: string | null;
}

async function entitiesOf(db: Db, ids: number[]): Promise<Map<number, EntityRef[]>> {
  const rows = await db.articleEntity.findMany({
    where: { articleId: { in: ids } },
    select: { articleId: true, entity: { select: { slug: true, name: true, kind: true } } },
    orderBy: [{ explicit: "desc" }, { mentions: "desc" }],
  });
  const byArticle = new Map<number, EntityRef[]>();
  for (const row of rows) byArticle.set(row.articleId, [...(byArticle.get(row.articleId) ?? []), row.entity]);
  return byArticle;
}

const PAGE_COLUMNS = Prisma.sql`a."id", a."slug", a."title", a."source", a."url", a."published", a."datePrecision", a."approximate", a."summary"`;

function bodyColumn(search: ParsedSearch | null): Prisma.Sql {
  return Prisma.sql`(SELECT ${search ? Prisma.sql`b."text"` : Prisma.sql`substr(b."text", 1, 600)`}
    FROM "ArticleBody" b WHERE b."articleId" = a."id") AS "bodyText"`;
}

async function pageRows(db: Db, query: TArticlesQuery, search: ParsedSearch | null, c: Conditions): Promise<PageRow[]> {
  const offset = (query.page - 1) * query.pageSize;
  const filtered = query.entity.length > 0 || query.source !== undefined || query.from !== undefined || query.to !== undefined;
  if (search && !filtered && query.sort === "relevance") {
    // Words only: FTS5 ranks alone (it indexes public articles only), then the page is joined.
    return db.$queryRaw<PageRow[]>`
      SELECT ${PAGE_COLUMNS}, ${bodyColumn(search)}
      FROM (SELECT rowid AS id, ${BM25} AS score FROM "article_fts" WHERE "article_fts" MATCH ${search.match}
            ORDER BY score LIMIT ${query.pageSize} OFFSET ${offset}) r
      JOIN "Article" a ON a."id" = r."id" ORDER BY r."score", a."dateStart" DESC, a."slug"`;
  }
  return db.$queryRaw<PageRow[]>`
    SELECT ${PAGE_COLUMNS}, ${bodyColumn(search)}
    FROM "Article" a ${c.words} WHERE ${c.core} AND ${c.source} AND ${c.dates}
    ORDER BY ${orderBy(query, search)} LIMIT ${query.pageSize} OFFSET ${offset}`;
}

export function sqliteSearch(db: Db, cacheSize = 500): SearchBackend {
  const facetCache = new LruCache<Promise<{ total: number; facets: Facets }>>(cacheSize);

  async function cachedFacets(query: TArticlesQuery, search: ParsedSearch | null, c: Conditions) {
    if (cacheSize <= 0) return countFacets(db, c);
    const key = JSON.stringify([await contentGeneration(db), search?.match, query.entity, query.source, query.from?.value, query.to?.value]);
    let result = facetCache.get(key);
    if (!result) {
      result = countFacets(db, c);
      facetCache.set(key, result);
      // A failed count must not stay cached.
      result.catch(() => facetCache.delete(key));
    }
    return result;
  }

  return {
    async search(query) {
      const search = query.q ? parseSearchText(query.q) : null;
      const c = conditions(query, search);
      const rows = await pageRows(db, query, search, c);
      const [{ total, facets }, entities] = await Promise.all([cachedFacets(query, search, c), entitiesOf(db, rows.map((r) => r.id))]);
      const list: ArticleList = {
        total,
        page: query.page,
        pageSize: query.pageSize,
        facets,
        items: rows.map((row) => ({
          slug: row.slug,
          title: row.title,
          source: row.source,
          url: row.url,
          published: row.published,
          datePrecision: row.datePrecision,
          approximate: Boolean(row.approximate),
          summary: row.summary,
          entities: entities.get(row.id) ?? [],
          snippet: buildSnippet(search || !row.summary ? (row.bodyText ?? "") : row.summary, search),
        })),
      };
      return list;
    },

    async *exportMatches(query, batchSize = 500) {
      const search = query.q ? parseSearchText(query.q) : null;
      const c = conditions(query, search);
      // Ids first (small even for 100,000 matches), then the rows a batch at a time, in that order.
      const ids = (
        await db.$queryRaw<{ id: number }[]>`SELECT a."id" FROM "Article" a ${c.words} WHERE ${c.core} AND ${c.source} AND ${c.dates}
          ORDER BY ${orderBy(query, search)}`
      ).map((r) => r.id);
      for (let i = 0; i < ids.length; i += batchSize) {
        const batch = ids.slice(i, i + batchSize);
        const [rows, entities] = await Promise.all([
          db.article.findMany({
            where: { id: { in: batch } },
            select: {
              id: true,
              slug: true,
              title: true,
              source: true,
              url: true,
              published: true,
              datePrecision: true,
              approximate: true,
              authors: true,
              language: true,
              summary: true,
            },
          }),
          entitiesOf(db, batch),
        ]);
        const byId = new Map(rows.map((r) => [r.id, r]));
        yield batch.map((id): ExportArticle => {
          const row = byId.get(id)!;
          return {
            slug: row.slug,
            title: row.title,
            source: row.source,
            url: row.url,
            published: row.published,
            datePrecision: row.datePrecision,
            approximate: row.approximate,
            authors: JSON.parse(row.authors) as string[],
            language: row.language,
            summary: row.summary,
            entities: entities.get(id) ?? [],
          };
        });
      }
    },
  };
}
