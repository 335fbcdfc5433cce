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
      const shared = c.entities.filter((e) => targetEntities.has(e.slug)).sort((a, b) => weight(b.slug) - weight(a.slug) || a.name.localeCompare(b.name));
      const entityScore = shared.reduce((sum, e) => sum + weight(e.slug), 0);
      const score = entityScore + timeCloseness(c.dateStart, target.dateStart);
      const reason =
        shared.length > 0
          ? `également sur ${frenchList(shared.slice(0, 3).map((e) => e.name))}${shared.length > 3 ? "…" : ""}`
          : `publié à la même période (${formatDate(c.dateStart)})`;
      return { slug: c.slug, title: c.title, reason, score };
    })
    .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));

  return [...ranked, ...scored].slice(0, limit);
}
