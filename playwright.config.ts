import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run the real `npm start` path (migrate, ingest content/, build, serve) against
// its own database file, in Debian's Chromium: Playwright never downloads a browser here.
const PORT = Number(process.env.E2E_PORT ?? 3107);
const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: "tests/e2e",
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: CI ? 2 : undefined,
  reporter: CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  // A cold server on a loaded 2-core machine can take several seconds for its first render of a page.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "fr-FR",
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "mobile", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /responsive\.spec\.ts/ },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://127.0.0.1:${PORT}/api/articles?pageSize=1`,
    timeout: 300_000,
    reuseExistingServer: !CI,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(PORT), DATABASE_URL: "file:./data/e2e.db", NEXT_TELEMETRY_DISABLED: "1" },
  },
});
