import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { ensureDatabaseFolder, isSqliteUrl, sqliteFilePath } from "./database-file";
import { env } from "./env";

export { isSqliteUrl, sqliteFilePath } from "./database-file";

// The one place that constructs a Prisma client. Next.js reloads modules in development, so the
// client is cached on globalThis there, and read back from it (not only written).

export type Db = PrismaClient;

export function createPrismaClient(url: string = env.DATABASE_URL): PrismaClient {
  if (!isSqliteUrl(url)) {
    throw new Error("DATABASE_URL: PostgreSQL is not supported yet; use a file: URL (SQLite)");
  }
  const file = sqliteFilePath(url);
  ensureDatabaseFolder(file);
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}` }) });
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
