import { Prisma } from "../generated/prisma/client";
import type { Tx } from "./index";

// Multi-row INSERTs for the ingest's bulk writes. Prisma's createMany costs about 0.1 ms per row
// on these machines (measured on 120,000 related-story rows: 12.9 s against 1.4 s this way), which
// dominates when every article brings several rows. One statement carries up to MAX_PARAMETERS
// values (SQLite allows 32,766, PostgreSQL 65,535). Table and column names are constants of the
// code, never input; every value is a bound parameter.

const MAX_PARAMETERS = 30_000;

export type ColumnType = "integer" | "real" | "text" | "boolean";

// CASTs: PostgreSQL would otherwise read untyped parameters in VALUES as text.
const CASTS: Record<ColumnType, (value: Prisma.Sql) => Prisma.Sql> = {
  integer: (v) => Prisma.sql`CAST(${v} AS INTEGER)`,
  real: (v) => Prisma.sql`CAST(${v} AS DOUBLE PRECISION)`,
  text: (v) => v,
  // SQLite has no boolean type (1 or 0, as Prisma stores it); PostgreSQL gets a real boolean.
  boolean: (v) => Prisma.sql`(CAST(${v} AS INTEGER) = 1)`,
};

export async function insertRows(
  tx: Tx,
  table: string,
  columns: readonly (readonly [name: string, type: ColumnType])[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map(([name]) => `"${name}"`).join(", ")}) VALUES `);
  for (let start = 0; start < rows.length; start += perStatement) {
    const tuples = rows.slice(start, start + perStatement).map(
      (row) =>
        Prisma.sql`(${Prisma.join(
          row.map((value, i) => {
            const type = columns[i]![1];
            const bound = type === "boolean" && typeof value === "boolean" ? (value ? 1 : 0) : value;
            return value === null ? Prisma.sql`NULL` : CASTS[type](Prisma.sql`${bound}`);
          }),
        )})`,
    );
    await tx.$executeRaw`${head}${Prisma.join(tuples)}`;
  }
}
