import pg from "pg";
import { providerOf } from "./database-file";
import { env } from "./env";

// PostgreSQL connections outside Prisma, and what to say when one cannot be made. Kept apart from
// lib/db.ts, which opens a client when imported: the migration runner, the write lock and the CLI
// need these without opening anything. Only lib/db.ts constructs the Prisma client on a pool made here.

/** How long a PostgreSQL connection attempt may take before the command says so and stops. */
const CONNECT_TIMEOUT_MS = 5_000;

/** A pool of PostgreSQL connections; Prisma and the search engine's bulk reads share it. */
export function createPgPool(url: string, max: number = env.DATABASE_POOL_SIZE): pg.Pool {
  return new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: "andromede" });
}

/** One PostgreSQL connection, for the migration runner, the ingest lock and tests. */
export async function connectPg(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: "andromede" });
  await client.connect();
  return client;
}

/** The address of a PostgreSQL URL without its password, for messages. */
export function describeUrl(url: string): string {
  if (providerOf(url) === "sqlite") return url;
  try {
    const u = new URL(url);
    return `postgresql://${u.username ? `${decodeURIComponent(u.username)}@` : ""}${u.host}${u.pathname}`;
  } catch {
    return "postgresql://(unparsable URL)";
  }
}

/**
 * One readable line for a failure to reach or use a PostgreSQL database (no stack trace): what
 * went wrong and where, e.g. "cannot connect to PostgreSQL at 127.0.0.1:5433: connection refused".
 * Null for other errors (and for SQLite), which the caller describes its own way.
 */
export function describeDatabaseError(error: unknown, url: string): string | null {
  const e = error as { code?: string; message?: string };
  if (providerOf(url) === "sqlite") return null;
  let where = "PostgreSQL";
  let user = "";
  let database = "";
  try {
    const u = new URL(url);
    where = `PostgreSQL at ${u.hostname}:${u.port || "5432"}`;
    user = decodeURIComponent(u.username || "postgres");
    database = decodeURIComponent(u.pathname.slice(1));
  } catch {
    // The URL was validated by lib/env.ts; keep the generic name.
  }
  switch (e.code) {
    case "ECONNREFUSED":
      return `cannot connect to ${where}: connection refused (is the server running?)`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot connect to ${where}: host not found`;
    case "ETIMEDOUT":
      return `cannot connect to ${where}: no answer`;
    case "28P01":
      return `${where} refused user "${user}": wrong password`;
    case "28000":
      return `${where} refused user "${user}": ${e.message}`;
    case "3D000":
      return `${where} has no database "${database}"`;
    case "42501":
      return `${where}: user "${user}" lacks a permission: ${e.message}`;
  }
  if (/Connection terminated/i.test(e.message ?? "")) return `cannot connect to ${where}: the connection was closed before the server answered`;
  if (/timeout/i.test(e.message ?? "")) return `cannot connect to ${where}: no answer within ${CONNECT_TIMEOUT_MS / 1000} s`;
  return null;
}

/**
 * Creates the PostgreSQL database named in `url` when it does not exist (through the `postgres`
 * maintenance database), so that a new deployment needs no manual CREATE DATABASE.
 * Returns true when it created it.
 */
export async function ensurePgDatabase(url: string): Promise<boolean> {
  try {
    await (await connectPg(url)).end();
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error;
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = await connectPg(maintenance.toString());
  try {
    // Identifiers cannot be query parameters; escapeIdentifier quotes the configured name.
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } catch (error) {
    // Another process (a second instance starting) created it meanwhile: 42P04 "already exists",
    // or 23505 when both CREATE DATABASE ran at the same instant.
    const code = (error as { code?: string }).code;
    if (code !== "42P04" && code !== "23505") throw error;
  } finally {
    await admin.end();
  }
  return true;
}

