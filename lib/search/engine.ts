import type { TArticlesQuery } from "../api/query";
import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { contentGeneration } from "./generation";
import { buildMemoryIndex, evaluate, newestOrder, pageIds, type IndexRows, type MemoryIndex } from "./memory-index";
import { parseSearchText, type ParsedSearch } from "./query";
import { buildSnippet } from "./snippet";
import { toWordHits, topRanked, WordHitsCache, type WordHits, type WordMatches } from "./word-hits";
import { rightsStatement } from "../provenance";
import type { ArticleEntityRef, ArticleMeta, ExportArticle, SearchBackend } from "./types";

// The search engine both backends share. The database's full-text index (FTS5 on SQLite, a
// tsvector with a GIN index on PostgreSQL) finds the articles containing the words and ranks
// them, once per query and content generation (word-hits.ts keeps the answer); the in-memory index
// (memory-index.ts) applies the other filters, counts the total and every facet in one pass, and a
// top-k selection over the ranks picks the page; SQL then reads only the rows of that page. Exports
// walk the same evaluation, so pages and exports always agree.

/** What a backend provides: its full-text index, and a fast read of what the memory index needs. */
export interface WordIndex {
  /**
   * Every public article containing the words, with the backend's relevance rank of each when
   * `ranked` (lower is better; ties go by smaller id, as the backends' own ORDER BY).
   */
  matches(search: ParsedSearch, ranked: boolean): Promise<WordMatches>;
  indexRows(): Promise<IndexRows>;
}

/** Memory for the word hits of recent queries (positions, ranks, bitmap): about 100 queries matching most of 100,000 articles. */
const WORD_HITS_BUDGET_BYTES = 48 * 2 ** 20;

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

export function createSearchEngine(db: Db, words: WordIndex): SearchBackend {
  let current: MemoryIndex | undefined;
  let loading: { generation: string; index: Promise<MemoryIndex> } | undefined;

  /**
   * The in-memory index of the current content generation. The generation is read from the
   * database on every request (one indexed row), so an ingest through any process or instance is
   * seen by the next request everywhere; the index is rebuilt once per generation.
   */
  async function memoryIndex(): Promise<MemoryIndex> {
    const generation = await contentGeneration(db);
    if (current?.generation === generation) return current;
    // Concurrent requests after an ingest share one rebuild.
    if (loading?.generation !== generation) {
      const index = words.indexRows().then((rows) => buildMemoryIndex(rows, generation));
      loading = { generation, index };
      index.then(
        (built) => {
          if (loading?.index === index) [current, loading] = [built, undefined];
        },
        () => {
          if (loading?.index === index) loading = undefined;
        },
      );
    }
    return loading.index;
  }

  const cache = new WordHitsCache(WORD_HITS_BUDGET_BYTES);
  const pending = new Map<string, Promise<WordHits>>();

  /**
   * The articles containing the words (with their ranks when `ranked`), from the cache when this
   * generation already answered the same query; concurrent identical queries share one lookup.
   */
  async function wordHits(index: MemoryIndex, search: ParsedSearch, ranked: boolean): Promise<WordHits> {
    const key = `${search.match}\u0000${search.tsquery}`;
    const cached = cache.get(index.generation, key);
    if (cached && (cached.ranks || !ranked)) return cached;
    const pendingKey = `${index.generation}\u0000${ranked ? 1 : 0}\u0000${key}`;
    let lookup = pending.get(pendingKey);
    if (!lookup) {
      lookup = words.matches(search, ranked).then((m) => toWordHits(index, m));
      pending.set(pendingKey, lookup);
      lookup.then(
        (entry) => {
          pending.delete(pendingKey);
          // A lookup that finishes after a newer generation was loaded is not kept.
          if (index === current) cache.set(index.generation, key, entry);
        },
        () => pending.delete(pendingKey),
      );
    }
    return lookup;
  }

  /**
   * The one evaluation of a query, for pages and exports alike: the full-text index for the words, the in-memory
   * index for the other filters, the facets and the order. Returns the ids from `offset` on, at most
   * `limit` of them (Infinity for every match).
   */
  async function evaluateQuery(query: TArticlesQuery, search: ParsedSearch | null, offset: number, limit: number) {
    const index = await memoryIndex();
    const ranked = search !== null && query.sort === "relevance";
    const words = search ? await wordHits(index, search, ranked) : null;
    const { total, facets, matches } = evaluate(index, query, words?.hits ?? null, words?.positions ?? null);
    if (ranked) {
      const best = topRanked(words!, index.ids, matches, offset + limit);
      return { total, facets, ids: best.slice(offset).map((p) => index.ids[p]!) };
    }
    const order = query.sort === "oldest" ? index.oldest : newestOrder(index);
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
