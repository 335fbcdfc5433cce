import { expect, test, type Page } from "@playwright/test";

// Links prefetch on intent (components/link.tsx), not as they scroll into view: loading a page
// fetches no other page; resting the pointer on a link, or focusing it, prefetches that one page.

function prefetches(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (request.headers()["rsc"] === "1" || url.searchParams.has("_rsc")) seen.push(url.pathname);
  });
  return seen;
}

test("an article page loads without prefetching the pages it links to", async ({ page }) => {
  const seen = prefetches(page);
  await page.goto("/articles/numergy-c-est-fini");
  await page.waitForLoadState("networkidle");
  await page.mouse.wheel(0, 4000); // every link has been in view
  await page.waitForTimeout(500);
  expect(seen).toEqual([]);
});

test("hovering or focusing a link prefetches that page only", async ({ page }) => {
  const seen = prefetches(page);
  await page.goto("/articles/numergy-c-est-fini");
  await page.waitForLoadState("networkidle");
  await page.getByRole("list", { name: "Acteurs cités dans l’article" }).getByRole("link", { name: /^Numergy/ }).hover();
  await expect.poll(() => seen).toContain("/entities/numergy");
  await page.getByRole("link", { name: "Chronologie" }).first().focus();
  await expect.poll(() => seen).toContain("/timeline");
  expect(new Set(seen)).toEqual(new Set(["/entities/numergy", "/timeline"]));
});
