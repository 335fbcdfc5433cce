import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, it } from "vitest";
import type { Provider } from "@/lib/database-file";
import { tempDir } from "./temp";

// The parity suite runs the same tests against both backends: a fresh SQLite file, or a fresh
// PostgreSQL database `andromede_test_<random>` on the server of TEST_POSTGRES_URL (default: the
// local server, as in CI), created by the code under test (the migration runner creates a missing
// database) and dropped afterwards. Without a reachable server the PostgreSQL half is skipped with a
// message, except in CI (CI=true), where it fails.

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const CI = process.env.CI === "true" || process.env.CI === "1";

export interface TestDatabase {
  provider: Provider;
  url: string;
  /** Whether the database exists yet (a file, or a PostgreSQL database). */
  exists(): Promise<boolean>;
  /** A hash of everything stored: changes whenever any row, sequence or index entry does. */
  fingerprint(): Promise<string>;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>, url = ADMIN_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function probePostgres(): Promise<string | null> {
  try {
    await admin((c) => c.query("SELECT 1"));
    return null;
  } catch (error) {
    return `PostgreSQL not reachable at ${ADMIN_URL.replace(/:[^:@/]*@/, ":***@")} (${(error as Error).message})`;
  }
}

const postgresProblem = await probePostgres();

function sqliteDatabase(): TestDatabase {
  const tmp = tempDir("andromede-db-");
  const dir = path.join(tmp.dir, "db");
  return {
    provider: "sqlite",
    url: `file:${path.join(dir, "archive.db")}`,
    exists: async () => existsSync(dir),
    // Every byte of the database folder (main file, WAL and shared memory if present).
    fingerprint: async () => {
      const hash = createHash("sha256");
      for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(path.join(dir, name)));
      return hash.digest("hex");
    },
    drop: async () => tmp.cleanup(),
  };
}

function postgresDatabase(): TestDatabase {
  const name = `andromede_test_${randomBytes(6).toString("hex")}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const exists = () => admin(async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1);
  return {
    provider: "postgresql",
    url: url.toString(),
    exists,
    // Every row of every table, in a stable order, and every sequence's position.
    fingerprint: () =>
      admin(async (c) => {
        const hash = createHash("sha256");
        const tables = await c.query<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
        );
        for (const { name: table } of tables.rows) {
          const rows = await c.query<{ row: string }>(`SELECT t::text AS row FROM ${c.escapeIdentifier(table)} t ORDER BY 1`);
          hash.update(table).update(rows.rows.map((r) => r.row).join("\n"));
        }
        const sequences = await c.query<{ name: string }>(`SELECT sequence_name AS name FROM information_schema.sequences ORDER BY 1`);
        for (const { name: sequence } of sequences.rows) {
          const state = await c.query<{ s: string }>(`SELECT last_value::text || is_called::text AS s FROM ${c.escapeIdentifier(sequence)}`);
          hash.update(sequence).update(state.rows[0]!.s);
        }
        return hash.digest("hex");
      }, url.toString()),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`)).then(() => {}),
  };
}

export function createTestDatabase(provider: Provider): TestDatabase {
  return provider === "sqlite" ? sqliteDatabase() : postgresDatabase();
}

export const PROVIDERS: Provider[] = ["sqlite", "postgresql"];

/**
 * `describe` once per backend. The PostgreSQL block is skipped (locally) or fails (CI) when no
 * server is reachable, with the reason.
 */
export function describeEachBackend(title: string, body: (provider: Provider) => void, providers: Provider[] = PROVIDERS): void {
  for (const provider of providers) {
    const name = `${title} [${provider}]`;
    if (provider === "postgresql" && postgresProblem) {
      if (CI) {
        describe(name, () => {
          it("needs PostgreSQL", () => {
            throw new Error(`${postgresProblem}; set TEST_POSTGRES_URL`);
          });
        });
      } else {
        console.warn(`skipping "${name}": ${postgresProblem} (set TEST_POSTGRES_URL; in CI this fails)`);
        describe.skip(name, () => body(provider));
      }
      continue;
    }
    describe(name, () => body(provider));
  }
}

/** `describe` for PostgreSQL only (its drift guard, several instances), skipped or failing as above. */
export function describePostgresql(title: string, body: () => void): void {
  describeEachBackend(title, body, ["postgresql"]);
}
