import { fold, stem, STOPWORDS } from "./text";

// Turns whatever a person typed into a safe query for either backend: an FTS5 expression (SQLite)
// and a tsquery (PostgreSQL), built from the same clauses. Supported: words (all required),
// "exact phrases", prefix*, OR between two terms, -excluded. Everything else (parentheses, NEAR,
// column filters, lone stars, SQL, tsquery operators, emoji) is read as plain text: only stems made
// of letters and digits, each quoted, ever reach FTS5 or to_tsquery, so no input can change the
// query's structure. Both strings are passed to the database as parameters, never spliced into SQL.

export const MAX_TERMS = 32;

export interface ParsedSearch {
  /** The FTS5 MATCH expression. */
  match: string;
  /** The same query for PostgreSQL's to_tsquery('simple', …) over the same stems. */
  tsquery: string;
  /** Stems to highlight. */
  terms: Set<string>;
  /** Stem prefixes to highlight (from prefix* terms). */
  prefixes: string[];
}

export class SearchSyntaxError extends Error {}

interface Clause {
  fts: string;
  ts: string;
  negated: boolean;
  /** Joined to the previous clause by OR. */
  or: boolean;
  stopword: boolean;
}

const LEXEME = /(?<![\p{L}\p{N}])OR(?![\p{L}\p{N}*'’-])|(-?)"([^"]*)"?|(-?)([\p{L}\p{N}][\p{L}\p{N}'’-]*)(\*?)/gu;

function words(text: string): string[] {
  return [...fold(text).matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
}

export function parseSearchText(input: string): ParsedSearch {
  const clauses: Clause[] = [];
  const terms = new Set<string>();
  const prefixes: string[] = [];
  let pendingOr = false;
  for (const m of input.matchAll(LEXEME)) {
    if (m[0] === "OR") {
      pendingOr = clauses.length > 0;
      continue;
    }
    const isPhrase = m[2] !== undefined;
    const negated = (isPhrase ? m[1] : m[3]) === "-";
    const parts = words(isPhrase ? m[2]! : m[4]!);
    if (parts.length === 0) continue;
    const stems = parts.map(stem);
    const prefix = !isPhrase && m[5] === "*" && parts.length === 1;
    if (!negated) {
      if (prefix) prefixes.push(stems[0]!);
      else stems.forEach((s) => terms.add(s));
    }
    const fts = `"${stems.join(" ")}"${prefix ? "*" : ""}`;
    // Several stems (a phrase, or l’État → l etat) must follow each other: <-> in a tsquery.
    const quoted = stems.map((s) => `'${s}'${prefix ? ":*" : ""}`);
    const ts = quoted.length > 1 ? `(${quoted.join(" <-> ")})` : quoted[0]!;
    const stopword = !isPhrase && !prefix && parts.every((p) => STOPWORDS.has(p));
    clauses.push({ fts, ts, negated, or: pendingOr, stopword });
    pendingOr = false;
  }
  const meaningful = clauses.some((c) => !c.stopword && !c.negated);
  const kept = meaningful ? clauses.filter((c) => !c.stopword) : clauses;
  const positive = kept.filter((c) => !c.negated);
  const negative = kept.filter((c) => c.negated);
  if (positive.length === 0) {
    throw new SearchSyntaxError(
      clauses.length === 0 ? "q contains no word to search for" : "q needs at least one word that is not excluded with -",
    );
  }
  if (kept.length > MAX_TERMS) throw new SearchSyntaxError(`q has too many terms (at most ${MAX_TERMS})`);

  // OR binds tighter than the implicit AND: `cloudwatt OR numergy orange` = (cloudwatt OR numergy) AND orange.
  const groups: Clause[][] = [];
  for (const clause of positive) {
    if (clause.or && groups.length > 0) groups[groups.length - 1]!.push(clause);
    else groups.push([clause]);
  }
  let match = groups.map((g) => (g.length > 1 ? `(${g.map((c) => c.fts).join(" OR ")})` : g[0]!.fts)).join(" AND ");
  if (negative.length > 0) match = `(${match}) NOT (${negative.map((c) => c.fts).join(" OR ")})`;
  let tsquery = groups.map((g) => (g.length > 1 ? `(${g.map((c) => c.ts).join(" | ")})` : g[0]!.ts)).join(" & ");
  if (negative.length > 0) tsquery = `(${tsquery}) & !(${negative.map((c) => c.ts).join(" | ")})`;
  return { match, tsquery, terms, prefixes };
}
