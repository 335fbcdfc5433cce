import { expect, test } from "@playwright/test";

test("an article reads on a phone without horizontal scrolling", async ({ page }) => {
  await page.goto("/articles/cloud-souverain-deux-ans-apres");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
