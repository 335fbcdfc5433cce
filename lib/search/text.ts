import { newStemmer } from "snowball-stemmers";

// The one text normalisation of search, used identically when indexing and when querying:
// lowercase, accents folded (État → etat, Dépôts → depots, Thalès → thales), then the Snowball
// French stemmer (actionnaires → actionnair, souveraine → souverain). Folding comes first so that a
// word typed with or without accents always gives the same stem.

const french = newStemmer("french");

/** Letters and digits, with inner apostrophes and hyphens splitting words (l’État → l, etat). */
const WORD = /[\p{L}\p{N}]+/gu;

export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[œŒ]/g, "oe")
    .replace(/[æÆ]/g, "ae")
    .toLowerCase();
}

export function stem(foldedWord: string): string {
  return /^\d+$/.test(foldedWord) ? foldedWord : french.stem(foldedWord);
}

export interface Token {
  /** The word as written. */
  word: string;
  /** Folded and stemmed: what the index stores and the query matches. */
  term: string;
  start: number;
  end: number;
}

// Words follow Zipf's law: a small vocabulary covers most of any text, so fold+stem results are
// memoised (bounded: the cache is simply dropped when full).
const TERM_CACHE_LIMIT = 200_000;
const termCache = new Map<string, string>();

export function termOf(word: string): string {
  let term = termCache.get(word);
  if (term === undefined) {
    term = stem(fold(word));
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    termCache.set(word, term);
  }
  return term;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ word: match[0], term: termOf(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The text as the full-text index stores it: space-separated stems. */
export function indexText(text: string): string {
  let out = "";
  for (const match of text.matchAll(WORD)) out += (out ? " " : "") + termOf(match[0]);
  return out;
}

/** Short words that carry no meaning alone; dropped from word queries (kept inside phrases). */
export const STOPWORDS = new Set(
  (
    "a au aux avec ce ces d dans de des du elle en et eux il je l la le les leur lui m ma mais me meme mes moi mon ne nos notre nous on ou " +
    "par pas pour qu que qui s sa se ses son sur t ta te tes toi ton tu un une vos votre vous c j n y est sont ete etre"
  ).split(" "),
);

const foldedChars = new Map<string, string>();

function foldChar(c: string): string {
  let f = foldedChars.get(c);
  if (f === undefined) {
    // Typographic apostrophes and non-breaking spaces read as their plain forms.
    const folded = c === "’" || c === "ʼ" ? "'" : /\s/.test(c) ? " " : fold(c);
    f = folded.length === c.length ? folded : c;
    foldedChars.set(c, f);
  }
  return f;
}

/**
 * Lowercase and without accents like `fold`, but with exactly the length of `text` (a character
 * whose folded form would be longer is kept as is), so that offsets found in the folded copy
 * are offsets in the original.
 */
export function foldSameLength(text: string): string {
  const lower = text.toLowerCase();
  // Native passes for the common case; only non-ASCII characters go through the table.
  if (lower.length === text.length) return lower.replace(/[^\x00-\x7f]/g, foldChar);
  return Array.from(text, (c) => (c.toLowerCase().length === c.length ? foldChar(c.toLowerCase()) : c)).join("");
}
