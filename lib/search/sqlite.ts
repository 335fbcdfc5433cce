import type { TArticlesQuery } from "../api/query";
import type Database from "better-sqlite3";
import { openSqliteReader, type Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { contentGeneration } from "./generation";
import { evaluate, loadMemoryIndex, newestOrder, pageIds, type MemoryIndex } from "./memory-index";
import { parseSearchText, type ParsedSearch } from "./query";
import { buildSnippet } from "./snippet";
import { rightsStatement } from "../provenance";
import type { ArticleEntityRef, ArticleMeta, ExportArticle, SearchBackend } from "./types";

// Search on the embedded SQLite database. FTS5 (article_fts, see sqlite-index.ts) finds the
// articles containing the words, ranked by BM25 with title and entity names boosted; the in-memory
// index (memory-index.ts) applies the other filters, counts the total and every facet and picks the
// page in one pass; SQL then reads only the rows of that page. Exports walk the same evaluation.

/** BM25 weights per column of article_fts: title, summary, body, source, entity names. */
const BM25_WEIGHTS = "10.0, 4.0, 1.0, 2.0, 6.0";
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
  authors: string;
  fulltext: number | boolean;
  genre: string | null;
  bodyText: string | null;
}

async function entitiesOf(db: Db, ids: number[]): Promise<Map<number, ArticleEntityRef[]>> {
  const rows = await db.articleEntity.findMany({
    where: { articleId: { in: ids } },
    select: { articleId: true, explicit: true, mentions: true, entity: { select: { slug: true, name: true, kind: true } } },
    orderBy: [{ explicit: "desc" }, { mentions: "desc" }],
  });
  const byArticle = new Map<number, ArticleEntityRef[]>();
  for (const { articleId, explicit, mentions, entity } of rows) {
    byArticle.set(articleId, [...(byArticle.get(articleId) ?? []), { ...entity, explicit, mentions }]);
  }
  return byArticle;
}

/** When each article's text or frontmatter last changed: its latest revision. */
async function revisedAt(db: Db, ids: number[]): Promise<Map<number, string>> {
  const rows = await db.revision.groupBy({ by: ["articleId"], where: { articleId: { in: ids } }, _max: { createdAt: true } });
  return new Map(rows.map((r) => [r.articleId, (r._max.createdAt ?? new Date(0)).toISOString()]));
}

/** The fields every view of an article shares, from a database row. */
function toMeta(
  row: Omit<PageRow, "id" | "bodyText">,
  entities: ArticleEntityRef[],
  revised: string | undefined,
): ArticleMeta {
  return {
    slug: row.slug,
    title: row.title,
    source: row.source,
    url: row.url,
    published: row.published,
    datePrecision: row.datePrecision,
    approximate: Boolean(row.approximate),
    summary: row.summary,
    authors: JSON.parse(row.authors) as string[],
    fulltext: Boolean(row.fulltext),
    genre: row.genre,
    entities,
    revisedAt: revised ?? new Date(0).toISOString(),
  };
}

const PAGE_COLUMNS = Prisma.sql`a."id", a."slug", a."title", a."source", a."url", a."published", a."datePrecision", a."approximate", a."summary", a."authors", a."fulltext", a."genre"`;

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
    // SQLite reads LIMIT -1 as "no limit".
    const ids = ranked ? statement.all(search.match, Number.isFinite(limit) ? limit : -1) : statement.all(search.match);
    const positions: number[] = [];
    for (const id of ids) {
      const p = index.positionOf.get(id);
      if (p !== undefined) positions.push(p);
    }
    return positions;
  }

  /**
   * The one evaluation of a query, for pages and exports alike: FTS5 for the words, the in-memory
   * index for the other filters, the facets and the order. Returns the ids from `offset` on, at most
   * `limit` of them (Infinity for every match).
   */
  async function evaluateQuery(query: TArticlesQuery, search: ParsedSearch | null, offset: number, limit: number) {
    const index = await memoryIndex();
    const ranked = search !== null && query.sort === "relevance";
    const filtered = query.entity.length > 0 || query.source !== undefined || query.from !== undefined || query.to !== undefined;
    // Every match is needed to count facets; the BM25 order only for the ids asked for. Without other
    // filters, FTS5 ranks just the first offset + limit (a top-k, much cheaper than a full sort).
    const positions = search ? wordHits(index, search, ranked && (filtered || limit === Infinity)) : null;
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
      : filtered || limit === Infinity
        ? positions!
        : wordHits(index, search, true, offset + limit);
    return { total, facets, ids: pageIds(order, index, matches, offset, limit) };
  }

  return {
    async filterValues() {
      const index = await memoryIndex();
      const counts = new Uint32Array(index.sources.length);
      for (let p = 0; p < index.size; p++) counts[index.source[p]!]! += 1;
      return {
        entities: index.entities.map((e) => e.slug),
        sources: index.sources
          .map((name, i) => ({ name, articleCount: counts[i]! }))
          .sort((a, b) => a.name.localeCompare(b.name, "fr", { sensitivity: "base" })),
      };
    },

    async search(query) {
      const search = query.q ? parseSearchText(query.q) : null;
      const { total, facets, ids } = await evaluateQuery(query, search, (query.page - 1) * query.pageSize, query.pageSize);
      const fetched =
        ids.length === 0
          ? []
          : await db.$queryRaw<PageRow[]>`SELECT ${PAGE_COLUMNS}, ${bodyColumn(search)} FROM "Article" a WHERE a."id" IN (${Prisma.join(ids)})`;
      const byId = new Map(fetched.map((r) => [Number(r.id), r]));
      const rows = ids.map((id) => byId.get(id)).filter((r): r is PageRow => r !== undefined);
      const [entities, revised] = await Promise.all([entitiesOf(db, ids), revisedAt(db, ids)]);
      return {
        total,
        page: query.page,
        pageSize: query.pageSize,
        facets,
        items: rows.map((row) => ({
          ...toMeta(row, entities.get(row.id) ?? [], revised.get(row.id)),
          snippet: buildSnippet(search || !row.summary ? (row.bodyText ?? "") : row.summary, search),
        })),
      };
    },

    async *exportMatches(query, { batchSize = 500, withText = false } = {}) {
      const search = query.q ? parseSearchText(query.q) : null;
      // Ids first (small even for 100,000 matches), in the query's order, then the rows a batch at a time.
      const { ids } = await evaluateQuery(query, search, 0, Infinity);
      for (let i = 0; i < ids.length; i += batchSize) {
        const batch = ids.slice(i, i + batchSize);
        const [rows, entities, revised] = await Promise.all([
          db.article.findMany({
            where: { id: { in: batch } },
            include: withText ? { body: { select: { markdown: true } } } : undefined,
          }),
          entitiesOf(db, batch),
          revisedAt(db, batch),
        ]);
        const byId = new Map(rows.map((r) => [r.id, r]));
        yield batch.map((id): ExportArticle => {
          const row = byId.get(id)!;
          const body = "body" in row ? (row.body as { markdown: string } | null) : null;
          return {
            ...toMeta(row, entities.get(id) ?? [], revised.get(id)),
            language: row.language,
            captured: row.captured,
            archive: row.archive,
            rights: rightsStatement(row.rights, row.source, row.fulltext),
            titleSupplied: row.titleSupplied,
            note: row.note,
            // Only an archived text is exported; a record's body is our summary, already in `summary`.
            ...(withText && row.fulltext && body ? { bodyMarkdown: body.markdown } : {}),
          };
        });
      }
    },
  };
}
