import type { Stats } from "node:fs";
import { lstat, opendir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { fileTooLarge, type ContentLimits } from "./limits";
import type { ContentKind } from "./parse";

// Lists the Markdown files of a content directory, applying the rules for what is not a plain file:
// - a symbolic link is followed when its target lies inside the content directory (and a note says
//   so), and is an error otherwise, or when it leads nowhere: following it would publish any file
//   of the machine, and skipping it would silently remove its articles from the archive;
// - anything else that is not a regular file (a folder named x.md, a FIFO) is skipped with a warning;
// - a file over the size limit is refused before it is read.

export const KIND_DIRS: Record<ContentKind, string> = { article: "articles", entity: "entities", event: "timeline" };

export interface ScanWarning {
  path: string;
  message: string;
}

interface Problem {
  path: string;
  line: number;
  field: string;
  message: string;
}

/**
 * What the file system says about a file's version without reading it (size, modification and change
 * times, inode): when all four are as at the last scan, the file is the same (lib/content/scan-cache.ts).
 */
export type FileStamp = string;

export type ContentEntry = { kind: ContentKind; file: string; name: string; stamp: FileStamp } | { warning: ScanWarning } | { problem: Problem };

/** Thrown when the content directory itself (or one of its kind folders) cannot be listed. */
export class ContentWalkError extends Error {}

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

function isInside(target: string, root: string): boolean {
  return target === root || target.startsWith(root + path.sep);
}

type Resolved = { ok: true; isFile: boolean; isDir: boolean; size: number; stamp: FileStamp; note?: string } | { ok: false; entry: ContentEntry };

const stampOf = (info: Stats): FileStamp => `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;

/** Follows `file` if it is a symbolic link, applying the rule above. */
async function resolve(file: string, realRoot: string): Promise<Resolved> {
  const shown = displayPath(file);
  const link = await lstat(file);
  if (!link.isSymbolicLink()) return { ok: true, isFile: link.isFile(), isDir: link.isDirectory(), size: link.size, stamp: stampOf(link) };
  let target: string;
  try {
    target = await realpath(file);
  } catch {
    return { ok: false, entry: { problem: { path: shown, line: 1, field: "file", message: "is a symbolic link to nothing (its target does not exist)" } } };
  }
  if (!isInside(target, realRoot)) {
    return {
      ok: false,
      entry: {
        problem: {
          path: shown,
          line: 1,
          field: "file",
          message: `is a symbolic link to ${target}, outside the content directory; links are followed only inside it (docs/limits.md)`,
        },
      },
    };
  }
  const info = await stat(target);
  return { ok: true, isFile: info.isFile(), isDir: info.isDirectory(), size: info.size, stamp: stampOf(info), note: `follows the symbolic link to ${displayPath(target)}` };
}

async function* kindFolder(kind: ContentKind, dir: string, realRoot: string, limits: ContentLimits): AsyncGenerator<ContentEntry> {
  let handle;
  try {
    handle = await opendir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // an absent kind folder is an empty one
    throw new ContentWalkError(`cannot read ${displayPath(dir)}: ${(error as Error).message}`);
  }
  for await (const entry of handle) {
    if (!entry.name.endsWith(".md") || entry.name.startsWith(".")) continue;
    const file = path.join(dir, entry.name);
    const resolved = await resolve(file, realRoot);
    if (!resolved.ok) {
      yield resolved.entry;
      continue;
    }
    if (!resolved.isFile) {
      yield { warning: { path: displayPath(file), message: "is not a regular file; skipped" } };
      continue;
    }
    if (resolved.note) yield { warning: { path: displayPath(file), message: resolved.note } };
    const tooLarge = fileTooLarge(resolved.size, limits);
    if (tooLarge) {
      yield { problem: { path: displayPath(file), ...tooLarge } };
      continue;
    }
    yield { kind, file, name: entry.name, stamp: resolved.stamp };
  }
}

/** Every content file under `root` (absolute), kind by kind, with warnings and problems on the way. */
export async function* contentEntries(root: string, limits: ContentLimits): AsyncGenerator<ContentEntry> {
  const realRoot = await realpath(root);
  const folders = new Map<ContentKind, string>();
  for (const [kind, name] of Object.entries(KIND_DIRS) as [ContentKind, string][]) {
    const dir = path.join(root, name);
    const exists = await lstat(dir).then(
      () => true,
      () => false,
    );
    if (!exists) continue;
    const resolved = await resolve(dir, realRoot);
    if (!resolved.ok) {
      yield resolved.entry;
      folders.set(kind, ""); // present but refused: the folder is not read as empty, nor the root as flat
      continue;
    }
    if (!resolved.isDir) continue;
    if (resolved.note) yield { warning: { path: displayPath(dir), message: resolved.note } };
    folders.set(kind, dir);
  }
  // A folder without articles/, entities/ or timeline/ is read as a flat folder of articles.
  if (folders.size === 0) {
    yield* kindFolder("article", root, realRoot, limits);
    return;
  }
  for (const [kind, dir] of folders) if (dir) yield* kindFolder(kind, dir, realRoot, limits);
}
