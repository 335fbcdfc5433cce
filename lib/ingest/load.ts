import { readFile } from "node:fs/promises";
import { renderMarkdown, type RenderedMarkdown } from "../content/markdown";
import { parseContentFile, type ContentKind, type ParsedArticle, type ParsedEntity, type ParsedEvent } from "../content/parse";
import { contentHash, type FileSummary } from "../content/scan";

// Re-reads a file that the scan already validated, and renders its Markdown. Called one batch at a
// time by the writer, so only a batch of bodies is ever in memory.

type ParsedOf<K extends ContentKind> = K extends "article" ? ParsedArticle : K extends "entity" ? ParsedEntity : ParsedEvent;

export interface LoadedFile<K extends ContentKind> {
  summary: FileSummary;
  parsed: ParsedOf<K>;
  rendered: RenderedMarkdown;
}

export async function loadFile<K extends ContentKind>(kind: K, summary: FileSummary): Promise<LoadedFile<K>> {
  const raw = await readFile(summary.file);
  const result = parseContentFile(kind, `${summary.slug}.md`, raw.toString("utf8"));
  // The file changed between the scan and now: refuse rather than write something unvalidated.
  if (!result.ok || contentHash(kind, raw) !== summary.hash) {
    throw new Error(`${summary.displayPath} changed while it was being ingested; run the ingest again`);
  }
  const parsed = result.value as unknown as ParsedOf<K>;
  return { summary, parsed, rendered: renderMarkdown(parsed.body) };
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
