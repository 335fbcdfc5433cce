import { describe, expect, it } from "vitest";
import { ZArticlesQuery } from "@/lib/api/query";
import { buildMemoryIndex, evaluate, type IndexRows } from "@/lib/search/memory-index";
import { toWordHits, topRanked, WordHitsCache, type WordHits } from "@/lib/search/word-hits";
import { prng } from "../../scripts/bench-corpus";

// The top-k selection over cached word hits must give exactly what exhaustive ranking gives (sort
// every match by rank, then smaller id, filter, slice), ties included; the facet pass over the
// candidates only must count exactly what the pass over every article counts.

const SOURCES = ["Le Monde", "Les Echos", "ZDNet", "LeMagIT"];
const ENTITIES = ["numergy", "cloudwatt", "orange", "sfr", "ikoula"];

function corpus(size: number, seed: number): IndexRows {
  const rand = prng(seed);
  const articles: IndexRows["articles"] = [];
  const links: [number, number][] = [];
  for (let i = 0; i < size; i++) {
    // Ids with gaps and out of date order, as after edits and removals.
    const id = 3 * i + 1 + Math.floor(rand() * 2);
    const year = 2010 + Math.floor(rand() * 7);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, "0");
    articles.push({ id, slug: `a-${id}`, source: SOURCES[Math.floor(rand() * SOURCES.length)]!, dateStart: `${year}-${month}-01`, dateEnd: `${year}-${month}-28` });
    for (let e = 0; e < ENTITIES.length; e++) if (rand() < 0.15 + 0.1 * e) links.push([id, e + 1]);
  }
  return { articles, links, entities: ENTITIES.map((slug, i) => ({ id: i + 1, slug, name: slug.toUpperCase(), kind: "company" })) };
}

const rows = corpus(3000, 13);
const index = buildMemoryIndex(rows, "g1");

/** A word query matching a share of the articles, with ranks drawn from few values (many ties). */
function matchesOf(seed: number, share: number, distinctRanks: number) {
  const rand = prng(seed);
  const ids: number[] = [];
  const ranks: number[] = [];
  for (const a of rows.articles) {
    if (rand() < share) {
      ids.push(a.id);
      ranks.push(-Math.floor(rand() * distinctRanks) / 7);
    }
  }
  // An id the memory index does not know (made public after it was built) is ignored.
  ids.push(999_999);
  ranks.push(-1000);
  return { ids, ranks };
}

function exhaustive(hits: WordHits, keep: (p: number) => boolean, offset: number, limit: number): number[] {
  const all = Array.from(hits.positions.keys()).filter((i) => keep(hits.positions[i]!));
  all.sort((a, b) => hits.ranks![a]! - hits.ranks![b]! || index.ids[hits.positions[a]!]! - index.ids[hits.positions[b]!]!);
  return all.slice(offset, offset + limit).map((i) => index.ids[hits.positions[i]!]!);
}

const query = (params: Record<string, string | string[]>) => ZArticlesQuery.parse({ q: "x", ...params });

describe("top-k over word hits", () => {
  it.each([
    [0.9, 3],
    [0.5, 40],
    [0.02, 2],
    [0.3, 100_000],
  ])("matches exhaustive ranking for a word in %s of the articles (%s distinct ranks), with and without filters", (share, distinct) => {
    const hits = toWordHits(index, matchesOf(Math.round(share * 1000) + distinct, share, distinct));
    expect(hits.positions.length).toBeGreaterThan(0);
    const filters: Record<string, string | string[]>[] = [{}, { entity: ["orange"] }, { entity: ["orange", "ikoula"], from: "2012", to: "2014-06" }, { source: "zdnet" }];
    for (const params of filters) {
      const { matches, total } = evaluate(index, query(params), hits.hits, hits.positions);
      for (const [offset, limit] of [
        [0, 1],
        [0, 20],
        [20, 20],
        [180, 20],
        [0, 5000],
        [0, Infinity],
      ] as const) {
        const got = topRanked(hits, index.ids, matches, offset + limit)
          .slice(offset)
          .map((p) => index.ids[p]!);
        expect(got).toEqual(exhaustive(hits, matches, offset, limit));
      }
      expect(topRanked(hits, index.ids, matches, Infinity)).toHaveLength(total);
    }
  });

  it("counts the same total and facets walking the candidates as walking every article", () => {
    const hits = toWordHits(index, matchesOf(7, 0.4, 10));
    const filters: Record<string, string | string[]>[] = [{}, { entity: ["sfr"] }, { entity: ["ikoula", "numergy"], source: "Le Monde" }, { entity: ["unknown"] }, { from: "2013", to: "2013" }];
    for (const params of filters) {
      for (const words of [hits, null]) {
        const q = query(params);
        const fast = evaluate(index, q, words?.hits ?? null, words?.positions ?? null);
        const full = evaluate(index, q, words?.hits ?? null);
        expect(fast.total).toBe(full.total);
        expect(fast.facets).toEqual(full.facets);
      }
    }
  });
});

describe("word hits cache", () => {
  const entry = (bytes: number): WordHits => ({ positions: new Uint32Array(0), ranks: null, hits: new Uint8Array(0), bytes });

  it("returns entries of its generation only, and forgets the others", () => {
    const cache = new WordHitsCache(1000);
    cache.set("g1", "a", entry(10));
    expect(cache.get("g1", "a")).toBeDefined();
    expect(cache.get("g2", "a")).toBeUndefined();
    cache.set("g2", "b", entry(10));
    expect(cache.get("g1", "a")).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it("drops the least recently used past its budget, and never keeps an entry larger than the budget", () => {
    const cache = new WordHitsCache(100);
    cache.set("g", "a", entry(40));
    cache.set("g", "b", entry(40));
    cache.get("g", "a");
    cache.set("g", "c", entry(40));
    expect(cache.get("g", "b")).toBeUndefined();
    expect(cache.get("g", "a")).toBeDefined();
    expect(cache.get("g", "c")).toBeDefined();
    cache.set("g", "huge", entry(101));
    expect(cache.get("g", "huge")).toBeUndefined();
  });
});
