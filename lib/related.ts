// "Related stories": a pure ranking, documented here and tested by hand-built cases
// (tests/unit/related.test.ts).
//
// 1. Explicit links (`related:` in the frontmatter) come first, in the editor's order.
// 2. Then articles sharing entities, each shared entity weighted by its rarity:
//    weight = ln(1 + N / df), N = public articles, df = articles about that entity. An article
//    sharing "Ikoula" (a few articles) says more than one sharing "Numergy" (most of them).
// 3. Closeness in time adds at most TIME_WEIGHT, halving every HALF_LIFE_DAYS of distance; it
//    orders articles sharing as much, and alone it ranks articles of the same period last.
// The reason shown to readers names the rarest shared entities, or the period.

export const TIME_WEIGHT = 0.5;
export const HALF_LIFE_DAYS = 180;

export interface RelatedEntity {
  slug: string;
  name: string;
}

export interface RelatedCandidate {
  slug: string;
  title: string;
  /** First day covered by the article's date (YYYY-MM-DD). */
  dateStart: string;
  entities: RelatedEntity[];
}

export interface RelatedTarget {
  slug: string;
  dateStart: string;
  entities: RelatedEntity[];
  /** Slugs listed in `related:`, in order. */
  explicit: string[];
}

export interface RankedStory {
  slug: string;
  title: string;
  reason: string;
  score: number;
}

export interface RankOptions {
  /** Number of public articles about each entity (df). */
  articleCounts: ReadonlyMap<string, number>;
  totalArticles: number;
  limit?: number;
  /** French label of a date, for "publié à la même période (…)". */
  formatDate?: (dateStart: string) => string;
}

const DAY_MS = 86_400_000;

export function rarityWeight(df: number, total: number): number {
  return Math.log(1 + total / Math.max(1, df));
}

export function timeCloseness(a: string, b: string): number {
  const days = Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS;
  return TIME_WEIGHT * 0.5 ** (days / HALF_LIFE_DAYS);
}

