import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { applyMigrations } from "@/lib/migrations";
import { createTestDatabase, describePostgresql } from "../support/backends";
import { readDmmf, type DmmfField } from "../support/dmmf";

// The PostgreSQL half of the drift guard: the schema generated from prisma/schema.prisma
// (scripts/postgresql-schema.mjs) and the SQL of prisma/migrations-postgresql must describe the same
// database. A fresh database is migrated, then information_schema and pg_catalog are compared with
// Prisma's DMMF: tables, columns, types, nullability, defaults, keys, indexes and foreign keys.

/** Tables that exist in SQL only: Prisma's bookkeeping and the full-text index. */
const SQL_ONLY_TABLE = /^(_prisma_migrations|article_search)$/;

const PG_TYPES: Record<string, string> = {
  Int: "integer",
  String: "text",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Float: "double precision",
  BigInt: "bigint",
};

function expectedDefault(table: string, field: DmmfField): string | null {
  const d = field.default as { name?: string } | string | number | boolean | undefined;
  if (d === undefined) return null;
  if (typeof d === "object" && d?.name === "autoincrement") return `nextval('"${table}_${field.dbName ?? field.name}_seq"'::regclass)`;
  if (typeof d === "object" && d?.name === "now") return "CURRENT_TIMESTAMP";
  if (typeof d === "string") return `'${d}'::text`;
  return String(d);
}

describePostgresql("schema.prisma and migrations-postgresql/*.sql agree", () => {
  const database = createTestDatabase("postgresql");
  const client = new pg.Client({ connectionString: database.url });
  const { models, indexes } = readDmmf("postgresql");
  const tableOf = (model: string) => models.find((m) => m.name === model)?.dbName ?? model;
  const query = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => (await client.query<T>(sql, values)).rows;

  beforeAll(async () => {
    await applyMigrations(database.url);
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it("has exactly one table per model, plus the full-text index", async () => {
    const tables = (await query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`)).map(
      (t) => t.name,
    );
    expect(tables.filter((name) => !SQL_ONLY_TABLE.test(name)).sort()).toEqual(models.map((m) => m.dbName ?? m.name).sort());
    expect(tables).toContain("article_search");
    const gin = await query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE tablename = 'article_search'`);
    expect(gin.map((i) => i.indexdef)).toContainEqual(expect.stringMatching(/USING gin \(document\)/));
  });

  for (const model of models) {
    const table = model.dbName ?? model.name;

    it(`${table}: columns, types, nullability and defaults`, async () => {
      const columns = await query<{ name: string; type: string; not_null: boolean; default: string | null }>(
        `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
                pg_get_expr(d.adbin, d.adrelid) AS default
         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
        [`"${table}"`],
      );
      const actual = columns.map((c) => ({ name: c.name, type: c.type, notNull: c.not_null, default: c.default }));
      const expected = model.fields
        .filter((f) => f.kind === "scalar" || f.kind === "enum")
        .map((f) => ({ name: f.dbName ?? f.name, type: PG_TYPES[f.type] ?? "text", notNull: f.isRequired, default: expectedDefault(table, f) }));
      expect(actual.sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
    });

    it(`${table}: primary key, unique and plain indexes`, async () => {
      const list = await query<{ primary: boolean; unique: boolean; columns: string[] }>(
        `SELECT i.indisprimary AS primary, i.indisunique AS unique,
                array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
         FROM pg_index i WHERE i.indrelid = $1::regclass`,
        [`"${table}"`],
      );
      const pk = list.find((i) => i.primary)?.columns ?? [];
      expect(pk).toEqual(indexes.find((i) => i.model === model.name && i.type === "id")?.fields.map((f) => f.name) ?? []);
      const actual = list
        .filter((i) => !i.primary)
        .map((i) => `${i.unique ? "unique" : "index"}(${i.columns.join(",")})`)
        .sort();
      const expected = indexes
        .filter((i) => i.model === model.name && (i.type === "unique" || i.type === "normal"))
        .map((i) => `${i.type === "unique" ? "unique" : "index"}(${i.fields.map((f) => f.name).join(",")})`)
        .sort();
      expect(actual).toEqual(expected);
    });

    it(`${table}: foreign keys and referential actions`, async () => {
      const fks = await query<{ from: string; table: string; to: string; on_delete: string }>(
        `SELECT a.attname AS from, c.confrelid::regclass::text AS table, af.attname AS to,
                CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END AS on_delete
         FROM pg_constraint c
         CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(from_num, to_num)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.from_num
         JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = k.to_num
         WHERE c.contype = 'f' AND c.conrelid = $1::regclass`,
        [`"${table}"`],
      );
      const actual = fks.map((fk) => `${fk.from}->${fk.table.replaceAll('"', "")}.${fk.to} ON DELETE ${fk.on_delete}`).sort();
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
