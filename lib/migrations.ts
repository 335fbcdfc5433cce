import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ensureDatabaseFolder, isSqliteUrl, sqliteFilePath } from "./database-file";

// The project's own migration runner. `prisma migrate deploy` needs Prisma's native schema engine,
// which these machines cannot download (DEVELOPERS.md), so we apply the checked-in SQL ourselves and
// record each migration in Prisma's `_prisma_migrations` table exactly as Prisma does (same columns,
// SHA-256 checksum of migration.sql), so that `prisma migrate status` agrees on a connected machine.

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

const PRISMA_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {}

/** Applies pending migrations to the database at `url`; returns the names applied. */
export function applyMigrations(url: string, dir: string = MIGRATIONS_DIR): string[] {
  if (!isSqliteUrl(url)) throw new MigrationError("only SQLite (file:) databases are supported for now");
  const file = sqliteFilePath(url);
  ensureDatabaseFolder(file);
  const sqlite = new Database(file);
  try {
    // WAL lets the site keep reading while an ingest writes.
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("busy_timeout = 10000");
    sqlite.exec(PRISMA_MIGRATIONS_TABLE);
    const done = new Map(
      sqlite
        .prepare<[], { migration_name: string; checksum: string }>(
          `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .all()
        .map((row) => [row.migration_name, row.checksum]),
    );
    const applied: string[] = [];
    for (const migration of readMigrations(dir)) {
      const previous = done.get(migration.name);
      if (previous !== undefined) {
        if (previous !== migration.checksum) {
          throw new MigrationError(
            `migration ${migration.name} was edited after it was applied (checksum differs); write a new migration instead`,
          );
        }
        continue;
      }
      const id = randomUUID();
      try {
        sqlite.transaction(() => {
          sqlite
            .prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES (?, ?, ?, current_timestamp)`)
            .run(id, migration.checksum, migration.name);
          sqlite.exec(migration.sql);
          sqlite
            .prepare(`UPDATE "_prisma_migrations" SET finished_at = current_timestamp, applied_steps_count = 1 WHERE id = ?`)
            .run(id);
        })();
      } catch (error) {
        throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    sqlite.close();
  }
}
