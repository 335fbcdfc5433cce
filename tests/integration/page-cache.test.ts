import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngestCli } from "@/lib/ingest/cli";
import { buildIfNeeded } from "../../scripts/build-if-needed.mjs";
import { createTestDatabase } from "../support/backends";
import { articleMarkdown, writeContent } from "../support/content";
import { type RunningServer, startServer } from "../../scripts/serve-process";
import { tempDir } from "../support/temp";

// The public pages' cache in front of Next.js (scripts/serve.ts, lib/http/page-cache.ts), on the
// real production build and a SQLite database: a page is rendered once per content generation,
// served from memory after that, revalidated by ETag, and never served stale after an ingest.

describe("the public pages' cache", () => {
  const database = createTestDatabase("sqlite");
  const tmp = tempDir();
  const content = path.join(tmp.dir, "content");
  let server: RunningServer;
  const ingest = async () => {
    const out: string[] = [];
    const code = await runIngestCli(["--dir", content], { out: (l) => out.push(l), err: (l) => out.push(l) }, database.url);
    return { code, out };
  };
  const get = (url: string, headers: Record<string, string> = {}) => fetch(`${server.base}${url}`, { headers });

  beforeAll(async () => {
    expect(buildIfNeeded()).toBe(0);
    writeContent(content, "articles", "premier", articleMarkdown({ title: "Premier état", body: "Le cloud souverain." }));
    expect((await ingest()).code).toBe(0);
    server = await startServer({ DATABASE_URL: database.url });
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
    await database.drop();
    tmp.cleanup();
  });

  it("renders a page once, then serves it from memory with validators a browser or CDN can keep", async () => {
    const first = await get("/articles/premier");
    expect(first.status).toBe(200);
    const body = await first.text();
    expect(body).toContain("Premier état");
    const second = await get("/articles/premier");
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(await second.text()).toBe(body);
    expect(second.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(second.headers.get("vary")).toMatch(/Accept-Encoding/);
    expect(second.headers.get("vary")).toMatch(/RSC/);
    // The security headers travel with the stored page.
    expect(second.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(second.headers.get("x-frame-options")).toBe("DENY");

    const etag = second.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const revalidated = await get("/articles/premier", { "if-none-match": etag! });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
  });

  it("stores the compressed forms once and answers each client in what it accepts", async () => {
    const raw = await fetch(`${server.base}/articles/premier`, { headers: { "accept-encoding": "gzip" } });
    // fetch decodes on its own: ask node's http for the bytes instead.
    expect(raw.headers.get("content-encoding")).toBe("gzip");
    const http = await import("node:http");
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      http.get(`${server.base}/articles/premier`, { headers: { "accept-encoding": "gzip;q=1, br;q=0" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve(Buffer.concat(chunks)));
        res.on("error", reject);
      });
    });
    expect(gunzipSync(bytes).toString("utf8")).toContain("Premier état");
    const identity = await get("/articles/premier", { "accept-encoding": "identity" });
    expect(identity.headers.get("content-encoding")).toBeNull();
    expect(await identity.text()).toContain("Premier état");
  });

  it("answers HEAD from the stored page without a body", async () => {
    const head = await fetch(`${server.base}/articles/premier`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("x-cache")).toBe("HIT");
    expect(await head.text()).toBe("");
  });

  it("is never stale: the first request after an ingest renders the new content", async () => {
    const before = await get("/articles/premier");
    const etag = before.headers.get("etag")!;
    writeContent(content, "articles", "premier", articleMarkdown({ title: "Premier corrigé", body: "Le cloud souverain." }));
    expect((await ingest()).out).toEqual(["0 added, 1 updated, 0 removed, 0 unchanged"]);
    // The browser's copy no longer validates.
    const after = await get("/articles/premier", { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("x-cache")).toBe("MISS");
    const text = await after.text();
    expect(text).toContain("Premier corrigé");
    expect(text).not.toContain("Premier état");
    expect(after.headers.get("etag")).not.toBe(etag);
    // The list pages are keyed by the same generation.
    expect(await (await get("/articles")).text()).toContain("Premier corrigé");
  });

  it("keeps neither API answers, error pages nor React Server Component payloads", async () => {
    const api = await get("/api/articles/premier");
    expect(api.status).toBe(200);
    expect(api.headers.get("x-cache")).toBeNull();

    for (let i = 0; i < 2; i++) {
      const missing = await get("/articles/n-existe-pas");
      expect(missing.status).toBe(404);
      expect(missing.headers.get("x-cache")).toBeNull();
    }

    const rsc = await get("/articles/premier", { rsc: "1" });
    expect(rsc.status).toBe(200);
    expect(rsc.headers.get("x-cache")).toBeNull();
    expect(rsc.headers.get("content-type")).toMatch(/text\/x-component/);
  });

  it("renders a page once for many concurrent first readers", async () => {
    writeContent(content, "articles", "second", articleMarkdown({ title: "Second", body: "Le mot zanzibar." }));
    expect((await ingest()).code).toBe(0);
    const answers = await Promise.all(Array.from({ length: 16 }, () => get("/articles/second")));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const states = answers.map((a) => a.headers.get("x-cache"));
    expect(states.filter((s) => s === "MISS")).toHaveLength(1);
    const bodies = new Set(await Promise.all(answers.map((a) => a.text())));
    expect(bodies.size).toBe(1);
  });
});
