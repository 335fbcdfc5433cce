import { appendFileSync, mkdirSync, cpSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, MigrationError, readMigrations } from "@/lib/migrations";
import { tempDir } from "../support/temp";

let tmp: ReturnType<typeof tempDir>;
afterEach(() => tmp?.cleanup());

/** A migrations folder holding only the first `count` migrations of the project. */
function firstMigrations(count: number): string {
  const dir = path.join(tmp.dir, `migrations-${count}`);
  mkdirSync(dir);
  for (const name of readdirSync(MIGRATIONS_DIR).filter((n) => !n.endsWith(".toml")).sort().slice(0, count)) {
    cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

describe("migration runner", () => {
  it("applies every migration once and records it as Prisma does", () => {
    tmp = tempDir();
    const url = `file:${path.join(tmp.dir, "m.db")}`;
    const all = readMigrations().map((m) => m.name);
    expect(applyMigrations(url)).toEqual(all);
    expect(applyMigrations(url)).toEqual([]);
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

  it("moves existing article text into ArticleBody when upgrading", () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, "old.db");
    applyMigrations(`file:${file}`, firstMigrations(2));
    const old = new Database(file);
    old.prepare(
      `INSERT INTO "Article" (slug, title, source, published, datePrecision, dateStart, dateEnd, bodyMarkdown, bodyHtml, bodyText, wordCount, contentHash, sourcePath, updatedAt)
       VALUES ('a', 'A', 'S', '2014', 'year', '2014-01-01', '2014-12-31', 'Texte *a*', '<p>Texte <em>a</em></p>', 'Texte a', 2, 'h', 'p', '2026-01-01')`,
    ).run();
    old.close();
    applyMigrations(`file:${file}`);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT markdown, html, text FROM "ArticleBody"`).all()).toEqual([
      { markdown: "Texte *a*", html: "<p>Texte <em>a</em></p>", text: "Texte a" },
    ]);
    expect((db.prepare(`PRAGMA table_info("Article")`).all() as { name: string }[]).map((c) => c.name)).not.toContain("bodyText");
    db.close();
  });

  it("refuses a migration edited after it was applied", () => {
    tmp = tempDir();
    const dir = firstMigrations(1);
    const url = `file:${path.join(tmp.dir, "e.db")}`;
    applyMigrations(url, dir);
    const [name] = readdirSync(dir);
    const sqlFile = path.join(dir, name!, "migration.sql");
    appendFileSync(sqlFile, "\n-- edited\n");
    expect(() => applyMigrations(url, dir)).toThrow(MigrationError);
  });
});
