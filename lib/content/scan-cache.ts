import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ContentLimits } from "./limits";
import { RENDER_VERSION } from "./markdown";
import type { FileSummary } from "./scan";
import type { FileStamp } from "./walk";

// Stat first, read only what changed: the scan keeps, per content directory, the summary of every
// valid file (slug, hash, references) with the file's stamp (size, mtime, ctime, inode,
// lib/content/walk.ts). A file whose stamp is unchanged is not read again; any other is read,
// parsed and hashed as before. As git does for "racily clean" files, a file modified less than
// RACY_MS before the scan is never trusted from the cache: a second write within the file system's
// timestamp resolution could leave its stamp unchanged. The cache is a file of its own (never the
// database: the scan does not open it) and only ever saves work: a missing, unreadable or foreign
// cache file is the same as an empty one, and one that cannot be written is skipped.

const VERSION = 1;
const RACY_MS = 3_000;
/** Cache files kept for other content directories (tests create many). */
const KEEP_FILES = 16;

type Cached = Omit<FileSummary, "file" | "displayPath">;

export interface ScanCache {
  /** The summary of `file` if its stamp is the one stored. */
  get(file: string, stamp: FileStamp): Cached | undefined;
  set(file: string, stamp: FileStamp, summary: FileSummary): void;
  save(): void;
}

const NO_CACHE: ScanCache = { get: () => undefined, set: () => {}, save: () => {} };

export function openScanCache(dir: string | undefined, root: string, limits: ContentLimits): ScanCache {
  if (!dir) return NO_CACHE;
  const key = createHash("sha256").update(JSON.stringify([VERSION, RENDER_VERSION, root, limits])).digest("hex").slice(0, 24);
  const file = path.join(dir, `scan-${key}.json`);
  let stored: Record<string, [FileStamp, Cached]> = {};
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { key?: string; entries?: Record<string, [FileStamp, Cached]> };
    if (parsed.key === key && parsed.entries && typeof parsed.entries === "object") stored = parsed.entries;
  } catch {
    // no cache yet, or not one of ours
  }
  const started = Date.now();
  const next: Record<string, [FileStamp, Cached]> = {};
  let changed = false;
  const fresh = (stamp: FileStamp) => Number(stamp.split(":")[1]) > started - RACY_MS;
  return {
    get(name, stamp) {
      const entry = stored[name];
      if (!entry || entry[0] !== stamp || fresh(stamp)) return undefined;
      next[name] = entry;
      return entry[1];
    },
    set(name, stamp, summary) {
      changed = true;
      if (fresh(stamp)) return;
      next[name] = [stamp, { kind: summary.kind, slug: summary.slug, hash: summary.hash, refs: summary.refs, names: summary.names, bodyLine: summary.bodyLine }];
    },
    save() {
      if (!changed && Object.keys(next).length === Object.keys(stored).length) return;
      try {
        mkdirSync(dir, { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify({ key, entries: next }));
        renameSync(temporary, file);
        prune(dir, file);
      } catch {
        // a read-only or full disk: the next scan reads every file, as without a cache
      }
    },
  };
}

function prune(dir: string, keep: string): void {
  const files = readdirSync(dir)
    .filter((name) => /^scan-[0-9a-f]+\.json$/.test(name))
    .map((name) => path.join(dir, name))
    .filter((name) => name !== keep)
    .map((name) => ({ name, mtime: statSync(name).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of files.slice(KEEP_FILES - 1)) rmSync(old.name, { force: true });
}
