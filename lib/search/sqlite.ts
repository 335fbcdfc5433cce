import type { TArticlesQuery } from "../api/query";
import type Database from "better-sqlite3";
import { openSqliteReader, type Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { contentGeneration } from "./generation";
import { evaluate, loadMemoryIndex, newestOrder, pageIds, type MemoryIndex } from "./memory-index";
import { parseSearchText, type ParsedSearch } from "./query";
import { buildSnippet } from "./snippet";
import type { ArticleList, EntityRef, ExportArticle, SearchBackend } from "./types";

// Search on the embedded SQLite database. FTS5 (article_fts, see sqlite-index.ts) finds the
// articles containing the words, ranked by BM25 with title and entity names boosted; the in-memory
// index (memory-index.ts) applies the other filters, counts the total and every facet and picks the
// page in one pass; SQL then reads only the rows of that page. Exports stream every match with SQL.

/** BM25 weights per column of article_fts: title, summary, body, source, entity names. */
const BM25_WEIGHTS = "10.0, 4.0, 1.0, 2.0, 6.0";
const BM25 = Prisma.raw(`bm25(article_fts, ${BM25_WEIGHTS})`);
const PUBLIC = Prisma.sql`a."status" = 'published' AND a."removedAt" IS NULL`;

interface Conditions {
  /** Public and entities (AND). */
  core: Prisma.Sql;
  /** The words, as a join that also gives each article its BM25 score (lower is better). */
  words: Prisma.Sql;
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
    source: query.source ? Prisma.sql`a."source" = ${query.source}` : Prisma.sql`1`,
    dates: dates.length > 0 ? Prisma.join(dates, " AND ") : Prisma.sql`1`,
  };
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

export function sqliteSearch(db: Db, url: string): SearchBackend {
  let reader: Database.Database | undefined;
  let current: MemoryIndex | undefined;
  const read = () => (reader ??= openSqliteReader(url));

  /** The in-memory index of the current content generation, loaded once per generation. */
  async function memoryIndex(): Promise<MemoryIndex> {
    const generation = await contentGeneration(db);
    if (current?.generation !== generation) current = loadMemoryIndex(read(), generation);
    return current;
  }

  /** Positions of the articles containing the words; best first when `ranked`, at most `limit` of them. */
  function wordHits(index: MemoryIndex, search: ParsedSearch, ranked: boolean, limit = -1): number[] {
    const sql = ranked
      ? `SELECT rowid FROM "article_fts" WHERE "article_fts" MATCH ? ORDER BY bm25(article_fts, ${BM25_WEIGHTS}), rowid LIMIT ?`
      : `SELECT rowid FROM "article_fts" WHERE "article_fts" MATCH ?`;
    const statement = read().prepare<unknown[], number>(sql).pluck();
    const ids = ranked ? statement.all(search.match, limit) : statement.all(search.match);
    const positions: number[] = [];
    for (const id of ids) {
      const p = index.positionOf.get(id);
      if (p !== undefined) positions.push(p);
    }
    return positions;
  }

  return {
    async search(query) {
      const search = query.q ? parseSearchText(query.q) : null;
      const index = await memoryIndex();
      const ranked = search !== null && query.sort === "relevance";
      const filtered = query.entity.length > 0 || query.source !== undefined || query.from !== undefined || query.to !== undefined;
      const offset = (query.page - 1) * query.pageSize;
      // Every match is needed to count facets; the BM25 order only for the page. Without other
      // filters, FTS5 ranks just the first offset + pageSize (a top-k, much cheaper than a full sort).
      const positions = search ? wordHits(index, search, ranked && filtered) : null;
      let hits: Uint8Array | null = null;
      if (positions) {
        hits = new Uint8Array(index.size);
        for (const p of positions) hits[p] = 1;
      }
      const { total, facets, matches } = evaluate(index, query, hits);
      const order = !ranked
        ? query.sort === "oldest"
          ? index.oldest
          : newestOrder(index)
        : filtered
          ? positions!
          : wordHits(index, search, true, offset + query.pageSize);
      const ids = pageIds(order, index, matches, offset, query.pageSize);
      const fetched =
        ids.length === 0
          ? []
          : await db.$queryRaw<PageRow[]>`SELECT ${PAGE_COLUMNS}, ${bodyColumn(search)} FROM "Article" a WHERE a."id" IN (${Prisma.join(ids)})`;
      const byId = new Map(fetched.map((r) => [Number(r.id), r]));
      const rows = ids.map((id) => byId.get(id)).filter((r): r is PageRow => r !== undefined);
      const entities = await entitiesOf(db, ids);
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
