import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ZArticleDetail, ZArticleList, ZEntityDetail, ZSourceList, ZTimeline } from "@/lib/api/schemas";
import { runIngestCli } from "@/lib/ingest/cli";
import { ARCHIVE_ARTICLE_COUNT } from "../support/archive";

// The researchers' API on the real content: unknown filters, sources, export as JSON Lines, and
// the OpenAPI description checked against the routes and against real answers.

const { dir, dbUrl } = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/andromede-api-${process.pid}-${Date.now()}`;
  const dbUrl = `file:${dir}/api.db`;
  process.env.DATABASE_URL = dbUrl;
  return { dir, dbUrl };
});

const routes = {
  articles: () => import("@/app/api/articles/route"),
  article: () => import("@/app/api/articles/[slug]/route"),
  entity: () => import("@/app/api/entities/[slug]/route"),
  timeline: () => import("@/app/api/timeline/route"),
  sources: () => import("@/app/api/sources/route"),
  exportRoute: () => import("@/app/api/export/route"),
  openapi: () => import("@/app/api/openapi.json/route"),
};
const get = async (route: { GET: (r: Request) => Promise<Response> | Response }, url: string) => route.GET(new Request(`http://x${url}`));

beforeAll(async () => {
  expect(await runIngestCli(["--dir", "content"], { out: () => {}, err: (l) => console.error(l) }, dbUrl)).toBe(0);
}, 60_000);
afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("filters that name nothing", () => {
  it("an unknown entity is a 400 naming it, with the closest slugs", async () => {
    const response = await get(await routes.articles(), "/api/articles?entity=numergie&entity=orange");
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("unknown_filter");
    expect(error.message).toBe('unknown entity "numergie" (did you mean "numergy"?)');
    expect(error.issues).toEqual([{ path: "entity", message: error.message }]);
  });

  it("an unknown source is a 400 too, in exports and feeds alike", async () => {
    const response = await get(await routes.articles(), "/api/articles?source=Securite%20Clou");
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe('unknown source "Securite Clou" (did you mean "SécuritéCloud"?)');
    expect((await get(await routes.exportRoute(), "/api/export?format=csv&entity=inconnue")).status).toBe(400);
    const { GET: atom } = await import("@/app/feed.xml/route");
    expect((await atom(new Request("http://x/feed.xml?source=Le%20Monde"))).status).toBe(400);
  });

  it("the timeline rejects an unknown entity the same way", async () => {
    const response = await get(await routes.timeline(), "/api/timeline?entity=cloudwat");
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe('unknown entity "cloudwat" (did you mean "cloudwatt" or "cloudwatt-box"?)');
  });

  it("a source matches whatever its case and accents", async () => {
    for (const source of ["securitecloud", "SÉCURITÉCLOUD", "SécuritéCloud"]) {
      const list = await (await get(await routes.articles(), `/api/articles?source=${encodeURIComponent(source)}`)).json();
      expect(list.items.map((i: { slug: string }) => i.slug)).toEqual(["numergy-c-est-fini"]);
    }
  });
});

describe("GET /api/sources", () => {
  it("lists every publication with its number of articles", async () => {
    const body = ZSourceList.parse(await (await (await routes.sources()).GET()).json());
    expect(body.sources).toContainEqual({ name: "ChannelBP", articleCount: 6 });
    expect(body.sources).toContainEqual({ name: "SécuritéCloud", articleCount: 1 });
    expect(body.sources.reduce((n, s) => n + s.articleCount, 0)).toBe(ARCHIVE_ARTICLE_COUNT);
  });
});

describe("export as JSON Lines", () => {
  it("gives the archived text of full texts only, one article per line", async () => {
    const response = await get(await routes.exportRoute(), "/api/export?format=jsonl&sort=oldest");
    expect(response.headers.get("content-type")).toBe("application/jsonl; charset=utf-8");
    const lines = (await response.text()).trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(ARCHIVE_ARTICLE_COUNT);
    const withText = lines.filter((l) => typeof l.bodyMarkdown === "string");
    expect(withText.map((l) => l.slug).sort()).toEqual(lines.filter((l) => l.fulltext).map((l) => l.slug).sort());
    expect(withText).toHaveLength(5);
    expect(lines.find((l) => l.slug === "cloud-souverain-deux-ans-apres").bodyMarkdown).toContain("## D'Andromède à Orthos");
  });
});

describe("GET /api/openapi.json", () => {
  /** The routes under app/api, as OpenAPI paths ([slug] → {slug}); the catch-all is not an endpoint. */
  function appRoutes(base = "app/api", prefix = "/api"): string[] {
    return readdirSync(base).flatMap((name) => {
      const full = path.join(base, name);
      if (!statSync(full).isDirectory()) return name === "route.ts" ? [prefix] : [];
      if (name.startsWith("[...")) return [];
      return appRoutes(full, `${prefix}/${name.replace(/^\[(.+)\]$/, "{$1}")}`);
    });
  }

  it("describes exactly the routes of app/api", async () => {
    const doc = await (await (await routes.openapi()).GET()).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual(appRoutes().sort());
    expect(doc.paths["/api/articles"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["q", "entity", "source", "from", "to", "sort", "page", "pageSize"]),
    );
    expect(doc.paths["/api/export"].get.parameters[0].schema.enum).toContain("jsonl");
  });

  it("matches real answers: the schemas it is generated from accept them", async () => {
    ZArticleList.parse(await (await get(await routes.articles(), "/api/articles?q=numergy")).json());
    const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
    ZArticleDetail.parse(await (await (await routes.article()).GET(new Request("http://x"), params("numergy-bilan-pas-accablant"))).json());
    ZArticleDetail.parse(await (await (await routes.article()).GET(new Request("http://x"), params("la-fin-du-cloud-souverain"))).json());
    ZEntityDetail.parse(await (await (await routes.entity()).GET(new Request("http://x"), params("numergy"))).json());
    ZTimeline.parse(await (await get(await routes.timeline(), "/api/timeline")).json());
  });
});
