import type { MemoryIndex } from "./memory-index";

// What the full-text index says about one query, kept in memory per content generation: the
// positions (in the memory index) of every public article containing the words, a bitmap of them
// for the facet pass, and, once a relevance order was asked for, the backend's own rank of each
// (FTS5 bm25 on SQLite, ts_rank on PostgreSQL). A repeated query, its next pages, or the same words
// with a facet filter added then need no full-text query at all: the first page is a top-k
// selection over typed arrays (a bounded heap, one pass), not a sort, and the order is exactly the
// backend's (rank, then smaller article id), so pages, totals and facets are the same as without
// the cache.

/** What a backend's full-text index returns for a query. */
export interface WordMatches {
  /** Ids of the public articles containing the words, in any order. */
  ids: ArrayLike<number>;
  /** The rank of each (same order as `ids`): lower is better, equal ranks go by smaller id. Null when not asked. */
  ranks: ArrayLike<number> | null;
}

export interface WordHits {
  /** Memory-index positions of the matching articles. */
  positions: Uint32Array;
  /** Rank of each position above (lower is better), or null when only the set was asked for. */
  ranks: Float64Array | null;
  /** 1 at every matching position: what the facet pass reads. */
  hits: Uint8Array;
  bytes: number;
}

export function toWordHits(index: MemoryIndex, matches: WordMatches): WordHits {
  const positions = new Uint32Array(matches.ids.length);
  const ranks = matches.ranks ? new Float64Array(matches.ids.length) : null;
  const hits = new Uint8Array(index.size);
  let n = 0;
  for (let i = 0; i < matches.ids.length; i++) {
    // An article the memory index does not hold (made public by an ingest after the index was built) is left out.
    const p = index.positionOf.get(matches.ids[i]!);
    if (p === undefined) continue;
    positions[n] = p;
    if (ranks) ranks[n] = matches.ranks![i]!;
    hits[p] = 1;
    n += 1;
  }
  const kept = positions.subarray(0, n);
  const keptRanks = ranks ? ranks.subarray(0, n) : null;
  return { positions: kept, ranks: keptRanks, hits, bytes: n * (ranks ? 12 : 4) + index.size + 64 };
}

/** Whether (rank a, id a) comes before (rank b, id b) in relevance order. */
const before = (ra: number, ia: number, rb: number, ib: number) => ra < rb || (ra === rb && ia < ib);

/** Above this many results a selection is no cheaper than sorting every match. */
const HEAP_LIMIT = 2_000;

/**
 * The positions of the first `k` matches (those passing `keep`) in relevance order: rank, then
 * smaller article id. A bounded max-heap of k entries when k is small (one pass; most matches are
 * rejected by one comparison with the worst kept), a full sort otherwise (exports, deep pages).
 */
export function topRanked(hits: WordHits, ids: Int32Array, keep: (position: number) => boolean, k: number): number[] {
  const { positions, ranks } = hits;
  if (!ranks) throw new Error("topRanked needs ranks");
  if (k <= 0) return [];
  if (k > HEAP_LIMIT) {
    const kept: number[] = [];
    for (let i = 0; i < positions.length; i++) if (keep(positions[i]!)) kept.push(i);
    kept.sort((a, b) => ranks[a]! - ranks[b]! || ids[positions[a]!]! - ids[positions[b]!]!);
    const out = kept.slice(0, Number.isFinite(k) ? k : kept.length);
    return out.map((i) => positions[i]!);
  }
  // heap[0] is the worst of the best k seen so far.
  const heap = new Int32Array(k);
  let size = 0;
  const worse = (a: number, b: number) => before(ranks[b]!, ids[positions[b]!]!, ranks[a]!, ids[positions[a]!]!);
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < size && worse(heap[l]!, heap[top]!)) top = l;
      if (r < size && worse(heap[r]!, heap[top]!)) top = r;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top]!, heap[i]!];
      i = top;
    }
  };
  for (let i = 0; i < positions.length; i++) {
    if (size === k) {
      // Cheap rejection first: most matches rank below the worst kept.
      const w = heap[0]!;
      if (!before(ranks[i]!, ids[positions[i]!]!, ranks[w]!, ids[positions[w]!]!)) continue;
      if (!keep(positions[i]!)) continue;
      heap[0] = i;
      siftDown(0);
      continue;
    }
    if (!keep(positions[i]!)) continue;
    // Sift up.
    let c = size++;
    heap[c] = i;
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (!worse(heap[c]!, heap[parent]!)) break;
      [heap[c], heap[parent]] = [heap[parent]!, heap[c]!];
      c = parent;
    }
  }
  const out = Array.from(heap.subarray(0, size));
  out.sort((a, b) => ranks[a]! - ranks[b]! || ids[positions[a]!]! - ids[positions[b]!]!);
  return out.map((i) => positions[i]!);
}

/**
 * The word hits of recent queries, for one content generation, least recently used dropped first
 * past `budgetBytes`. Entries of another generation are never returned: the first request of a new
 * generation empties the cache.
 */
export class WordHitsCache {
  private generation = "";
  private entries = new Map<string, WordHits>();
  private bytes = 0;

  constructor(private readonly budgetBytes: number) {}

  get(generation: string, key: string): WordHits | undefined {
    if (generation !== this.generation) return undefined;
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(generation: string, key: string, entry: WordHits): void {
    if (generation !== this.generation) {
      this.entries.clear();
      this.bytes = 0;
      this.generation = generation;
    }
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.entries.delete(key);
    }
    if (entry.bytes > this.budgetBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
