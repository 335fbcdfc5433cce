import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/migrations";
import { readDmmf, type DmmfField } from "../support/dmmf";
import { tempDir } from "../support/temp";

// prisma/schema.prisma and the hand-written SQL of prisma/migrations must describe the same
// database. `prisma migrate diff` cannot run on these machines (no schema engine), so we compare
// Prisma's own reading of the schema (its DMMF, from the schema WASM module) with what SQLite
// reports after applying every migration: tables, columns, types, nullability, defaults, keys,
// indexes and foreign keys.

/** Tables that exist in SQL only (e.g. FTS5 virtual tables and their shadow tables). */
const SQL_ONLY_TABLE = /^(_prisma_migrations$|sqlite_|article_fts)/;

const SQLITE_TYPES: Record<string, string> = {
  Int: "INTEGER",
  String: "TEXT",
  Boolean: "BOOLEAN",
  DateTime: "DATETIME",
  Float: "REAL",
  BigInt: "BIGINT",
};

function expectedDefault(field: DmmfField): string | null {
  const d = field.default as { name?: string } | string | number | boolean | undefined;
  if (d === undefined) return null;
  if (typeof d === "object" && d?.name === "autoincrement") return null;
  if (typeof d === "object" && d?.name === "now") return "CURRENT_TIMESTAMP";
  if (typeof d === "string") return `'${d}'`;
  return String(d);
}

describe("schema.prisma and migrations/*.sql agree", () => {
  const tmp = tempDir();
  let sqlite: Database.Database;
  const { models, indexes } = readDmmf();
  const tableOf = (model: string) => models.find((m) => m.name === model)?.dbName ?? model;

  beforeAll(async () => {
    const url = `file:${path.join(tmp.dir, "drift.db")}`;
    await applyMigrations(url);
    sqlite = new Database(path.join(tmp.dir, "drift.db"), { readonly: true });
  });
  afterAll(() => {
    sqlite.close();
    tmp.cleanup();
  });

  it("has exactly one table per model", () => {
    const tables = sqlite
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((t) => t.name)
      .filter((name) => !SQL_ONLY_TABLE.test(name))
      .sort();
    expect(tables).toEqual(models.map((m) => m.dbName ?? m.name).sort());
  });

  for (const model of models) {
    const table = model.dbName ?? model.name;

    it(`${table}: columns, types, nullability and defaults`, () => {
      const columns = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
      }[];
      const actual = columns.map((c) => ({ name: c.name, type: c.type, notNull: c.notnull === 1, default: c.dflt_value }));
      const expected = model.fields
        .filter((f) => f.kind === "scalar" || f.kind === "enum")
        .map((f) => ({
          name: f.dbName ?? f.name,
          type: SQLITE_TYPES[f.type] ?? "TEXT",
          // SQLite reports INTEGER PRIMARY KEY columns as nullable unless NOT NULL is written; we always write it.
          notNull: f.isRequired,
          default: expectedDefault(f),
        }));
      expect(actual.sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
    });

    it(`${table}: primary key, unique and plain indexes`, () => {
      const pk = (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[])
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      const idIndex = indexes.find((i) => i.model === model.name && i.type === "id");
      expect(pk).toEqual(idIndex?.fields.map((f) => f.name) ?? []);

      const list = (sqlite.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number; origin: string }[]).filter(
        (i) => i.origin === "c",
      );
      const actual = list
        .map((i) => ({
          unique: i.unique === 1,
          columns: (sqlite.prepare(`PRAGMA index_info("${i.name}")`).all() as { seqno: number; name: string }[])
            .sort((a, b) => a.seqno - b.seqno)
            .map((c) => c.name),
        }))
        .map((i) => `${i.unique ? "unique" : "index"}(${i.columns.join(",")})`)
        .sort();
      const expected = indexes
        .filter((i) => i.model === model.name && (i.type === "unique" || i.type === "normal"))
        .map((i) => `${i.type === "unique" ? "unique" : "index"}(${i.fields.map((f) => f.name).join(",")})`)
        .sort();
      expect(actual).toEqual(expected);
    });

    it(`${table}: foreign keys and referential actions`, () => {
      const actual = (sqlite.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string; from: string; to: string; on_delete: string }[])
        .map((fk) => `${fk.from}->${fk.table}.${fk.to} ON DELETE ${fk.on_delete}`)
        .sort();
      const expected = model.fields
        .filter((f) => f.kind === "object" && (f.relationFromFields?.length ?? 0) > 0)
        .flatMap((f) =>
          f.relationFromFields!.map(
            (from, i) => `${from}->${tableOf(f.type)}.${f.relationToFields![i]} ON DELETE ${(f.relationOnDelete ?? "Restrict").toUpperCase()}`,
          ),
        )
        .sort();
      expect(actual).toEqual(expected);
    });
  }
});
