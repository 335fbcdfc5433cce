import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { ensureDatabaseFolder, isSqliteUrl, sqliteFilePath } from "../database-file";
import { connectPg, ensurePgDatabase } from "../postgres";

// One writer at a time. The ingest computes its plan (what changed since the stored hashes) and
// writes it inside this lock, so two runs can never both succeed on a stale plan: the second waits
// or stops with "another ingest is running since …".
//
// SQLite: the lock is a write transaction (BEGIN IMMEDIATE) held on a small side file,
// `<database>.lock`. SQLite takes it with an OS file lock, which the kernel releases when the
// process ends, however it ends: a `kill -9` never leaves a stale lock behind. Who holds it (pid,
// host, since) is written beside it, for the message only.
//
// PostgreSQL: a session-level advisory lock on a connection of its own, shared by every process and
// instance using the database; the server releases it when that connection ends, however it ends.
// Who holds it is that connection's application_name, since when its query_start (both in
// pg_stat_activity, where operators see them too).

export class WriteLockBusyError extends Error {}

export interface LockOptions {
  /** How long to wait for the other writer, in milliseconds (0: do not wait). */
  waitMs?: number;
  /** Who is asking, for the message the next writer reads ("ingest", "editor"). */
  holder?: string;
}

interface HolderInfo {
  pid: number;
  host: string;
  since: string;
  holder: string;
}

const POLL_MS = 200;

function describeHolder(infoFile: string): string {
  try {
    const info = JSON.parse(readFileSync(infoFile, "utf8")) as HolderInfo;
    const since = new Date(info.since);
    const seconds = Math.round((Date.now() - since.getTime()) / 1000);
    return `another ${info.holder} is running since ${since.toISOString().replace("T", " ").slice(0, 19)} UTC (${seconds} s ago, pid ${info.pid} on ${info.host})`;
  } catch {
    return "another ingest is running";
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? "";
  return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
}

async function withSqliteLock<T>(url: string, fn: () => Promise<T>, options: LockOptions): Promise<T> {
  const file = `${sqliteFilePath(url)}.lock`;
  const infoFile = `${file}.json`;
  ensureDatabaseFolder(file);
  const lock = new Database(file, { timeout: 0 });
  const deadline = Date.now() + (options.waitMs ?? 0);
  try {
    for (;;) {
      try {
        lock.exec("BEGIN IMMEDIATE");
        break;
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (Date.now() >= deadline) throw new WriteLockBusyError(describeHolder(infoFile));
        await sleep(POLL_MS);
      }
    }
    const info: HolderInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString(), holder: options.holder ?? "ingest" };
    writeFileSync(infoFile, JSON.stringify(info));
    try {
      return await fn();
    } finally {
      rmSync(infoFile, { force: true });
      lock.exec("ROLLBACK");
    }
  } finally {
    lock.close();
  }
}

/** Advisory lock key of the archive's writers (distinct from the migration runner's). */
const PG_WRITE_LOCK_KEY = 72_707_370;

async function withPostgresLock<T>(url: string, fn: () => Promise<T>, options: LockOptions): Promise<T> {
  await ensurePgDatabase(url);
  const lock = await connectPg(url);
  const deadline = Date.now() + (options.waitMs ?? 0);
  try {
    for (;;) {
      const { rows } = await lock.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [PG_WRITE_LOCK_KEY]);
      if (rows[0]?.locked) break;
      if (Date.now() >= deadline) throw new WriteLockBusyError(await describePgHolder(lock));
      await sleep(POLL_MS);
    }
    // Names the holder for the next writer; query_start of this statement is "since".
    const name = `andromede ${options.holder ?? "ingest"} pid ${process.pid} on ${hostname()}`.slice(0, 63);
    await lock.query("SELECT set_config('application_name', $1, false)", [name]);
    try {
      return await fn();
    } finally {
      await lock.query("SELECT pg_advisory_unlock($1)", [PG_WRITE_LOCK_KEY]);
    }
  } finally {
    await lock.end();
  }
}

async function describePgHolder(lock: Awaited<ReturnType<typeof connectPg>>): Promise<string> {
  const { rows } = await lock.query<{ name: string; since: Date | null }>(
    `SELECT a.application_name AS name, a.query_start AS since FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1::bigint::oid AND l.objsubid = 1`,
    [PG_WRITE_LOCK_KEY],
  );
  const holder = rows[0];
  if (!holder?.since) return "another ingest is running";
  const match = /^andromede (\S+) (pid \d+ on .*)$/.exec(holder.name);
  const seconds = Math.round((Date.now() - holder.since.getTime()) / 1000);
  const since = holder.since.toISOString().replace("T", " ").slice(0, 19);
  return `another ${match?.[1] ?? "writer"} is running since ${since} UTC (${seconds} s ago${match ? `, ${match[2]}` : ""})`;
}

/** Runs `fn` holding the database's write lock. */
export async function withWriteLock<T>(databaseUrl: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  return isSqliteUrl(databaseUrl) ? withSqliteLock(databaseUrl, fn, options) : withPostgresLock(databaseUrl, fn, options);
}
