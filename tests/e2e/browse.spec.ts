import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("the home page presents the archive and leads to an article with its attribution", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Andromède/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("cloud souverain");
  await expect(page.getByRole("heading", { name: "Derniers articles" })).toBeVisible();

  // The newest items are records of 2015–2019: the 2014 piece is reached through the search box.
  const box = page.getByRole("search").getByRole("searchbox", { name: "Rechercher dans l’archive" });
  await box.fill("on fait le point");
  await box.press("Enter");
  await page.getByRole("link", { name: "Cloud souverain : deux ans après, on fait le point" }).click();
  await expect(page).toHaveURL(/\/articles\/cloud-souverain-deux-ans-apres$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cloud souverain : deux ans après, on fait le point");
  await expect(page.getByTestId("article-source")).toHaveText("Next INpact");
  await expect(page.locator("header time")).toHaveText("25 septembre 2014");
  await expect(page.locator("header time")).toHaveAttribute("datetime", "2014-09-25");
  const attribution = page.getByRole("complementary", { name: "Source" });
  await expect(attribution).toContainText("Next INpact");
  await expect(attribution).toContainText("25 septembre 2014");
  await expect(page.getByRole("heading", { level: 2, name: "D'Andromède à Orthos" })).toBeVisible();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/articles\/cloud-souverain-deux-ans-apres$/);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
});

test("an article with an approximate date says so, and links to its original", async ({ page }) => {
  await page.goto("/articles/etat-et-sfr-sortent-de-numergy");
  await expect(page.locator("header time")).toHaveText("septembre 2015 (environ)");
  await page.goto("/articles/numergy-c-est-fini");
  const attribution = page.getByRole("complementary", { name: "Source" });
  await expect(attribution.getByRole("link", { name: "https://www.securitecloud.com/actualites/numergy-cest-fini/" })).toHaveAttribute(
    "href",
    "https://www.securitecloud.com/actualites/numergy-cest-fini/",
  );
  await expect(page.locator("header time")).toHaveText("vers 2016");
});

test("articles are listed newest first, with pagination kept in the URL", async ({ page }) => {
  await page.goto("/articles?pageSize=3");
  const titles = page.locator("article h2");
  await expect(titles).toHaveCount(3);
  // Two records of August 2019 (slug order), then the 2016 piece.
  await expect(titles.first()).toHaveText("Cloudwatt : vie et mort du premier « cloud souverain » de la France");
  await expect(titles.nth(1)).toHaveText("Orange enterre définitivement Cloudwatt");
  await expect(titles.nth(2)).toHaveText("Numergy c’est fini");
  await page.getByRole("link", { name: "Page suivante →" }).click();
  await expect(page).toHaveURL(/page=2/);
  // Three records of 3 December 2015 follow, in slug order.
  await expect(page.locator("article h2").first()).toHaveText("Dans l'impasse, Numergy est repris par SFR");
});

test("previous and next articles follow the date order", async ({ page }) => {
  await page.goto("/articles/cloud-souverain-deux-ans-apres");
  await page.locator('[rel="next"]').click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/un Cloud souverain est le résultat/);
  await page.locator('[rel="prev"]').click();
  await expect(page).toHaveURL(/\/articles\/cloud-souverain-deux-ans-apres$/);
});

test("an unknown slug is a real 404 page", async ({ page }) => {
  const response = await page.goto("/articles/cet-article-n-existe-pas");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  const other = await page.goto("/nulle-part");
  expect(other?.status()).toBe(404);
});

test("the home page and an article have no accessibility violations", async ({ page }) => {
  for (const url of ["/", "/articles", "/articles/numergy-bilan-pas-accablant"]) {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${url}: ${v.id}`)).toEqual([]);
  }
});

test("keyboard users can skip to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#contenu$/);
});

test("an article's provenance box gives genre, supplied title, rights and the editor's note", async ({ page }) => {
  await page.goto("/articles/numergy-bilan-pas-accablant");
  const box = page.getByRole("complementary", { name: "Source et provenance" });
  await expect(box.getByTestId("attribution-genre")).toHaveText("entretien");
  await expect(box.getByTestId("title-supplied")).toContainText("absent de la capture");
  await expect(box.getByTestId("attribution-rights")).toContainText("Channelnews");
  await expect(box.getByTestId("editor-note")).toContainText("jejoignent");
  await expect(page.getByTestId("no-fulltext")).toHaveCount(0);
});

test("a record without full text says « texte non archivé », links to the original and is found by its summary", async ({ page }) => {
  await page.goto("/articles/cloud-sfr-va-racheter-la-totalite-de-numergy");
  await expect(page.getByTestId("no-fulltext")).toContainText("Texte non archivé");
  const box = page.getByRole("complementary", { name: "Source et provenance" });
  await expect(box.getByTestId("attribution-fulltext")).toContainText("texte non archivé");
  await expect(box.getByRole("link").first()).toHaveAttribute("href", /^https:\/\/www\.bfmtv\.com\//);
  await expect(page.getByRole("heading", { name: "Sur la chronologie" })).toBeVisible();
  await page.goto("/search?q=consultation+du+personnel");
  await expect(page.getByRole("link", { name: "Cloud: SFR va racheter la totalité de Numergy" })).toBeVisible();
  await expect(page.locator("article", { hasText: "Cloud: SFR va racheter" }).getByText("texte non archivé")).toBeVisible();
});
