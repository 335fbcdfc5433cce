import { expect, test } from "@playwright/test";

test("GET /api/articles lists the archive newest first, in the contract's shape", async ({ request }) => {
  const response = await request.get("/api/articles?pageSize=3");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ total: 5, page: 1, pageSize: 3 });
  expect(body.items).toHaveLength(3);
  expect(body.items[0]).toEqual({
    slug: "numergy-c-est-fini",
    title: "Numergy c’est fini",
    source: "SécuritéCloud",
    url: "https://www.securitecloud.com/actualites/numergy-cest-fini/",
    published: "2016",
    datePrecision: "year",
    approximate: true,
    summary: expect.any(String),
    entities: expect.any(Array),
    snippet: expect.any(String),
  });
  expect(body.facets.sources).toContainEqual({ name: "Next INpact", count: 1 });
  expect(body.facets.years).toEqual([
    { year: 2014, count: 2 },
    { year: 2015, count: 2 },
    { year: 2016, count: 1 },
  ]);
});

test("GET /api/articles filters by source and by date range (overlap)", async ({ request }) => {
  const bySource = await (await request.get("/api/articles?source=FrenchWeb")).json();
  expect(bySource.items.map((i: { slug: string }) => i.slug)).toEqual(["etat-et-sfr-sortent-de-numergy"]);
  const range = await (await request.get("/api/articles?from=2014-10&to=2015-09&sort=oldest")).json();
  // "2014" (year precision) overlaps October 2014; "2015-09" is inside the range; "2014-09-25" is not.
  expect(range.items.map((i: { slug: string }) => i.slug)).toEqual(["numergy-bilan-pas-accablant", "etat-et-sfr-sortent-de-numergy"]);
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
