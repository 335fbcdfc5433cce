import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ARCHIVE_ARTICLE_COUNT } from "../support/archive";

test("the header search box leads to highlighted results, accents and inflections ignored", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("search").getByRole("searchbox", { name: "Rechercher dans l’archive" });
  await box.fill("actionnaire depots");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=actionnaire\+depots/);
  await expect(page.getByRole("heading", { name: /résultats? pour « actionnaire depots »/ })).toBeVisible();
  const marks = page.locator("article mark");
  await expect(marks.first()).toBeVisible();
  const marked = (await marks.allTextContents()).map((t) => t.toLowerCase());
  expect(marked.some((t) => t.startsWith("actionnaire"))).toBe(true);
  expect(marked).toContain("dépôts");
});

test("facets are links that keep their state in the URL, and the back button works", async ({ page }) => {
  await page.goto("/search?q=numergy");
  const total = async () => Number((await page.locator("#resultats").textContent())!.match(/\d+/)![0]);
  const all = await total();
  await page.getByRole("link", { name: /FrenchWeb/ }).click();
  await expect(page).toHaveURL(/source=FrenchWeb/);
  await expect.poll(total).toBe(1);
  await expect(page.getByRole("list", { name: "Filtres actifs" })).toContainText("publication : FrenchWeb");
  await page.goBack();
  await expect(page).toHaveURL(/\/search\?q=numergy$/);
  // The URL changes before the page it leads to has rendered: wait for the count.
  await expect.poll(total).toBe(all);
});

test("an unknown publication is reported with a suggestion, not shown as no coverage", async ({ page }) => {
  await page.goto("/search?q=numergy&source=Frenchweb2");
  await expect(page.getByText("Cette recherche n’est pas valide")).toContainText('unknown source "Frenchweb2" (did you mean "FrenchWeb"?)');
});

test("no results suggests dropping filters", async ({ page }) => {
  await page.goto("/search?q=numergy&source=FrenchWeb&from=2016");
  await expect(page.getByText("Aucun article ne correspond à cette recherche.")).toBeVisible();
  await page.getByRole("link", { name: "sans aucun filtre" }).click();
  await expect(page).toHaveURL(/\/search\?q=numergy$/);
});

test("hostile queries are answered, never with an error page", async ({ page, request }) => {
  for (const q of ['"', "()", "NEAR(a b)", "*", "'; DROP TABLE Article; --", "🚀", "x".repeat(10_000), "numergy OR", "AND OR NOT"]) {
    const api = await request.get(`/api/articles?q=${encodeURIComponent(q)}`);
    expect([200, 400], q.slice(0, 30)).toContain(api.status());
    const body = await api.json();
    if (api.status() === 400) expect(body.error.message).toBeTruthy();
    else expect(Array.isArray(body.items)).toBe(true);
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status()).toBe(200);
  }
});

test("the search page is accessible and usable with the keyboard", async ({ page }) => {
  await page.goto("/search?q=cloud&sort=newest");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await page.locator("#q").focus();
  await page.keyboard.press("Tab");
  await expect(page.locator("#from")).toBeFocused();
});

test("exports contain every match with the right type and file name", async ({ request }) => {
  const csv = await request.get("/api/export?format=csv&q=numergy");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="andromede-\d{4}-\d{2}-\d{2}\.csv"$/);
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = body.toString("utf8").trim().split("\r\n");
  const api = await (await request.get("/api/articles?q=numergy&pageSize=1")).json();
  expect(lines).toHaveLength(api.total + 1);

  const bib = await request.get("/api/export?format=bibtex&source=Next%20INpact");
  expect(bib.headers()["content-type"]).toContain("application/x-bibtex");
  expect(await bib.text()).toMatch(/^@article\{cloud-souverain-deux-ans-apres,/m);

  const ris = await (await request.get("/api/export?format=ris")).text();
  expect(ris.match(/^TY {2}- NEWS\r?$/gm)).toHaveLength(ARCHIVE_ARTICLE_COUNT);
  // Never wrapped: every line is a tag, and the IDs are whole slugs.
  expect(ris.split(/\r\n/).every((l) => l === "" || /^[A-Z][A-Z0-9] {2}- /.test(l))).toBe(true);
  expect(ris).toContain("ID  - numergy-cloud-a-la-francaise-nen-finit-plus-de-mourir\r\n");
  const csl = await (await request.get("/api/export?format=csljson")).json();
  expect(csl).toHaveLength(ARCHIVE_ARTICLE_COUNT);
  const json = await (await request.get("/api/export?format=json&pageSize=1")).json();
  expect(json.articles).toHaveLength(ARCHIVE_ARTICLE_COUNT);
  const jsonl = await request.get("/api/export?format=jsonl&source=Next%20INpact");
  expect(jsonl.headers()["content-disposition"]).toMatch(/\.jsonl"$/);
  const rows = (await jsonl.text()).trim().split("\n").map((l) => JSON.parse(l));
  expect(rows.map((r) => [r.slug, typeof r.bodyMarkdown])).toEqual([
    ["cloud-souverain-numergy-place-sous-procedure-de-sauvegarde", "undefined"],
    ["cloud-souverain-deux-ans-apres", "string"],
  ]);

  const bad = await request.get("/api/export?format=docx");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/format must be one of/);
});

test("feeds for the archive and for a search", async ({ request }) => {
  const atom = await request.get("/feed.xml");
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  const atomText = await atom.text();
  expect(atomText.match(/<entry>/g)).toHaveLength(ARCHIVE_ARTICLE_COUNT);
  // The publication is never given as the author.
  expect(atomText).not.toMatch(/<author>\s*<name>SécuritéCloud<\/name>/);
  const rss = await request.get("/rss.xml?source=FrenchWeb");
  expect((await rss.text()).match(/<item>/g)).toHaveLength(1);
  const json = await (await request.get("/feed.json?q=cloudwatt")).json();
  expect(json.version).toBe("https://jsonfeed.org/version/1.1");
  expect(json.items.length).toBeGreaterThan(0);
});

test("article pages carry citation metadata and a Cite block", async ({ page }) => {
  await page.goto("/articles/cloud-souverain-deux-ans-apres");
  await expect(page.locator('meta[name="citation_title"]')).toHaveAttribute("content", "Cloud souverain : deux ans après, on fait le point");
  await expect(page.locator('meta[name="citation_publication_date"]')).toHaveAttribute("content", "2014/09/25");
  await expect(page.locator('meta[name="citation_journal_title"]')).toHaveAttribute("content", "Next INpact");
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({ "@type": "NewsArticle", headline: "Cloud souverain : deux ans après, on fait le point", datePublished: "2014-09-25" });
  await expect(page.getByRole("heading", { name: "Citer cet article" })).toBeVisible();
  await expect(page.getByTestId("reference")).toContainText("Next INpact");
  await page.getByText("Voir les notices BibTeX et RIS").click();
  await expect(page.getByLabel("Notice BibTeX")).toContainText("@article{cloud-souverain-deux-ans-apres");
});
