import type pg from "pg";
import { pgPoolOf, type Db } from "../db";
import { createSearchEngine, type WordIndex } from "./engine";
import type { IndexRows } from "./memory-index";
import type { SearchBackend } from "./types";

// Search on PostgreSQL: "article_search"."document" (a tsvector of the same folded Snowball stems as
// SQLite's index, see postgresql-index.ts) with a GIN index finds the articles containing the words;
// ts_rank with the weights below ranks them. The query is the parser's tsquery (query.ts), built
// from sanitised stems only and passed as a parameter. Bulk reads go straight through the pg pool
// under the Prisma client, as arrays (Prisma would build an object per row). The rest is the
// shared engine (engine.ts), identical to SQLite's.

/**
 * ts_rank weights {D, C, B, A}: body, summary and source, entity names, title, in the proportions of
 * SQLite's BM25 column weights (1, 4, 6, 10). Normalisation 1 divides by 1 + log(length), so that a
 * long article does not win by length alone.
 */
const RANK = `ts_rank('{0.1, 0.4, 0.6, 1.0}', s."document", q.query, 1)`;
const QUERY = `to_tsquery('simple'::regconfig, $1::text)`;

/**
 * Ids from a query on "article_search", with sequential scans off for that query only. The planner
 * costs a sequential scan by the table's main pages, few because the documents live in TOAST, and
 * does not count reading and decompressing every document; the GIN index answers without reading
 * any (measured at 10,000 articles: 118 ms → 3 ms for every id containing a word).
 */
async function ids(pool: pg.Pool, sql: string, values: unknown[]): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN READ ONLY");
    await client.query("SET LOCAL enable_seqscan = off");
    const result = await client.query<[number]>({ text: sql, values, rowMode: "array" });
    await client.query("COMMIT");
    return result.rows.map((row) => row[0]);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function postgresWords(pool: pg.Pool): WordIndex {
  return {
    matchingIds(search, ranked, limit) {
      if (!ranked) {
        return ids(pool, `SELECT s."articleId" FROM "article_search" s WHERE s."document" @@ ${QUERY}`, [search.tsquery]);
      }
      // LIMIT NULL is no limit.
      return ids(
        pool,
        `SELECT s."articleId" FROM "article_search" s, ${QUERY} AS q(query)
         WHERE s."document" @@ q.query ORDER BY ${RANK} DESC, s."articleId" LIMIT $2::bigint`,
        [search.tsquery, Number.isFinite(limit) ? limit : null],
      );
    },
    async indexRows(): Promise<IndexRows> {
      const [articles, links, entities] = await Promise.all([
        pool.query<IndexRows["articles"][number]>(
          `SELECT "id", "slug", "source", "dateStart", "dateEnd" FROM "Article" WHERE "status" = 'published' AND "removedAt" IS NULL`,
        ),
        pool.query<[number, number]>({ text: `SELECT "articleId", "entityId" FROM "ArticleEntity"`, rowMode: "array" }),
        pool.query<IndexRows["entities"][number]>(`SELECT "id", "slug", "name", "kind" FROM "Entity"`),
      ]);
      return { articles: articles.rows, links: links.rows, entities: entities.rows };
    },
  };
}

export function postgresSearch(db: Db): SearchBackend {
  return createSearchEngine(db, postgresWords(pgPoolOf(db)));
}
