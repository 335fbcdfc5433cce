import type Database from "better-sqlite3";
import { openSqliteReader, type Db } from "../db";
import { createSearchEngine, type WordIndex } from "./engine";
import type { IndexRows } from "./memory-index";
import type { SearchBackend } from "./types";

// Search on the embedded SQLite database: FTS5 (article_fts, see sqlite-index.ts) finds the
// articles containing the words, ranked by BM25 with title and entity names boosted. Bulk reads go
// through a read-only better-sqlite3 connection: plain arrays of numbers, far faster than rows
// through Prisma. The rest is the shared engine (engine.ts).

/** BM25 weights per column of article_fts: title, summary, body, source, entity names. */
const BM25_WEIGHTS = "10.0, 4.0, 1.0, 2.0, 6.0";

function sqliteWords(url: string): WordIndex {
  let reader: Database.Database | undefined;
  const read = () => (reader ??= openSqliteReader(url));
  return {
    async matchingIds(search, ranked, limit) {
      const sql = ranked
        ? `SELECT rowid FROM "article_fts" WHERE "article_fts" MATCH ? ORDER BY bm25(article_fts, ${BM25_WEIGHTS}), rowid LIMIT ?`
        : `SELECT rowid FROM "article_fts" WHERE "article_fts" MATCH ?`;
      const statement = read().prepare<unknown[], number>(sql).pluck();
      // SQLite reads LIMIT -1 as "no limit".
      return ranked ? statement.all(search.match, Number.isFinite(limit) ? limit : -1) : statement.all(search.match);
    },
    async indexRows(): Promise<IndexRows> {
      const reader = read();
      return {
        articles: reader
          .prepare<[], IndexRows["articles"][number]>(
            `SELECT "id", "slug", "source", "dateStart", "dateEnd" FROM "Article" WHERE "status" = 'published' AND "removedAt" IS NULL`,
          )
          .all(),
        links: reader.prepare<[], [number, number]>(`SELECT "articleId", "entityId" FROM "ArticleEntity"`).raw().all(),
        entities: reader.prepare<[], IndexRows["entities"][number]>(`SELECT "id", "slug", "name", "kind" FROM "Entity"`).all(),
      };
    },
  };
}

export function sqliteSearch(db: Db, url: string): SearchBackend {
  return createSearchEngine(db, sqliteWords(url));
}
