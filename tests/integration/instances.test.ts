import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runIngestCli } from "@/lib/ingest/cli";
import { buildIfNeeded } from "../../scripts/build-if-needed.mjs";
import { createTestDatabase, describePostgresql } from "../support/backends";
import { articleMarkdown, writeContent } from "../support/content";
import { type RunningServer, startServer } from "../../scripts/serve-process";
import { tempDir } from "../support/temp";

// Scale-out: two production servers (scripts/serve.ts, one build) in front of one PostgreSQL database.
// What one ingest writes is served by both at once (each reads the content generation from the
// database on every request, so neither the page cache nor any other in-process cache outlives an
// ingest), and two ingests started together from two processes are serialised by the database's
// advisory lock.

const root = path.resolve(import.meta.dirname, "../..");

function runProcess(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => resolve({ code, out: out.trim(), err: err.trim() }));
  });
}

describePostgresql("several app instances on one PostgreSQL database", () => {
  const database = createTestDatabase("postgresql");
  const tmp = tempDir();
  const content = path.join(tmp.dir, "content");
  const servers: RunningServer[] = [];
  const bases: string[] = [];
  const ingest = async (...args: string[]) => {
    const err: string[] = [];
    const out: string[] = [];
    const code = await runIngestCli(["--dir", content, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) }, database.url);
    return { code, out, err };
  };
  const total = async (base: string, q: string) => ((await (await fetch(`${base}/api/articles?q=${encodeURIComponent(q)}`)).json()) as { total: number }).total;

  beforeAll(async () => {
    // One build for both instances (reused when the sources did not change).
    expect(buildIfNeeded()).toBe(0);
    writeContent(content, "articles", "premier", articleMarkdown({ title: "Premier", body: "Le cloud souverain." }));
    expect((await ingest()).code).toBe(0);
    for (let i = 0; i < 2; i++) servers.push(await startServer({ DATABASE_URL: database.url }));
    bases.push(...servers.map((s) => s.base));
  }, 600_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database.drop();
    tmp.cleanup();
  });

  it("serves content ingested once through both instances at once, with no stale cache", async () => {
    // Both instances have built their in-memory index of the current generation, and cached the page.
    for (const base of bases) {
      expect(await total(base, "zanzibar")).toBe(0);
      await fetch(`${base}/articles/premier`);
      const page = await fetch(`${base}/articles/premier`);
      expect(page.headers.get("x-cache")).toBe("HIT");
      expect(await page.text()).toContain("Premier");
    }
    writeContent(content, "articles", "premier", articleMarkdown({ title: "Premier revu", body: "Le cloud souverain." }));
    writeContent(content, "articles", "second", articleMarkdown({ title: "Zanzibar", body: "Le mot zanzibar." }));
    expect((await ingest()).out).toEqual(["1 added, 1 updated, 0 removed, 0 unchanged"]);
    // No waiting: the very next request to either instance sees the new generation.
    for (const base of bases) {
      expect(await total(base, "zanzibar")).toBe(1);
      expect((await fetch(`${base}/api/articles/second`)).status).toBe(200);
      const page = await fetch(`${base}/articles/premier`);
      expect(page.headers.get("x-cache")).toBe("MISS");
      expect(await page.text()).toContain("Premier revu");
      const health = await (await fetch(`${base}/api/health`)).json();
      expect(health).toMatchObject({ status: "ok", database: { provider: "postgresql" }, counts: { articles: 2 } });
    }
  });

  it("serialises two ingests started together from two processes: one writes, the other finds nothing left to do", async () => {
    for (let i = 0; i < 10; i++) writeContent(content, "articles", `lot-${i}`, articleMarkdown({ title: `Lot ${i}` }));
    const env = { DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" };
    const args = ["--import", "tsx", "scripts/ingest.ts", "--dir", content, "--wait", "120"];
    const [a, b] = await Promise.all([runProcess(args, env), runProcess(args, env)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect([a.out, b.out].sort()).toEqual(["0 added, 0 updated, 0 removed, 12 unchanged", "10 added, 0 updated, 0 removed, 2 unchanged"]);
    for (const base of bases) expect(await total(base, "lot")).toBe(10);
  }, 120_000);
});
