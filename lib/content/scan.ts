import { createHash } from "node:crypto";
import { opendir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { RENDER_VERSION } from "./markdown";
import { parseContentFile, type ContentKind } from "./parse";

// Walks content/ one file at a time and keeps only a small summary per file (hash and
// cross-references), never the bodies: memory stays bounded for a 100,000-article corpus.
// Bodies are read again, one batch at a time, by the ingest writer for the files that changed.

export const KIND_DIRS: Record<ContentKind, string> = { article: "articles", entity: "entities", event: "timeline" };

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
}

export interface ContentIndex {
  root: string;
  files: Record<ContentKind, Map<string, FileSummary>>;
  problems: LocatedProblem[];
}

export class ContentDirError extends Error {}

export function formatProblem(p: LocatedProblem): string {
  return `${p.path}:${p.line}: ${p.field}: ${p.message}`;
}

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

export function contentHash(kind: ContentKind, raw: Buffer | string): string {
  return createHash("sha256").update(`${RENDER_VERSION}\0${kind}\0`).update(raw).digest("hex");
}

async function* markdownFiles(dir: string): AsyncGenerator<string> {
  let handle;
  try {
    handle = await opendir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // an absent kind folder is an empty one
    throw new ContentDirError(`cannot read ${displayPath(dir)}: ${(error as Error).message}`);
  }
  for await (const entry of handle) {
    if (entry.isFile() && entry.name.endsWith(".md") && !entry.name.startsWith(".")) yield entry.name;
  }
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

export async function scanContent(root: string): Promise<ContentIndex> {
  const absRoot = path.resolve(root);
  const info = await stat(absRoot).catch(() => null);
  if (!info?.isDirectory()) throw new ContentDirError(`content directory ${root} does not exist or is not a directory`);

  const index: ContentIndex = {
    root: absRoot,
    files: { article: new Map(), entity: new Map(), event: new Map() },
    problems: [],
  };
  // A folder without articles/, entities/ or timeline/ is read as a flat folder of articles.
  const subfolders = await Promise.all(Object.values(KIND_DIRS).map((d) => stat(path.join(absRoot, d)).catch(() => null)));
  const flat = subfolders.every((s) => !s?.isDirectory());
  for (const kind of Object.keys(KIND_DIRS) as ContentKind[]) {
    if (flat && kind !== "article") continue;
    const dir = flat ? absRoot : path.join(absRoot, KIND_DIRS[kind]);
    for await (const name of markdownFiles(dir)) {
      const file = path.join(dir, name);
      const shown = displayPath(file);
      let raw: Buffer;
      try {
        raw = await readFile(file);
      } catch (error) {
        throw new ContentDirError(`cannot read ${shown}: ${(error as Error).message}`);
      }
      const parsed = parseContentFile(kind, name, raw.toString("utf8"));
      if (!parsed.ok) {
        index.problems.push(...parsed.problems.map((p) => ({ path: shown, ...p })));
        continue;
      }
      const { slug, data, lines } = parsed.value;
      const record = data as Record<string, unknown>;
      const names =
        kind === "entity"
          ? [record.name as string, ...((record.aliases as string[]) ?? [])].map((n, i) => ({
              name: n,
              line: i === 0 ? (lines.get("name") ?? 1) : (lines.get(`aliases.${i - 1}`) ?? 1),
            }))
          : [];
      index.files[kind].set(slug, {
        kind,
        slug,
        file,
        displayPath: shown,
        hash: contentHash(kind, raw),
        refs: references(kind, record, lines),
        names,
      });
    }
  }
  index.problems.push(...crossCheck(index));
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
