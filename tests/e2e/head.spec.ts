import { expect, test } from "@playwright/test";

// What every page declares in its <head>: the favicon (no 404 on a first visit) and the feeds.

for (const url of ["/", "/articles", "/articles/numergy-c-est-fini", "/entities", "/entities/numergy", "/timeline", "/search?q=cloud"]) {
  test(`${url} declares the icon and the three feeds`, async ({ page, request }) => {
    await page.goto(url);
    const icon = await page.locator('head link[rel="icon"]').first().getAttribute("href");
    expect(icon).toBeTruthy();
    expect((await request.get(icon!)).status()).toBe(200);
    const feeds = await page.locator('head link[rel="alternate"][type]').evaluateAll((links) => links.map((l) => l.getAttribute("type")));
    expect(feeds).toEqual(expect.arrayContaining(["application/atom+xml", "application/rss+xml", "application/feed+json"]));
  });
}
