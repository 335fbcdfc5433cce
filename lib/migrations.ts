import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ensureDatabaseFolder, providerOf, sqliteFilePath, type Provider } from "./database-file";
import { connectPg, ensurePgDatabase } from "./postgres";

// The project's own migration runner. `prisma migrate deploy` needs Prisma's native schema engine,
// which these machines cannot download (DEVELOPERS.md), so we apply the checked-in SQL ourselves and
// record each migration in Prisma's `_prisma_migrations` table exactly as Prisma does (same columns,
// SHA-256 checksum of migration.sql), so that `prisma migrate status` agrees on a connected machine.
// One folder of migrations per provider, in Prisma's layout: prisma/migrations (SQLite) and
// prisma/migrations-postgresql; both describe prisma/schema.prisma (tests/integration/schema-drift.test.ts).

export const MIGRATIONS_DIRS: Record<Provider, string> = {
  sqlite: path.resolve(process.cwd(), "prisma/migrations"),
  postgresql: path.resolve(process.cwd(), "prisma/migrations-postgresql"),
};
/** The SQLite migrations (the embedded default). */
export const MIGRATIONS_DIR = MIGRATIONS_DIRS.sqlite;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

// As Prisma creates it on PostgreSQL.
const POSTGRESQL_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

const APPLIED = `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;

/**
 * Advisory lock key serialising migration runners on one PostgreSQL database (two instances
 * deploying at once): the first applies, the second waits, then finds nothing to do.
 */
const MIGRATION_LOCK_KEY = 72_707_369;

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

/** The migrations still to apply, after checking that none already applied was edited since. */
function pending(all: Migration[], done: Map<string, string>): Migration[] {
  return all.filter((migration) => {
    const previous = done.get(migration.name);
    if (previous === undefined) return true;
    if (previous !== migration.checksum) {
      throw new MigrationError(
        `migration ${migration.name} was edited after it was applied (checksum differs); write a new migration instead`,
      );
    }
    return false;
  });
}

function applySqlite(url: string, dir: string): string[] {
  const file = sqliteFilePath(url);
  ensureDatabaseFolder(file);
  const sqlite = new Database(file);
  try {
    // WAL lets the site keep reading while an ingest writes.
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("busy_timeout = 10000");
    sqlite.exec(SQLITE_MIGRATIONS_TABLE);
    const done = new Map(
      sqlite
        .prepare<[], { migration_name: string; checksum: string }>(APPLIED)
        .all()
        .map((row) => [row.migration_name, row.checksum]),
    );
    const applied: string[] = [];
    for (const migration of pending(readMigrations(dir), done)) {
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

async function applyPostgresql(url: string, dir: string): Promise<string[]> {
  await ensurePgDatabase(url);
  const client = await connectPg(url);
  try {
    // Session-level lock: released by the unlock below, or by the server if this process dies.
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(POSTGRESQL_MIGRATIONS_TABLE);
    const rows = await client.query<{ migration_name: string; checksum: string }>(APPLIED);
    const done = new Map(rows.rows.map((row) => [row.migration_name, row.checksum]));
    const applied: string[] = [];
    for (const migration of pending(readMigrations(dir), done)) {
      const id = randomUUID();
      // DDL is transactional on PostgreSQL: a migration is applied and recorded entirely, or not at all.
      try {
        await client.query("BEGIN");
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
          [id, migration.checksum, migration.name],
        );
        // Without parameters, pg sends the file as one simple query: several statements are allowed.
        await client.query(migration.sql);
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    return applied;
  } finally {
    await client.end();
  }
}

/** Applies pending migrations to the database at `url`; returns the names applied. */
export async function applyMigrations(url: string, dir: string = MIGRATIONS_DIRS[providerOf(url)]): Promise<string[]> {
  return providerOf(url) === "sqlite" ? applySqlite(url, dir) : applyPostgresql(url, dir);
}
