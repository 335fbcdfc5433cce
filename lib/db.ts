import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import type pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-postgresql/client";
import { ensureDatabaseFolder, providerOf, sqliteFilePath, type Provider } from "./database-file";
import { env } from "./env";
import { createPgPool } from "./postgres";

export { isSqliteUrl, providerOf, sqliteFilePath, type Provider } from "./database-file";
export { describeDatabaseError, describeUrl } from "./postgres";

// The one place that constructs a Prisma client (and the database connections around it).
// DATABASE_URL chooses the backend: `file:` → SQLite through better-sqlite3, `postgresql://` →
// PostgreSQL through a pg pool. Next.js reloads modules in development, so the client is cached on
// globalThis there, and read back from it (not only written).

export type Db = PrismaClient;

const clientInfo = new WeakMap<Db, { provider: Provider; pool?: pg.Pool }>();

export function createPrismaClient(url: string = env.DATABASE_URL): PrismaClient {
  if (providerOf(url) === "postgresql") {
    const pool = createPgPool(url);
    // Idle connections that the server closes (restart, failover) must not crash the process.
    pool.on("error", () => {});
    // The PostgreSQL client is generated from the same data model (scripts/postgresql-schema.mjs);
    // its API is the SQLite client's plus PostgreSQL-only options (isolation levels, `mode`), so
    // code written against the SQLite client's type runs unchanged on it.
    const client = new PostgresPrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), log: queryLog() }) as unknown as PrismaClient;
    clientInfo.set(client, { provider: "postgresql", pool });
    return printQueries(client);
  }
  const file = sqliteFilePath(url);
  ensureDatabaseFolder(file);
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}` }), log: queryLog() });
  clientInfo.set(client, { provider: "sqlite" });
  return printQueries(client);
}

/** DATABASE_LOG_QUERIES: Prisma emits an event per SQL statement, printed to stderr. */
const queryLog = () => (env.DATABASE_LOG_QUERIES ? [{ emit: "event" as const, level: "query" as const }] : undefined);

function printQueries(client: PrismaClient): PrismaClient {
  if (env.DATABASE_LOG_QUERIES) {
    (client as unknown as { $on(event: "query", listener: (e: { query: string; duration: number }) => void): void }).$on("query", (e) =>
      console.error(`prisma:query ${e.duration} ms ${e.query}`),
    );
  }
  return client;
}

/** Which database a client talks to. */
export function clientProvider(client: Db): Provider {
  return clientInfo.get(client)?.provider ?? "sqlite";
}

/** The pg pool under a PostgreSQL client, for bulk reads that return plain arrays. */
export function pgPoolOf(client: Db): pg.Pool {
  const pool = clientInfo.get(client)?.pool;
  if (!pool) throw new Error("not a PostgreSQL client");
  return pool;
}

/**
 * A read-only connection to the same SQLite file, for the search engine's bulk reads (every id
 * matching a word, the in-memory index): better-sqlite3 returns plain arrays of numbers tens of
 * times faster than rows through Prisma. Everything else goes through Prisma.
 */
export function openSqliteReader(url: string = env.DATABASE_URL): Database.Database {
  const reader = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true });
  reader.pragma("busy_timeout = 5000");
  return reader;
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();
if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
