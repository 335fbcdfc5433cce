import type Database from "better-sqlite3";
import { openSqliteReader, type Db } from "../db";
import { createSearchEngine, type WordIndex } from "./engine";
import type { IndexRows } from "./memory-index";
import type { SearchBackend } from "./types";

// Search on the embedded SQLite database: FTS5 (article_fts, see sqlite-index.ts) finds the
// articles containing the words, ranked by BM25 with title and entity names boosted (the rank of
// every match is read once per query and generation; the engine picks the page). Bulk reads go
// through a read-only better-sqlite3 connection: plain arrays of numbers, far faster than rows
// through Prisma. The rest is the shared engine (engine.ts).

/** BM25 weights per column of article_fts: title, summary, body, source, entity names. */
const BM25_WEIGHTS = "10.0, 4.0, 1.0, 2.0, 6.0";

function sqliteWords(url: string): WordIndex {
  let reader: Database.Database | undefined;
  let statements: { ids: Database.Statement<[string], number>; ranks: Database.Statement<[string], number> } | undefined;
  const read = () => (reader ??= openSqliteReader(url));
  const prepared = () =>
    (statements ??= {
      // ORDER BY rowid is FTS5's own order (no sort), so that both lists line up.
      ids: read().prepare<[string], number>(`SELECT rowid FROM "article_fts" WHERE "article_fts" MATCH ? ORDER BY rowid`).pluck(),
      ranks: read()
        .prepare<[string], number>(`SELECT bm25(article_fts, ${BM25_WEIGHTS}) FROM "article_fts" WHERE "article_fts" MATCH ? ORDER BY rowid`)
        .pluck(),
    });
  return {
    async matches(search, ranked) {
      const { ids, ranks } = prepared();
      if (!ranked) return { ids: ids.all(search.match), ranks: null };
      // Ids and ranks as two single-column reads (one array of numbers each is far cheaper than an
      // array per row), in one read transaction so that both see the same snapshot.
      const [idList, rankList] = read().transaction((): [number[], number[]] => [ids.all(search.match), ranks.all(search.match)])();
      if (idList.length !== rankList.length) throw new Error("article_fts changed between two reads of one transaction");
      return { ids: idList, ranks: rankList };
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
