import { appendFileSync, mkdirSync, cpSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import pg from "pg";
import { applyMigrations, MIGRATIONS_DIR, MIGRATIONS_DIRS, MigrationError, readMigrations } from "@/lib/migrations";
import { createTestDatabase, describePostgresql, type TestDatabase } from "../support/backends";
import { tempDir } from "../support/temp";

let tmp: ReturnType<typeof tempDir>;
afterEach(() => tmp?.cleanup());

/** A migrations folder holding only the first `count` migrations of the project. */
function firstMigrations(count: number, from: string = MIGRATIONS_DIR): string {
  const dir = path.join(tmp.dir, `migrations-${count}`);
  mkdirSync(dir);
  for (const name of readdirSync(from).filter((n) => !n.endsWith(".toml")).sort().slice(0, count)) {
    cpSync(path.join(from, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

describe("migration runner", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    tmp = tempDir();
    const url = `file:${path.join(tmp.dir, "m.db")}`;
    const all = readMigrations().map((m) => m.name);
    expect(await applyMigrations(url)).toEqual(all);
    expect(await applyMigrations(url)).toEqual([]);
    const db = new Database(path.join(tmp.dir, "m.db"), { readonly: true });
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`).all() as {
      migration_name: string;
      checksum: string;
      finished_at: string | null;
      applied_steps_count: number;
    }[];
    db.close();
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    expect(rows.map((r) => r.checksum)).toEqual(readMigrations().map((m) => m.checksum));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it("moves existing article text into ArticleBody when upgrading", async () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, "old.db");
    await applyMigrations(`file:${file}`, firstMigrations(2));
    const old = new Database(file);
    old.prepare(
      `INSERT INTO "Article" (slug, title, source, published, datePrecision, dateStart, dateEnd, bodyMarkdown, bodyHtml, bodyText, wordCount, contentHash, sourcePath, updatedAt)
       VALUES ('a', 'A', 'S', '2014', 'year', '2014-01-01', '2014-12-31', 'Texte *a*', '<p>Texte <em>a</em></p>', 'Texte a', 2, 'h', 'p', '2026-01-01')`,
    ).run();
    old.close();
    await applyMigrations(`file:${file}`);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT markdown, html, text FROM "ArticleBody"`).all()).toEqual([
      { markdown: "Texte *a*", html: "<p>Texte <em>a</em></p>", text: "Texte a" },
    ]);
    expect((db.prepare(`PRAGMA table_info("Article")`).all() as { name: string }[]).map((c) => c.name)).not.toContain("bodyText");
    db.close();
  });

  it("refuses a migration edited after it was applied", async () => {
    tmp = tempDir();
    const dir = firstMigrations(1);
    const url = `file:${path.join(tmp.dir, "e.db")}`;
    await applyMigrations(url, dir);
    const [name] = readdirSync(dir);
    const sqlFile = path.join(dir, name!, "migration.sql");
    appendFileSync(sqlFile, "\n-- edited\n");
    await expect(applyMigrations(url, dir)).rejects.toThrow(MigrationError);
  });
});

describePostgresql("migration runner on PostgreSQL", () => {
  let database: TestDatabase;
  afterEach(async () => database?.drop());

  async function recorded(url: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (
        await client.query<{ migration_name: string; checksum: string; done: boolean; applied_steps_count: number }>(
          `SELECT migration_name, checksum, finished_at IS NOT NULL AS done, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
        )
      ).rows;
    } finally {
      await client.end();
    }
  }

  it("creates the database, applies prisma/migrations-postgresql once and records it as Prisma does", async () => {
    database = createTestDatabase("postgresql");
    expect(await database.exists()).toBe(false);
    const all = readMigrations(MIGRATIONS_DIRS.postgresql);
    expect(await applyMigrations(database.url)).toEqual(all.map((m) => m.name));
    expect(await applyMigrations(database.url)).toEqual([]);
    expect(await recorded(database.url)).toEqual(
      all.map((m) => ({ migration_name: m.name, checksum: m.checksum, done: true, applied_steps_count: 1 })),
    );
  });

  it("serialises concurrent runners (advisory lock): each migration is applied exactly once", async () => {
    database = createTestDatabase("postgresql");
    const runs = await Promise.all([applyMigrations(database.url), applyMigrations(database.url), applyMigrations(database.url)]);
    expect(runs.flat().sort()).toEqual(readMigrations(MIGRATIONS_DIRS.postgresql).map((m) => m.name));
    expect((await recorded(database.url)).length).toBe(readMigrations(MIGRATIONS_DIRS.postgresql).length);
  });

  it("rolls a failing migration back entirely and refuses an edited one", async () => {
    database = createTestDatabase("postgresql");
    tmp = tempDir();
    const dir = firstMigrations(1, MIGRATIONS_DIRS.postgresql);
    await applyMigrations(database.url, dir);
    const broken = path.join(dir, "29990101000000_broken");
    mkdirSync(broken);
    appendFileSync(path.join(broken, "migration.sql"), 'CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n');
    await expect(applyMigrations(database.url, dir)).rejects.toThrow(/29990101000000_broken failed: .*no_such_table/);
    // Neither the table of its first statement nor a record of it remain.
    expect((await recorded(database.url)).map((r) => r.migration_name)).toEqual([readdirSync(dir).sort()[0]]);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    expect((await client.query(`SELECT to_regclass('"Half"') AS t`)).rows[0].t).toBeNull();
    await client.end();

    rmSync(broken, { recursive: true });
    appendFileSync(path.join(dir, readdirSync(dir).sort()[0]!, "migration.sql"), "\n-- edited\n");
    await expect(applyMigrations(database.url, dir)).rejects.toThrow(MigrationError);
  });
});
