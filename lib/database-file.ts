import { mkdirSync, statSync } from "node:fs";
import path from "node:path";

// Where an embedded (SQLite) database lives, and making its folder exist, with messages a person can
// act on. Kept apart from lib/db.ts, which opens a client when imported: the migration runner, the
// write lock and the CLI need these without opening anything.

export function isSqliteUrl(url: string): boolean {
  return url.startsWith("file:");
}

/** The backend a DATABASE_URL names (lib/env.ts accepts only file: and postgresql:// URLs). */
export type Provider = "sqlite" | "postgresql";

export function providerOf(url: string): Provider {
  return isSqliteUrl(url) ? "sqlite" : "postgresql";
}

/** `file:./data/archive.db` → absolute path of the SQLite file (relative to the working directory). */
export function sqliteFilePath(url: string): string {
  const withoutScheme = url.replace(/^file:(\/\/)?/, "").replace(/\?.*$/, "");
  return path.resolve(withoutScheme);
}

export class DatabasePathError extends Error {}

/**
 * Creates the folders above a database file, one level at a time. Node's recursive mkdirSync is not
 * used: it reports a file in the way as "EEXIST" and loops forever under /proc.
 */
export function ensureDatabaseFolder(file: string): void {
  const missing: string[] = [];
  let dir = path.dirname(file);
  for (;;) {
    let info;
    try {
      info = statSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOTDIR") throw new DatabasePathError(`cannot create the database ${file}: a part of ${dir} is a file, not a folder`);
      if (code !== "ENOENT") throw new DatabasePathError(`cannot use the folder ${dir} for the database: ${(error as Error).message}`);
      const parent = path.dirname(dir);
      if (parent === dir) throw new DatabasePathError(`cannot create the database ${file}: no folder of its path exists`);
      missing.unshift(dir);
      dir = parent;
      continue;
    }
    if (!info.isDirectory()) throw new DatabasePathError(`cannot create the database ${file}: ${dir} is a file, not a folder`);
    break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw new DatabasePathError(`cannot create the folder ${folder} for the database: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
}
