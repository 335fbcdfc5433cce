import Database from "better-sqlite3";
import type pg from "pg";
import { providerOf, sqliteFilePath } from "../database-file";
import { createPgPool } from "../postgres";

// Reads the content generation (lib/search/generation.ts) for the page cache, outside Prisma: on
// every request, so it must cost next to nothing. SQLite: one prepared primary-key read on a
// read-only connection (a few microseconds). PostgreSQL: one query on a pool of two connections.
// Any failure answers null, and the request then goes to Next uncached: the cache never decides
// whether the site is up.

const SQL = `SELECT "value" FROM "SystemState" WHERE "key" = 'content-generation'`;

export interface GenerationReader {
  read(): Promise<string | null>;
  close(): Promise<void>;
}

export function openGenerationReader(url: string): GenerationReader {
  return providerOf(url) === "sqlite" ? sqliteReader(url) : postgresReader(url);
}

function sqliteReader(url: string): GenerationReader {
  let connection: Database.Database | null = null;
  let statement: Database.Statement<[], { value: string }> | null = null;
  return {
    async read() {
      try {
        if (!statement) {
          connection = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true });
          connection.pragma("busy_timeout = 1000");
          statement = connection.prepare(SQL);
        }
        return statement.get()?.value ?? "none";
      } catch {
        // The file was replaced (restore) or the table is not there yet: reopen next time.
        connection?.close();
        connection = null;
        statement = null;
        return null;
      }
    },
    async close() {
      connection?.close();
    },
  };
}

function postgresReader(url: string): GenerationReader {
  let pool: pg.Pool | null = null;
  return {
    async read() {
      try {
        if (!pool) {
          pool = createPgPool(url, 2);
          // An idle connection the server drops must not take the process with it.
          pool.on("error", () => {});
        }
        const result = await pool.query<{ value: string }>(SQL);
        return result.rows[0]?.value ?? "none";
      } catch {
        return null;
      }
    },
    async close() {
      await pool?.end();
    },
  };
}
