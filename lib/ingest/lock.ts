import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { ensureDatabaseFolder, isSqliteUrl, sqliteFilePath } from "../database-file";

// One writer at a time. The ingest computes its plan (what changed since the stored hashes) and
// writes it inside this lock, so two runs can never both succeed on a stale plan: the second waits
// or stops with "another ingest is running since …".
//
// SQLite: the lock is a write transaction (BEGIN IMMEDIATE) held on a small side file,
// `<database>.lock`. SQLite takes it with an OS file lock, which the kernel releases when the
// process ends, however it ends: a `kill -9` never leaves a stale lock behind. Who holds it (pid,
// host, since) is written beside it, for the message only.

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

/** Runs `fn` holding the database's write lock. */
export async function withWriteLock<T>(databaseUrl: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  if (isSqliteUrl(databaseUrl)) return withSqliteLock(databaseUrl, fn, options);
  throw new Error("the write lock supports SQLite (file:) databases only for now");
}
