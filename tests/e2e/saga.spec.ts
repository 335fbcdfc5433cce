import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("axe finds no violation on the timeline, an entity page and an article", async ({ page }) => {
  // Four cold renders and four axe runs: under a loaded CI machine this outlasted the default 30 s.
  test.setTimeout(90_000);
  for (const url of ["/timeline", "/entities", "/entities/numergy", "/articles/cloud-souverain-deux-ans-apres"]) {
    await page.goto(url);
    await expectNoViolations(page);
  }
});

test("from an article, the keyboard reaches a company, its timeline and a related story", async ({ page }) => {
  await page.goto("/articles/numergy-c-est-fini");
  const chip = page.getByRole("list", { name: "Acteurs cités dans l’article" }).getByRole("link", { name: /^Numergy/ });
  await chip.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/entities\/numergy$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Numergy");
  await expect(page.getByRole("img", { name: /Articles par mois mentionnant Numergy/ })).toBeVisible();

  const toTimeline = page.getByRole("link", { name: "Voir dans la chronologie complète →" });
  await toTimeline.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/timeline\?entity=numergy$/);
  await expect(page.getByText(/événements? concernant Numergy/)).toBeVisible();

  await page.goto("/articles/numergy-c-est-fini");
  const related = page.getByRole("region", { name: "Articles liés" });
  await expect(related.getByText("lien choisi par la rédaction")).toBeVisible();
  const first = related.getByRole("link").first();
  await first.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/articles\/numergy-cloud-a-la-francaise-nen-finit-plus-de-mourir$/);
  await expect(page.getByRole("region", { name: "Cité par" }).getByRole("link", { name: "Numergy c’est fini" })).toBeVisible();
});

test("article bodies link the first mention of an entity per section", async ({ page }) => {
  await page.goto("/articles/cloud-souverain-deux-ans-apres");
  const mentions = page.locator(".prose a.mention");
  await expect(mentions.first()).toBeVisible();
  const firstSection = page.locator(".prose > p").first();
  await expect(firstSection.locator('a.mention[href="/entities/cloudwatt"]')).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Sur la chronologie" }).getByRole("link").first()).toBeVisible();
});

test("the timeline is an ordered list with real dates, filterable by era and entity through the URL", async ({ page }) => {
  await page.goto("/timeline");
  await expect(page.getByRole("navigation", { name: "Filtrer la chronologie" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Le projet Andromède" })).toBeVisible();
  const times = page.locator("ol time");
  const datetimes = await times.evaluateAll((els) => els.map((e) => e.getAttribute("datetime")!));
  expect(datetimes.length).toBeGreaterThan(10);
  expect(datetimes).toEqual([...datetimes].sort());
  await expect(page.locator('time[datetime="2015-10-13"]')).toHaveText("13 octobre 2015");
  await expect(page.locator('time[datetime="2016"]')).toHaveText("vers 2016");

  await page.getByRole("link", { name: "La fin", exact: true }).click();
  await expect(page).toHaveURL(/era=La\+fin|era=La%20fin/);
  await expect(page.getByRole("heading", { level: 2, name: "Le projet Andromède" })).toHaveCount(0);

  await page.goto("/timeline");
  await page.getByLabel("Acteur :").selectOption("ikoula");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/entity=ikoula/);
  await expect(page.getByText(/concernant Ikoula/)).toBeVisible();
});

test("entities are grouped by kind with their article counts", async ({ page }) => {
  await page.goto("/entities");
  await expect(page.getByRole("heading", { level: 2, name: "Entreprises" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Personnes" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Philippe Tavernier" })).toBeVisible();
  const unknown = await page.goto("/entities/personne-inconnue");
  expect(unknown?.status()).toBe(404);
});

test("entity and timeline APIs follow the contract", async ({ request }) => {
  const { entities } = await (await request.get("/api/entities")).json();
  expect(entities.find((e: { slug: string }) => e.slug === "caisse-des-depots")).toMatchObject({
    name: "Caisse des Dépôts",
    kind: "institution",
    aliases: ["Caisse des Dépôts et Consignations", "Caisse de Dépôts"],
    articleCount: expect.any(Number),
  });
  const numergy = await (await request.get("/api/entities/numergy")).json();
  expect(numergy).toMatchObject({ slug: "numergy", articles: expect.any(Array), events: expect.any(Array) });
  const { events } = await (await request.get("/api/timeline?entity=cloudwatt&from=2013&to=2014")).json();
  expect(events.map((e: { slug: string }) => e.slug)).toContain("cloudwatt-box");
  expect((await request.get("/api/timeline?to=2015-02-30")).status()).toBe(400);
  expect((await request.get("/api/entities/inconnue")).status()).toBe(404);
});
