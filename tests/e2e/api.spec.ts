import { expect, test } from "@playwright/test";
import { ARCHIVE_ARTICLE_COUNT } from "../support/archive";

test("GET /api/articles lists the archive newest first, in the contract's shape", async ({ request }) => {
  const response = await request.get("/api/articles?pageSize=3");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ total: ARCHIVE_ARTICLE_COUNT, page: 1, pageSize: 3 });
  expect(body.items).toHaveLength(3);
  expect(body.items[2]).toEqual({
    slug: "numergy-c-est-fini",
    title: "Numergy c’est fini",
    source: "SécuritéCloud",
    url: "https://www.securitecloud.com/actualites/numergy-cest-fini/",
    published: "2016",
    datePrecision: "year",
    approximate: true,
    summary: expect.any(String),
    authors: [],
    fulltext: true,
    genre: "analysis",
    entities: expect.any(Array),
    revisedAt: expect.any(String),
    snippet: expect.any(String),
  });
  // Two records of August 2019 come first, in slug order.
  expect(body.items[0]).toMatchObject({ slug: "cloudwatt-vie-et-mort-du-premier-cloud-souverain", fulltext: false, published: "2019-08" });
  expect(body.items[1]).toMatchObject({ slug: "orange-enterre-definitivement-cloudwatt", fulltext: false, published: "2019-08" });
  expect(body.items[2].entities[0]).toEqual({ slug: expect.any(String), name: expect.any(String), kind: expect.any(String), explicit: expect.any(Boolean), mentions: expect.any(Number) });
  expect(body.facets.sources).toContainEqual({ name: "Next INpact", count: 2 });
  expect(body.facets.years).toEqual([
    { year: 2011, count: 3 },
    { year: 2012, count: 10 },
    { year: 2014, count: 14 },
    { year: 2015, count: 18 },
    { year: 2016, count: 1 },
    { year: 2019, count: 2 },
  ]);
});

test("GET /api/articles filters by source and by date range (overlap)", async ({ request }) => {
  const bySource = await (await request.get("/api/articles?source=FrenchWeb")).json();
  expect(bySource.items.map((i: { slug: string }) => i.slug)).toEqual(["etat-et-sfr-sortent-de-numergy"]);
  const range = await (await request.get("/api/articles?from=2014-10&to=2015-09&sort=oldest&pageSize=100")).json();
  const slugs = range.items.map((i: { slug: string }) => i.slug);
  // "2014" (year precision) overlaps October 2014; "2015-09" is inside the range; "2014-09-25" is not.
  expect(slugs).toEqual(expect.arrayContaining(["numergy-bilan-pas-accablant", "etat-et-sfr-sortent-de-numergy"]));
  expect(slugs).not.toContain("cloud-souverain-deux-ans-apres");
  expect(range.items.every((i: { published: string }) => i.published.slice(0, 7) <= "2015-09" && (i.published.length === 4 ? i.published >= "2014" : i.published >= "2014-10"))).toBe(true);
});

test("bad parameters are a 400 with a message, never a 500", async ({ request }) => {
  for (const query of ["page=0", "pageSize=101", "pageSize=abc", "from=2015-13-40", "sort=random", "from=2016&to=2014", "entity=Pas%20un%20slug"]) {
    const response = await request.get(`/api/articles?${query}`);
    expect(response.status(), query).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message.length).toBeGreaterThan(0);
    expect(Array.isArray(body.error.issues)).toBe(true);
  }
});

test("GET /api/articles/<slug> returns the sanitised article, and 404 for an unknown slug", async ({ request }) => {
  const response = await request.get("/api/articles/cloud-souverain-deux-ans-apres");
  expect(response.status()).toBe(200);
  const article = await response.json();
  expect(article).toMatchObject({
    slug: "cloud-souverain-deux-ans-apres",
    source: "Next INpact",
    published: "2014-09-25",
    datePrecision: "day",
    approximate: false,
    entities: expect.any(Array),
    related: expect.any(Array),
    backlinks: expect.any(Array),
  });
  expect(article.bodyHtml).toContain('<h2 id="des-débuts-difficiles">');
  expect(article.bodyMarkdown).toContain("## Des débuts difficiles");

  const missing = await request.get("/api/articles/inconnu");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: "not_found", message: 'article "inconnu" not found' } });
});

test("sitemap.xml and robots.txt describe the site", async ({ request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/articles/numergy-c-est-fini</loc>");
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
});

test("an unknown entity or source is a 400 that names it, sources ignore case and accents, and the API describes itself", async ({ request }) => {
  const unknown = await request.get("/api/articles?entity=numergie");
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).error).toMatchObject({ code: "unknown_filter", message: 'unknown entity "numergie" (did you mean "numergy"?)' });
  const folded = await (await request.get("/api/articles?source=securitecloud")).json();
  expect(folded.items.map((i: { slug: string }) => i.slug)).toEqual(["numergy-c-est-fini"]);
  const sources = await (await request.get("/api/sources")).json();
  expect(sources.sources).toContainEqual({ name: "BFM Business", articleCount: 1 });
  const openapi = await request.get("/api/openapi.json");
  expect(openapi.status()).toBe(200);
  expect(Object.keys((await openapi.json()).paths)).toContain("/api/sources");
});

test("GET /api/health reports the database, its migration level, counts and the version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: "ok",
    database: { provider: expect.stringMatching(/^(sqlite|postgresql)$/), reachable: true },
    migration: expect.stringMatching(/^\d{14}_\w+$/),
    counts: { articles: ARCHIVE_ARTICLE_COUNT, entities: expect.any(Number), events: expect.any(Number) },
    version: expect.stringMatching(/^\d+\.\d+\.\d+/),
  });
});
