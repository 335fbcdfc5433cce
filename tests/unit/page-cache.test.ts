import { describe, expect, it } from "vitest";
import { buildEntry, cacheKey, chooseEncoding, isShareable, matchesEtag, PageCache } from "@/lib/http/page-cache";

describe("which requests the page cache answers", () => {
  it("keeps public GET and HEAD pages, with their query", () => {
    expect(cacheKey("GET", "/articles/premier", {})).toBe("/articles/premier");
    expect(cacheKey("HEAD", "/search?q=cloud&page=2", {})).toBe("/search?q=cloud&page=2");
    expect(cacheKey("GET", "/feed.xml", {})).toBe("/feed.xml");
  });

  it("passes writes, the API, admin, Next's assets and RSC payloads straight through", () => {
    expect(cacheKey("POST", "/articles/premier", {})).toBeNull();
    expect(cacheKey("GET", "/api/articles", {})).toBeNull();
    expect(cacheKey("GET", "/admin", {})).toBeNull();
    expect(cacheKey("GET", "/admin/articles/x", {})).toBeNull();
    expect(cacheKey("GET", "/_next/static/chunks/a.js", {})).toBeNull();
    expect(cacheKey("GET", "/articles/premier?_rsc=abc", {})).toBeNull();
    expect(cacheKey("GET", "/articles/premier", { rsc: "1" })).toBeNull();
    expect(cacheKey("GET", "/articles/premier", { "next-router-prefetch": "1" })).toBeNull();
    expect(cacheKey("GET", "/articles/premier", { authorization: "Basic x" })).toBeNull();
    expect(cacheKey("GET", `/search?q=${"a".repeat(3000)}`, {})).toBeNull();
    expect(cacheKey("GET", "http://evil/", {})).toBeNull();
    // "/apiary" is a page, not the API.
    expect(cacheKey("GET", "/apiary", {})).toBe("/apiary");
  });

  it("keeps only 200 answers without cookies, of text types", () => {
    expect(isShareable(200, { "content-type": "text/html; charset=utf-8" })).toBe(true);
    expect(isShareable(200, { "content-type": "application/atom+xml" })).toBe(true);
    expect(isShareable(404, { "content-type": "text/html" })).toBe(false);
    expect(isShareable(307, { "content-type": "text/html" })).toBe(false);
    expect(isShareable(200, { "content-type": "text/html", "set-cookie": ["a=b"] })).toBe(false);
    expect(isShareable(200, { "content-type": "text/x-component" })).toBe(false);
    expect(isShareable(200, { "content-type": "image/png" })).toBe(false);
    expect(isShareable(200, {})).toBe(false);
  });
});

describe("negotiation and validators", () => {
  it("chooses Brotli, then gzip, then identity, honouring q=0", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("*;q=0")).toBe("identity");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding(undefined)).toBe("identity");
    expect(chooseEncoding("identity")).toBe("identity");
  });

  it("matches If-None-Match weakly, in lists and with *", () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('"x", "abc"', '"abc"')).toBe(true);
    expect(matchesEtag("*", '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });

  it("gives the same body a different ETag in another generation, and drops per-connection headers", () => {
    const body = Buffer.from("<p>page</p>");
    const a = buildEntry("g1", 200, { "content-type": "text/html", "content-length": "11", "cache-control": "no-store", "x-frame-options": "DENY" }, body);
    const b = buildEntry("g2", 200, { "content-type": "text/html" }, body);
    expect(a.etag).not.toBe(b.etag);
    expect(a.headers).toEqual({ "content-type": "text/html", "x-frame-options": "DENY" });
    expect(a.gzip.length).toBeGreaterThan(0);
    expect(a.br.length).toBeGreaterThan(0);
  });
});

describe("PageCache", () => {
  const entry = (generation: string, size: number) => buildEntry(generation, 200, { "content-type": "text/html" }, Buffer.alloc(size, 97));

  it("never returns an entry of another generation", () => {
    const cache = new PageCache(1 << 20);
    cache.set("/a", entry("g1", 100));
    expect(cache.get("/a", "g1")).toBeDefined();
    expect(cache.get("/a", "g2")).toBeUndefined();
    // … and forgets it, so its bytes are free again.
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it("stays within its byte bound, dropping the least recently used first", () => {
    const one = entry("g", 1000).bytes;
    const cache = new PageCache(one * 4 + 10);
    for (const key of ["/1", "/2", "/3", "/4"]) cache.set(key, entry("g", 1000));
    cache.get("/1", "g");
    cache.set("/5", entry("g", 1000));
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
    expect(cache.get("/2", "g")).toBeUndefined();
    expect(cache.get("/1", "g")).toBeDefined();
    expect(cache.get("/5", "g")).toBeDefined();
  });

  it("does not keep one entry larger than a quarter of its bound", () => {
    const cache = new PageCache(4000);
    cache.set("/big", entry("g", 5000));
    expect(cache.size).toBe(0);
  });
});
