import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";

// The public pages' cache (scripts/serve.ts puts it in front of Next.js).
//
// Every public page is a function of the database's content and nothing else: no cookie, no user,
// no time. Its rendering is therefore kept, keyed by the request's path and query, and by the
// content generation (lib/search/generation.ts), which every ingest and every save renews in the
// same transaction as its writes. Each request reads the current generation from the database
// (a primary-key read, microseconds on SQLite): an entry of another generation is never served,
// so a page is never stale after a change, and nothing is re-rendered while nothing changed.
//
// Stored once per entry: the identity body, its gzip and, for text, its Brotli form; an ETag of
// generation + body, so that browsers and CDNs may keep the page and revalidate it for a 304
// (`Cache-Control: public, max-age=0, must-revalidate`). Bounded in bytes, least recently used first.

export interface CachedPage {
  status: number;
  headers: Record<string, string>;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
  generation: string;
  bytes: number;
}

/** Paths whose answers never go through the cache (writes, private areas, Next's own assets). */
const BYPASS = /^\/(?:api|admin|_next)(?:\/|$)/;
/** Content types worth keeping: pages, feeds, sitemap, robots. */
const CACHEABLE_TYPE = /^(?:text\/html|application\/(?:atom\+xml|rss\+xml|feed\+json|json|xml)|text\/(?:xml|plain))\b/i;
/** Request headers that make Next answer something other than the page (React Server Component payloads). */
const VARYING_REQUEST_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-url"];
/** Response headers the cache sets itself, or that belong to one connection. */
const DROPPED_RESPONSE_HEADERS = new Set([
  "cache-control",
  "connection",
  "content-encoding",
  "content-length",
  "date",
  "etag",
  "keep-alive",
  "transfer-encoding",
  "vary",
]);
export const CACHE_CONTROL = "public, max-age=0, must-revalidate";
/** Longest URL kept (longer ones are answered, not cached). */
const MAX_KEY_LENGTH = 2048;

/** The cache key of a request, or null when it must go straight to Next. */
export function cacheKey(method: string | undefined, url: string | undefined, headers: Record<string, string | string[] | undefined>): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  if (!url || url.length > MAX_KEY_LENGTH || !url.startsWith("/")) return null;
  const path = url.split("?", 1)[0]!;
  if (BYPASS.test(path)) return null;
  if (/[?&]_rsc=/.test(url)) return null;
  for (const name of VARYING_REQUEST_HEADERS) if (headers[name] !== undefined) return null;
  // Draft previews and any future signed-in view are per person: never shared.
  if (headers.authorization !== undefined) return null;
  return url;
}

/** Whether a response of Next may be kept for every reader. */
export function isShareable(status: number, headers: Record<string, string | string[] | undefined>): boolean {
  if (status !== 200) return false;
  if (headers["set-cookie"] !== undefined) return false;
  const type = headers["content-type"];
  return typeof type === "string" && CACHEABLE_TYPE.test(type);
}

export function buildEntry(generation: string, status: number, rawHeaders: Record<string, string | string[] | undefined>, body: Buffer): CachedPage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawHeaders)) {
    if (value === undefined || DROPPED_RESPONSE_HEADERS.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const gzip = gzipSync(body, { level: 6 });
  const br = brotliCompressSync(body, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  const digest = createHash("sha1").update(generation).update("\0").update(body).digest("base64url").slice(0, 22);
  return {
    status,
    headers,
    identity: body,
    gzip,
    br,
    etag: `"${digest}"`,
    generation,
    bytes: body.length + gzip.length + br.length + 512,
  };
}

export type Encoding = "br" | "gzip" | "identity";

/** The best encoding the client accepts among those stored (q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : (acceptEncoding ?? "");
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return "identity";
}

/** Whether If-None-Match names this entry's ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const header = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(",") : ifNoneMatch;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/** A least-recently-used map bounded by the bytes of its entries. */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private used = 0;

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.used;
  }

  /** The entry for this key in this generation; entries of other generations are dropped on sight. */
  get(key: string, generation: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.generation !== generation) {
      this.used -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: CachedPage): void {
    if (entry.bytes > this.maxBytes / 4) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.used -= previous.bytes;
    }
    this.entries.set(key, entry);
    this.used += entry.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= old.bytes;
    }
  }
}
