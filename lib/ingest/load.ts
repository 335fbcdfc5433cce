import { readFile } from "node:fs/promises";
import type { RenderedMarkdown } from "../content/markdown";
import { parseContentBytes, type ContentKind, type ParsedArticle, type ParsedEntity, type ParsedEvent } from "../content/parse";
import { RenderError, type RenderPool } from "../content/render-pool";
import { ContentProblemsError, contentHash, type ContentIndex, type FileSummary, type LocatedProblem } from "../content/scan";

// Re-reads files that the scan already validated, and renders their Markdown on the render pool.
// Called one batch at a time by the writer, so only a batch of bodies is ever in memory.

type ParsedOf<K extends ContentKind> = K extends "article" ? ParsedArticle : K extends "entity" ? ParsedEntity : ParsedEvent;

export interface LoadedFile<K extends ContentKind> {
  summary: FileSummary;
  parsed: ParsedOf<K>;
  rendered: RenderedMarkdown;
}

/** What the writer needs to read files: the limits they were validated with and the render pool. */
export interface Loader {
  index: ContentIndex;
  pool: RenderPool;
}

async function loadFile<K extends ContentKind>(kind: K, summary: FileSummary, loader: Loader): Promise<LoadedFile<K>> {
  const raw = await readFile(summary.file);
  const result = parseContentBytes(kind, `${summary.slug}.md`, raw, loader.index.limits);
  // The file changed between the scan and now: refuse rather than write something unvalidated.
  if (!result.ok || contentHash(kind, raw) !== summary.hash) {
    throw new Error(`${summary.displayPath} changed while it was being ingested; run the ingest again`);
  }
  const parsed = result.value as unknown as ParsedOf<K>;
  return { summary, parsed, rendered: await loader.pool.render(parsed.body) };
}

/**
 * Loads and renders a batch in parallel. Files the renderer refuses (too slow, too deep) are
 * reported together as located problems, so that the editor sees every one of them at once.
 */
export async function loadBatch<K extends ContentKind>(kind: K, summaries: FileSummary[], loader: Loader): Promise<LoadedFile<K>[]> {
  const results = await Promise.allSettled(summaries.map((s) => loadFile(kind, s, loader)));
  const problems: LocatedProblem[] = [];
  const loaded: LoadedFile<K>[] = [];
  results.forEach((result, i) => {
    if (result.status === "fulfilled") loaded.push(result.value);
    else if (result.reason instanceof RenderError) {
      const summary = summaries[i]!;
      problems.push({ path: summary.displayPath, line: summary.bodyLine, field: "body", message: `cannot be rendered: ${result.reason.message}` });
    } else throw result.reason;
  });
  if (problems.length > 0) throw new ContentProblemsError(problems);
  return loaded;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
