// postinstall: generates the two Prisma clients, one per provider, from the one data model:
// lib/generated/prisma (SQLite, from prisma/schema.prisma) and lib/generated/prisma-postgresql
// (from the PostgreSQL schema that scripts/postgresql-schema.mjs derives from it).
// Prisma's CLI wants to download its native schema engine for every command, which these machines
// cannot do; `generate` does not use that engine, so we point the variable at an existing file.
// Never do this for `migrate` or `db` commands: they would silently do nothing (DEVELOPERS.md).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { SQLITE_SCHEMA, writePostgresqlSchema } from "./postgresql-schema.mjs";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");

function generate(schema) {
  const result = spawnSync(process.execPath, [cli, "generate", "--schema", schema], {
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  return result.status ?? 1;
}

const status = generate(SQLITE_SCHEMA) || generate(writePostgresqlSchema());
process.exit(status);
