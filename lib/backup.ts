import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { providerOf, sqliteFilePath } from "./database-file";

// Backups and restores of the whole database (docs/deploy.md), for `npm run backup` and
// `npm run restore`. SQLite: SQLite's online backup API (better-sqlite3 `backup()`), consistent
// while the site keeps serving and an ingest may be writing. PostgreSQL: pg_dump's custom format
// (one consistent snapshot, compressed) and pg_restore --clean; both tools come with the
// PostgreSQL client package and must be at least the server's major version.

export class BackupError extends Error {}

/** The URL without its password (given to pg_dump through PGPASSWORD, not argv, where `ps` shows it). */
function pgConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (error) =>
      reject(new BackupError(`${command} could not be started (${(error as NodeJS.ErrnoException).code ?? error.message}); install the PostgreSQL client tools`)),
    );
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim().split("\n")[0] ?? ""}`));
    });
  });
}

/** Writes a consistent copy of the database at `url` to `file`. */
export async function backupDatabase(url: string, file: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (providerOf(url) === "sqlite") {
    const source = sqliteFilePath(url);
    if (!existsSync(source)) throw new BackupError(`no database at ${source}`);
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await db.backup(path.resolve(file));
    } finally {
      db.close();
    }
    return;
  }
  const { dbname, env } = pgConnection(url);
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${path.resolve(file)}`, `--dbname=${dbname}`], env);
}

/** Replaces the whole database at `url` with the backup in `file`. */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`no backup file at ${file}`);
  if (providerOf(url) === "sqlite") {
    const target = sqliteFilePath(url);
    mkdirSync(path.dirname(target), { recursive: true });
    // The backup API in the other direction: page by page into the live file, under SQLite's locks,
    // so readers see either the old database or the restored one.
    const backup = new Database(path.resolve(file), { readonly: true, fileMustExist: true });
    try {
      await backup.backup(target);
    } finally {
      backup.close();
    }
    return;
  }
  const { dbname, env } = pgConnection(url);
  // --single-transaction: all or nothing; --clean --if-exists: replaces what is there.
  await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", `--dbname=${dbname}`, path.resolve(file)], env);
}
