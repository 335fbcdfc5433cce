// The PostgreSQL Prisma schema is generated from prisma/schema.prisma, never written by hand: a
// Prisma schema names one provider, and the data model is the same on both databases. Only the
// datasource provider and the client's output folder change.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
/** Generated at install (git-ignored), beside the two generated clients. */
export const POSTGRESQL_SCHEMA = "lib/generated/schema.postgresql.prisma";

function replaceOnce(text, pattern, replacement, what) {
  const matches = text.match(new RegExp(pattern.source, "gm"));
  if (matches?.length !== 1) throw new Error(`${SQLITE_SCHEMA}: expected exactly one ${what}, found ${matches?.length ?? 0}`);
  return text.replace(new RegExp(pattern.source, "m"), replacement);
}

/** prisma/schema.prisma (SQLite) → the same data model for PostgreSQL. */
export function postgresqlSchema(sqliteSchema) {
  let schema = replaceOnce(sqliteSchema, /^(\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'provider = "sqlite"');
  // The generated schema lives in lib/generated/, the client next to it.
  schema = replaceOnce(schema, /^(\s*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"./prisma-postgresql"', "client output");
  return `// GENERATED from ${SQLITE_SCHEMA} by scripts/postgresql-schema.mjs: do not edit.\n${schema}`;
}

export function writePostgresqlSchema(root = process.cwd()) {
  const target = path.join(root, POSTGRESQL_SCHEMA);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, postgresqlSchema(readFileSync(path.join(root, SQLITE_SCHEMA), "utf8")));
  return target;
}
