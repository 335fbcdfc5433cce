import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

// The one place that constructs a Prisma client. Next.js reloads modules in development, so the
// client is cached on globalThis there, and read back from it (not only written).

export type Db = PrismaClient;

/** `file:./data/archive.db` → absolute path of the SQLite file (relative to the working directory). */
export function sqliteFilePath(url: string): string {
  const withoutScheme = url.replace(/^file:(\/\/)?/, "").replace(/\?.*$/, "");
  return path.resolve(withoutScheme);
}

export function isSqliteUrl(url: string): boolean {
  return url.startsWith("file:");
}

export function createPrismaClient(url: string = env.DATABASE_URL): PrismaClient {
  if (!isSqliteUrl(url)) {
    throw new Error("DATABASE_URL: PostgreSQL is not supported yet; use a file: URL (SQLite)");
  }
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}` }) });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();
if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
