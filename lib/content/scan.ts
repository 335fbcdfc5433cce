import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_LIMITS, type ContentLimits } from "./limits";
import { RENDER_VERSION } from "./markdown";
import { parseContentBytes, type ContentKind } from "./parse";
import { openScanCache } from "./scan-cache";
import { contentEntries, ContentWalkError, displayPath, type ScanWarning } from "./walk";

export { displayPath, KIND_DIRS } from "./walk";

// Walks content/ one file at a time and keeps only a small summary per file (hash and
// cross-references), never the bodies: memory stays bounded for a 100,000-article corpus.
// Bodies are read again, one batch at a time, by the ingest writer for the files that changed.
// Stat first: a file whose size, times and inode are as at the last scan is not read at all
// (lib/content/scan-cache.ts).


export interface LocatedProblem {
  path: string;
  line: number;
  field: string;
  message: string;
}

export interface Reference {
  field: string;
  slug: string;
  line: number;
  target: "article" | "entity";
}

export interface FileSummary {
  kind: ContentKind;
  slug: string;
  /** Absolute path, to read the file again when writing. */
  file: string;
  /** Path as shown to people in messages. */
  displayPath: string;
  hash: string;
  refs: Reference[];
  /** For entities: the names used to detect mentions, with their lines. */
  names: { name: string; line: number }[];
  /** Line of the body's first line, to locate problems found when rendering it. */
  bodyLine: number;
}

export interface ContentIndex {
  root: string;
  files: Record<ContentKind, Map<string, FileSummary>>;
  problems: LocatedProblem[];
  /** Things an editor should know that do not stop the ingest (a symbolic link skipped…). */
  warnings: ScanWarning[];
  limits: ContentLimits;
}

/** The content directory itself cannot be read: a system error (exit 2), not a content problem. */
export class ContentDirError extends Error {}

/** Content problems found after the scan (while rendering): reported like the scan's, exit 1. */
export class ContentProblemsError extends Error {
  constructor(readonly problems: LocatedProblem[]) {
    super(`${problems.length} content problem(s)`);
  }
}

export function formatProblem(p: LocatedProblem): string {
  return `${p.path}:${p.line}: ${p.field}: ${p.message}`;
}

export function contentHash(kind: ContentKind, raw: Buffer | string): string {
  return createHash("sha256").update(`${RENDER_VERSION}\0${kind}\0`).update(raw).digest("hex");
}

function references(kind: ContentKind, data: Record<string, unknown>, lines: Map<string, number>): Reference[] {
  const lists: [string, "article" | "entity"][] =
    kind === "article" ? [["entities", "entity"], ["related", "article"]] : kind === "event" ? [["entities", "entity"], ["sources", "article"]] : [];
  return lists.flatMap(([field, target]) =>
    ((data[field] as string[] | undefined) ?? []).map((slug, index) => ({
      field: `${field}.${index}`,
      slug,
      target,
      line: lines.get(`${field}.${index}`) ?? lines.get(field) ?? 1,
    })),
  );
}

export interface ScanOptions {
  /** Folder of the stat-first scan cache (lib/content/scan-cache.ts); none: every file is read. */
  cacheDir?: string;
}

export async function scanContent(root: string, limits: ContentLimits = DEFAULT_LIMITS, options: ScanOptions = {}): Promise<ContentIndex> {
  const absRoot = path.resolve(root);
  const info = await stat(absRoot).catch(() => null);
  if (!info?.isDirectory()) throw new ContentDirError(`content directory ${root} does not exist or is not a directory`);

  const index: ContentIndex = {
    root: absRoot,
    files: { article: new Map(), entity: new Map(), event: new Map() },
    problems: [],
    warnings: [],
    limits,
  };
  const cache = openScanCache(options.cacheDir, absRoot, limits);
  const entries = contentEntries(absRoot, limits);
  for (;;) {
    let next;
    try {
      next = await entries.next();
    } catch (error) {
      if (error instanceof ContentWalkError) throw new ContentDirError(error.message);
      throw new ContentDirError(`cannot read ${root}: ${(error as Error).message}`);
    }
    if (next.done) break;
    const entry = next.value;
    if ("warning" in entry) {
      index.warnings.push(entry.warning);
      continue;
    }
    if ("problem" in entry) {
      index.problems.push(entry.problem);
      continue;
    }
    const { kind, file, name, stamp } = entry;
    const shown = displayPath(file);
    const cached = cache.get(file, stamp);
    if (cached && cached.kind === kind) {
      index.files[kind].set(cached.slug, { ...cached, file, displayPath: shown });
      continue;
    }
    let raw: Buffer;
    try {
      raw = await readFile(file);
    } catch (error) {
      throw new ContentDirError(`cannot read ${shown}: ${(error as Error).message}`);
    }
    const parsed = parseContentBytes(kind, name, raw, limits);
    if (!parsed.ok) {
      index.problems.push(...parsed.problems.map((p) => ({ path: shown, ...p })));
      continue;
    }
    const { slug, data, lines, bodyLine } = parsed.value;
    const record = data as Record<string, unknown>;
    const names =
      kind === "entity"
        ? [record.name as string, ...((record.aliases as string[]) ?? [])].map((n, i) => ({
            name: n,
            line: i === 0 ? (lines.get("name") ?? 1) : (lines.get(`aliases.${i - 1}`) ?? 1),
          }))
        : [];
    const summary: FileSummary = {
      kind,
      slug,
      file,
      displayPath: shown,
      hash: contentHash(kind, raw),
      refs: references(kind, record, lines),
      names,
      bodyLine,
    };
    index.files[kind].set(slug, summary);
    cache.set(file, stamp, summary);
  }
  index.problems.push(...crossCheck(index));
  cache.save();
  return index;
}

/** Folds case and accents: "Thalès" and "THALES" are the same name. */
export function foldName(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

function crossCheck(index: ContentIndex): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  for (const kind of ["article", "event"] as const) {
    for (const summary of index.files[kind].values()) {
      for (const ref of summary.refs) {
        const exists = index.files[ref.target].has(ref.slug);
        if (!exists) {
          problems.push({ path: summary.displayPath, line: ref.line, field: ref.field, message: `unknown ${ref.target} "${ref.slug}"` });
        } else if (kind === "article" && ref.target === "article" && ref.slug === summary.slug) {
          problems.push({ path: summary.displayPath, line: ref.line, field: ref.field, message: "an article cannot be related to itself" });
        }
      }
    }
  }
  const owners = new Map<string, string>();
  for (const entity of index.files.entity.values()) {
    const seen = new Set<string>();
    for (const { name, line } of entity.names) {
      const folded = foldName(name);
      if (seen.has(folded)) continue;
      seen.add(folded);
      const owner = owners.get(folded);
      if (owner !== undefined && owner !== entity.slug) {
        problems.push({ path: entity.displayPath, line, field: "aliases", message: `"${name}" is already a name or alias of entity "${owner}"` });
      } else {
        owners.set(folded, entity.slug);
      }
    }
  }
  return problems;
}
