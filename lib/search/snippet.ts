import { escapeHtml } from "../html";
import { tokenize, type Token } from "./text";

// Snippets are cut from the original text (never from the stemmed index), with every word whose
// stem matches the query wrapped in <mark> and everything else escaped.

const WINDOW_WORDS = 36;
const LEAD_WORDS = 8;

export interface Highlighter {
  terms: ReadonlySet<string>;
  prefixes: readonly string[];
}

function matches(token: Token, h: Highlighter): boolean {
  return h.terms.has(token.term) || h.prefixes.some((p) => token.term.startsWith(p));
}

/** Escaped HTML of text[start, end) with matched words marked. */
function markRange(text: string, tokens: Token[], start: number, end: number, h: Highlighter): string {
  let html = "";
  let cursor = start;
  for (const token of tokens) {
    if (token.start < start || token.end > end || !matches(token, h)) continue;
    html += escapeHtml(text.slice(cursor, token.start)) + `<mark>${escapeHtml(token.word)}</mark>`;
    cursor = token.end;
  }
  return html + escapeHtml(text.slice(cursor, end));
}

/** The densest window of about 36 words around the matches, or the opening of the text. */
export function buildSnippet(text: string, h: Highlighter | null): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const tokens = tokenize(flat);
  if (tokens.length === 0) return "";
  let from = 0;
  if (h) {
    const hits = tokens.map((t, i) => (matches(t, h) ? i : -1)).filter((i) => i >= 0);
    // Sliding window over the sorted hits: the start hit with the most hits after it in the window.
    let best = -1;
    let bestCount = 0;
    let right = 0;
    for (let left = 0; left < hits.length; left++) {
      while (right < hits.length && hits[right]! < hits[left]! + WINDOW_WORDS - LEAD_WORDS) right++;
      if (right - left > bestCount) [best, bestCount] = [hits[left]!, right - left];
    }
    if (best >= 0) from = Math.max(0, best - LEAD_WORDS);
  }
  const to = Math.min(tokens.length, from + WINDOW_WORDS) - 1;
  const start = from === 0 ? 0 : tokens[from]!.start;
  const end = to === tokens.length - 1 ? flat.length : tokens[to]!.end;
  const body = h ? markRange(flat, tokens, start, end, h) : escapeHtml(flat.slice(start, end));
  return `${from > 0 ? "… " : ""}${body}${end < flat.length ? " …" : ""}`;
}
