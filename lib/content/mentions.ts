import { foldSameLength } from "../search/text";

// Entity mentions: names and aliases found in an article's text, ignoring case and accents, as
// whole words (never inside another word), the longest name first ("Dassault Systèmes" before
// "Dassault"). One regular expression over a folded copy of the text finds them all in one pass.

export interface EntityNames {
  slug: string;
  /** The name first, then the aliases. */
  names: string[];
  /**
   * Names matched only as written (case and accents kept; any apostrophe, any spacing): for a name
   * that is an ordinary word in lower case, such as "l'État" (the State) against "l'état" (a state).
   */
  exact?: string[];
}

export interface Mention {
  slug: string;
  count: number;
  /** Offsets of each occurrence in the text. */
  positions: number[];
}

export interface MentionMatcher {
  regex: RegExp | null;
  slugOf: Map<string, string>;
  /** Case- and accent-sensitive names, matched on the original text. */
  exactRegex: RegExp | null;
  exactSlugOf: Map<string, string>;
}

/** The names of an entity as stored (aliases as JSON arrays), for the matcher. */
export function entityNames(row: { slug: string; name: string; aliases: string; exactAliases: string }): EntityNames {
  return { slug: row.slug, names: [row.name, ...(JSON.parse(row.aliases) as string[])], exact: JSON.parse(row.exactAliases) as string[] };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const normaliseKey = (folded: string) => folded.replace(/\s+/g, " ").trim();
/** Exact names: only the apostrophe and the spacing may vary. */
const exactKey = (name: string) => name.replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();

/** One alternation of whole-word names, the longest first. */
function wordsRegex(keys: Iterable<string>, flags: string): RegExp {
  const alternatives = [...keys]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((key) => key.split(" ").map((word) => escapeRegExp(word).replace(/'/g, "['’‘]")).join("\\s+"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, flags);
}

export function compileMatcher(entities: EntityNames[]): MentionMatcher {
  const slugOf = new Map<string, string>();
  const exactSlugOf = new Map<string, string>();
  for (const entity of entities) {
    for (const name of entity.names) {
      const key = normaliseKey(foldSameLength(name));
      if (key && !slugOf.has(key)) slugOf.set(key, entity.slug);
    }
    for (const name of entity.exact ?? []) {
      const key = exactKey(name);
      if (key && !exactSlugOf.has(key)) exactSlugOf.set(key, entity.slug);
    }
  }
  return {
    regex: slugOf.size === 0 ? null : wordsRegex(slugOf.keys(), "gu"),
    slugOf,
    exactRegex: exactSlugOf.size === 0 ? null : wordsRegex(exactSlugOf.keys(), "gu"),
    exactSlugOf,
  };
}

type Occurrence = { slug: string; start: number; end: number };

function* occurrences(matcher: MentionMatcher, text: string): Generator<Occurrence> {
  const found: Occurrence[] = [];
  if (matcher.regex) {
    for (const m of foldSameLength(text).matchAll(matcher.regex)) {
      const slug = matcher.slugOf.get(normaliseKey(m[0]));
      if (slug) found.push({ slug, start: m.index, end: m.index + m[0].length });
    }
  }
  if (matcher.exactRegex) {
    for (const m of text.matchAll(matcher.exactRegex)) {
      const slug = matcher.exactSlugOf.get(exactKey(m[0]));
      if (slug) found.push({ slug, start: m.index, end: m.index + m[0].length });
    }
  }
  if (!matcher.exactRegex) {
    yield* found;
    return;
  }
  // Both passes together: in text order, the longer of two overlapping names wins.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  let reached = 0;
  for (const occurrence of found) {
    if (occurrence.start < reached) continue;
    reached = occurrence.end;
    yield occurrence;
  }
}

export function findMentions(matcher: MentionMatcher, text: string): Mention[] {
  const bySlug = new Map<string, Mention>();
  for (const { slug, start } of occurrences(matcher, text)) {
    const mention = bySlug.get(slug) ?? { slug, count: 0, positions: [] };
    mention.count += 1;
    mention.positions.push(start);
    bySlug.set(slug, mention);
  }
  return [...bySlug.values()].sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug));
}

/**
 * Links the first mention of each entity in each section (a section starts at an h2 or h3) of
 * sanitised article HTML to its entity page. Text inside links, headings, code and preformatted
 * blocks is left alone. The HTML is our own serialisation (lib/content/markdown.ts): tags are
 * well formed and text is escaped, so splitting on tags is safe.
 */
export function linkMentions(html: string, matcher: MentionMatcher, hrefOf: (slug: string) => string): string {
  if (!matcher.regex && !matcher.exactRegex) return html;
  const parts = html.split(/(<[^>]+>)/);
  let linked = new Set<string>();
  let skipDepth = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith("<")) {
      const tag = /^<(\/?)([a-z0-9]+)/i.exec(part);
      if (!tag) continue;
      const [, closing, name] = tag;
      const lower = name!.toLowerCase();
      if (!closing && (lower === "h2" || lower === "h3")) linked = new Set();
      if (["a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre"].includes(lower)) skipDepth = Math.max(0, skipDepth + (closing ? -1 : 1));
      continue;
    }
    if (skipDepth > 0 || part.trim() === "") continue;
    let out = "";
    let cursor = 0;
    for (const { slug, start, end } of occurrences(matcher, part)) {
      if (linked.has(slug)) continue;
      linked.add(slug);
      out += `${part.slice(cursor, start)}<a href="${hrefOf(slug)}" class="mention">${part.slice(start, end)}</a>`;
      cursor = end;
    }
    parts[i] = out + part.slice(cursor);
  }
  return parts.join("");
}
