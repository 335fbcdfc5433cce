import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { HOSTILE_CASES } from "../support/hostile";

// Issue 8: `npm start` on a content folder holding every hostile file of the probe still serves the
// archive — the last good one — and says why. A second server, on its own port and database, started
// exactly as `npm start` does (the build of the main e2e server is reused: same sources).

const ROOT = path.resolve(import.meta.dirname, "../..");
const PORT = Number(process.env.E2E_PORT ?? 3107) + 11;
let dir: string;
let server: ChildProcess;
let output = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(path.join(tmpdir(), "andromede-resilience-"));
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "archive.db")}`, NEXT_TELEMETRY_DISABLED: "1" };
  // The last good archive: the real content, ingested once.
  const good = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--dir", "content"], { cwd: ROOT, env, encoding: "utf8" });
  expect(good.status, good.stderr).toBe(0);
  // Then the same content with every hostile file added.
  const hostile = path.join(dir, "content");
  cpSync(path.join(ROOT, "content"), hostile, { recursive: true });
  for (const c of HOSTILE_CASES) writeFileSync(path.join(hostile, "articles", `${c.slug}.md`), c.content);
  server = spawn(process.execPath, ["scripts/start.mjs"], { cwd: ROOT, env: { ...env, PORT: String(PORT), CONTENT_DIR: hostile } });
  server.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  for (let i = 0; i < 600; i++) {
    const up = await fetch(`http://127.0.0.1:${PORT}/api/articles?pageSize=1`).then((r) => r.ok, () => false);
    if (up) return;
    if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode}:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not come up:\n${output}`);
});

test.afterAll(() => {
  server?.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("npm start serves the last good archive and names every hostile file", async ({ request }) => {
  const home = await request.get(`http://127.0.0.1:${PORT}/`);
  expect(home.status()).toBe(200);
  const list = await (await request.get(`http://127.0.0.1:${PORT}/api/articles?pageSize=100`)).json();
  expect(list.items.map((a: { slug: string }) => a.slug)).not.toContain("quotes");
  expect(list.total).toBeGreaterThanOrEqual(5);
  for (const c of HOSTILE_CASES) expect(output).toContain(`articles/${c.slug}.md:`);
  expect(output).toContain("start: content has problems (listed above); serving the archive as it was before them");
});
