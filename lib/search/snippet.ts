import { escapeHtml } from "../html";
import { foldSameLength, termOf } from "./text";

// Snippets are cut from the original text (never from the stemmed index), with every word whose
// stem matches the query wrapped in <mark> and everything else escaped.
//
// Stemming a whole article for each result would dominate a search request, so candidates are
// found first by a regular expression over a folded copy of the text (same length, so offsets
// carry over), and only those candidate words are stemmed to confirm the match.

const WINDOW_CHARS = 240;
const LEAD_CHARS = 60;

export interface Highlighter {
  terms: ReadonlySet<string>;
  prefixes: readonly string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Hit {
  start: number;
  end: number;
}

function findHits(text: string, h: Highlighter): Hit[] {
  const stems = [...h.terms, ...h.prefixes].filter((s) => s.length > 0);
  if (stems.length === 0) return [];
  // A word matches when its stem is a query stem; stems start like the folded word, so the
  // words starting with a query stem are the only candidates.
  const candidates = new RegExp(`(?<![\\p{L}\\p{N}])(?:${stems.map(escapeRegExp).join("|")})[\\p{L}\\p{N}]*`, "gu");
  const hits: Hit[] = [];
  for (const m of foldSameLength(text).matchAll(candidates)) {
    const word = text.slice(m.index, m.index + m[0].length);
    const term = termOf(word);
    if (h.terms.has(term) || h.prefixes.some((p) => term.startsWith(p))) hits.push({ start: m.index, end: m.index + m[0].length });
  }
  return hits;
}

/** The start of the ~240-character window holding the most hits. */
function densestWindow(hits: Hit[]): number {
  let best = hits[0]!.start;
  let bestCount = 0;
  let right = 0;
  for (let left = 0; left < hits.length; left++) {
    while (right < hits.length && hits[right]!.end <= hits[left]!.start + WINDOW_CHARS - LEAD_CHARS) right++;
    if (right - left > bestCount) [best, bestCount] = [hits[left]!.start, right - left];
  }
  return best;
}

/** Moves `index` back (or forward) to the nearest space, so that words are never cut. */
function wordBoundary(text: string, index: number, direction: -1 | 1): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  let i = index;
  while (i > 0 && i < text.length && text[i] !== " ") i += direction;
  return direction === 1 ? i : i === 0 ? 0 : i + 1;
}

export function buildSnippet(text: string, h: Highlighter | null): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat === "") return "";
  const hits = h ? findHits(flat, h) : [];
  const anchor = hits.length > 0 ? Math.max(0, densestWindow(hits) - LEAD_CHARS) : 0;
  const start = wordBoundary(flat, anchor, -1);
  const end = wordBoundary(flat, start + WINDOW_CHARS, 1);
  let html = "";
  let cursor = start;
  for (const hit of hits) {
    if (hit.start < start || hit.end > end) continue;
    html += escapeHtml(flat.slice(cursor, hit.start)) + `<mark>${escapeHtml(flat.slice(hit.start, hit.end))}</mark>`;
    cursor = hit.end;
  }
  html += escapeHtml(flat.slice(cursor, end));
  return `${start > 0 ? "… " : ""}${html.trim()}${end < flat.length ? " …" : ""}`;
}