/** "Bull", "Bull et Ikoula", "Bull, Ikoula et Gandi". */
export function frenchList(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} et ${names.at(-1)}`;
}

export function rankRelated(target: RelatedTarget, candidates: RelatedCandidate[], options: RankOptions): RankedStory[] {
  const limit = options.limit ?? 6;
  const formatDate = options.formatDate ?? ((d: string) => d.slice(0, 7));
  const targetEntities = new Set(target.entities.map((e) => e.slug));
  const weight = (slug: string) => rarityWeight(options.articleCounts.get(slug) ?? 1, options.totalArticles);
  const seen = new Set<string>([target.slug]);
  const ranked: RankedStory[] = [];

  const bySlug = new Map(candidates.map((c) => [c.slug, c]));
  target.explicit.forEach((slug, index) => {
    const candidate = bySlug.get(slug);
    if (!candidate || seen.has(slug)) return;
    seen.add(slug);
    ranked.push({ slug, title: candidate.title, reason: "lien choisi par la rédaction", score: Number.MAX_SAFE_INTEGER - index });
  });

  const scored = candidates
    .filter((c) => !seen.has(c.slug))
    .map((c) => {
      const shared = c.entities.filter((e) => targetEntities.has(e.slug)).map((e) => ({ ...e, weight: weight(e.slug) }));
      const entityScore = shared.reduce((sum, e) => sum + e.weight, 0);
      const score = entityScore + timeCloseness(c.dateStart, target.dateStart);
      return { slug: c.slug, title: c.title, reason: relatedReason(shared, c.dateStart, formatDate), score };
    })
    .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));

  return [...ranked, ...scored].slice(0, limit);
}

/** The reason shown to readers: the rarest shared entities (at most three), or the period. */
export function relatedReason(shared: (RelatedEntity & { weight: number })[], dateStart: string, formatDate: (dateStart: string) => string): string {
  if (shared.length === 0) return `publié à la même période (${formatDate(dateStart)})`;
  const names = [...shared].sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name)).map((e) => e.name);
  return `également sur ${frenchList(names.slice(0, 3))}${names.length > 3 ? "…" : ""}`;
}

// ---------------------------------------------------------------------------------------------
// The same ranking over a whole corpus, for the ingest (lib/ingest/derived.ts), which stores each
// article's related stories. Ranking every article against every other is quadratic, so each
// article's candidates are gathered from a bounded neighbourhood, then scored exactly as above:
// - its explicit links;
// - for each of its entities, the WINDOW articles about it on each side in date order (all of
//   them for an entity with fewer than 2 × WINDOW + 1 articles: the rare entities, which weigh most,
//   are always complete);
// - its NEIGHBOURS articles on each side in date order (the "same period" candidates).
// The cost per article depends on its number of entities, not on the size of the corpus.

export const WINDOW = 24;
export const NEIGHBOURS = 6;

export interface GraphArticle {
  id: number;
  slug: string;
  title?: string;
  /** YYYY-MM-DD */
  dateStart: string;
}

/** Every public article, in date order (dateStart, then id), with its entities and links. */
export interface RelatedGraph {
  size: number;
  ids: Int32Array;
  slugs: string[];
  dates: string[];
  /** dateStart in days since 1970, for the time closeness. */
  days: Float64Array;
  /** Entities of the article at position p: entityOf[entityStart[p] .. entityStart[p + 1]). */
  entityStart: Uint32Array;
  entityOf: Uint32Array;
  /** For each entity, the positions of its articles, ascending (so in date order). */
  postings: Uint32Array[];
  weight: Float64Array;
  entities: RelatedEntity[];
  /** Explicit links (public targets only), by position, in the order given. */
  explicit: Map<number, number[]>;
  positionOf: Map<number, number>;
  /** Scratch space of candidatePositions (a mark per position, and the current mark). */
  mark: Int32Array;
  stamp: number;
}

export function buildRelatedGraph(
  articles: GraphArticle[],
  links: Iterable<readonly [articleId: number, entityId: number]>,
  entities: (RelatedEntity & { id: number })[],
  explicitLinks: Iterable<readonly [fromId: number, toId: number]>,
): RelatedGraph {
  const sorted = [...articles].sort((a, b) => (a.dateStart < b.dateStart ? -1 : a.dateStart > b.dateStart ? 1 : a.id - b.id));
  const size = sorted.length;
  const positionOf = new Map(sorted.map((a, p) => [a.id, p]));
  const entityIndex = new Map(entities.map((e, i) => [e.id, i]));
  const perArticle: number[][] = Array.from({ length: size }, () => []);
  const df = new Uint32Array(entities.length);
  for (const [articleId, entityId] of links) {
    const p = positionOf.get(articleId);
    const e = entityIndex.get(entityId);
    if (p === undefined || e === undefined) continue;
    perArticle[p]!.push(e);
    df[e]! += 1;
  }
  const entityStart = new Uint32Array(size + 1);
  const entityOf = new Uint32Array(perArticle.reduce((n, list) => n + list.length, 0));
  const postings = Array.from(df, (n) => new Uint32Array(n));
  const filled = new Uint32Array(entities.length);
  let offset = 0;
  perArticle.forEach((list, p) => {
    entityStart[p] = offset;
    for (const e of list) {
      entityOf[offset++] = e;
      postings[e]![filled[e]!++] = p;
    }
  });
  entityStart[size] = offset;
  const explicit = new Map<number, number[]>();
  for (const [fromId, toId] of explicitLinks) {
    const from = positionOf.get(fromId);
    const to = positionOf.get(toId);
    if (from === undefined || to === undefined) continue;
    explicit.set(from, [...(explicit.get(from) ?? []), to]);
  }
  return {
    size,
    ids: Int32Array.from(sorted, (a) => a.id),
    slugs: sorted.map((a) => a.slug),
    dates: sorted.map((a) => a.dateStart),
    days: Float64Array.from(sorted, (a) => Date.parse(a.dateStart) / DAY_MS),
    entityStart,
    entityOf,
    postings,
    weight: Float64Array.from(df, (n) => rarityWeight(n, size)),
    entities: entities.map(({ slug, name }) => ({ slug, name })),
    explicit,
    positionOf,
    mark: new Int32Array(size),
    stamp: 0,
  };
}

/** The first index of `list` (ascending) holding a value ≥ `value`. */
function lowerBound(list: Uint32Array, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface NeighbourhoodOptions {
  window?: number;
  neighbours?: number;
}

/** Positions whose candidates may include position p: the same neighbourhood, seen from p. */
export function neighbourhood(graph: RelatedGraph, p: number, options: NeighbourhoodOptions = {}): Set<number> {
  return new Set(candidatePositions(graph, p, options));
}

/** The candidates of position p (without p), each once, using the graph's scratch marks. */
function candidatePositions(graph: RelatedGraph, p: number, options: NeighbourhoodOptions): number[] {
  const window = options.window ?? WINDOW;
  const neighbours = options.neighbours ?? NEIGHBOURS;
  const mark = graph.mark;
  const stamp = ++graph.stamp;
  mark[p] = stamp;
  const found: number[] = [];
  const take = (q: number) => {
    if (mark[q] !== stamp) {
      mark[q] = stamp;
      found.push(q);
    }
  };
  for (let q = Math.max(0, p - neighbours); q <= Math.min(graph.size - 1, p + neighbours); q++) take(q);
  for (let k = graph.entityStart[p]!; k < graph.entityStart[p + 1]!; k++) {
    const list = graph.postings[graph.entityOf[k]!]!;
    const i = lowerBound(list, p);
    for (let j = Math.max(0, i - window); j < Math.min(list.length, i + window + 1); j++) take(list[j]!);
  }
  return found;
}

export interface StoredStory {
  /** Position of the related article in the graph. */
  position: number;
  score: number;
  reason: string;
}

export interface GraphRankOptions extends NeighbourhoodOptions {
  limit?: number;
  formatDate?: (dateStart: string) => string;
}

/** The related stories of the article at position p, ranked as rankRelated ranks them. */
export function relatedInGraph(graph: RelatedGraph, p: number, options: GraphRankOptions = {}): StoredStory[] {
  const limit = options.limit ?? 6;
  const formatDate = options.formatDate ?? ((d: string) => d.slice(0, 7));
  const ranked: StoredStory[] = [];
  const seen = new Set<number>([p]);
  (graph.explicit.get(p) ?? []).forEach((q, index) => {
    if (seen.has(q)) return;
    seen.add(q);
    ranked.push({ position: q, score: Number.MAX_SAFE_INTEGER - index, reason: "lien choisi par la rédaction" });
  });
  const own = new Set<number>();
  for (let k = graph.entityStart[p]!; k < graph.entityStart[p + 1]!; k++) own.add(graph.entityOf[k]!);
  // The best `room` candidates, kept sorted (score desc, then slug) by insertion: cheaper than
  // sorting a few hundred candidates to keep six.
  const room = Math.max(0, limit - ranked.length);
  const best: { position: number; score: number }[] = [];
  const before = (a: { position: number; score: number }, b: { position: number; score: number }) =>
    a.score > b.score || (a.score === b.score && graph.slugs[a.position]!.localeCompare(graph.slugs[b.position]!) < 0);
  for (const q of room === 0 ? [] : candidatePositions(graph, p, options)) {
    if (seen.has(q)) continue;
    let entityScore = 0;
    for (let k = graph.entityStart[q]!; k < graph.entityStart[q + 1]!; k++) {
      const e = graph.entityOf[k]!;
      if (own.has(e)) entityScore += graph.weight[e]!;
    }
    // Summed in rankRelated's order, so that equal inputs give equal floating-point scores.
    const candidate = { position: q, score: entityScore + TIME_WEIGHT * 0.5 ** (Math.abs(graph.days[q]! - graph.days[p]!) / HALF_LIFE_DAYS) };
    if (best.length === room && !before(candidate, best[room - 1]!)) continue;
    let i = best.length === room ? room - 1 : best.length;
    while (i > 0 && before(candidate, best[i - 1]!)) {
      best[i] = best[i - 1]!;
      i -= 1;
    }
    best[i] = candidate;
  }
  for (const { position, score } of best) {
    const shared: (RelatedEntity & { weight: number })[] = [];
    for (let k = graph.entityStart[position]!; k < graph.entityStart[position + 1]!; k++) {
      const e = graph.entityOf[k]!;
      if (own.has(e)) shared.push({ ...graph.entities[e]!, weight: graph.weight[e]! });
    }
    ranked.push({ position, score, reason: relatedReason(shared, graph.dates[position]!, formatDate) });
  }
  return ranked.slice(0, limit);
}
