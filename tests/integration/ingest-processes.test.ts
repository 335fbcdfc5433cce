import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { articleMarkdown, writeContent } from "../support/content";
import { tempDir } from "../support/temp";

// The ingest as operators run it: separate processes, at the same time, with wrong settings.

const ROOT = path.resolve(import.meta.dirname, "../..");
const INGEST = ["--import", "tsx", path.join(ROOT, "scripts/ingest.ts")];
const ARTICLES = 150;

let tmp: ReturnType<typeof tempDir>;
let dbFile: string;

beforeEach(() => {
  tmp = tempDir();
  dbFile = path.join(tmp.dir, "db", "archive.db");
});
afterEach(() => tmp.cleanup());

/** A content folder of `count` articles whose slugs start with `prefix`. */
function corpus(prefix: string, count = ARTICLES): string {
  const dir = path.join(tmp.dir, prefix);
  const paragraph = "Numergy et Cloudwatt, le cloud souverain à la française, racontés par la presse. ".repeat(12);
  for (let i = 0; i < count; i++) {
    writeContent(dir, "articles", `${prefix}-${i}`, articleMarkdown({ title: `${prefix} ${i}`, body: Array(20).fill(paragraph).join("\n\n") }));
  }
  return dir;
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function ingest(args: string[], env: Record<string, string> = {}): Promise<Outcome> & { started: true } {
  const child = spawn(process.execPath, [...INGEST, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${dbFile}`, NODE_ENV: "production", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Outcome>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return Object.assign(done, { started: true as const });
}

async function lockHeld(): Promise<void> {
  for (let i = 0; i < 300 && !existsSync(`${dbFile}.lock.json`); i++) await sleep(50);
  expect(existsSync(`${dbFile}.lock.json`), "the first ingest took the lock").toBe(true);
}

function publicSlugs(): string[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare<[], { slug: string }>(`SELECT slug FROM "Article" WHERE "removedAt" IS NULL ORDER BY slug`)
      .all()
      .map((r) => r.slug);
  } finally {
    db.close();
  }
}

const slugsOf = (prefix: string) => Array.from({ length: ARTICLES }, (_, i) => `${prefix}-${i}`).sort();

describe("two ingests at once", () => {
  it.each([
    ["a", "b"],
    ["b", "a"],
  ])("%s first, then %s while it runs: the second exits 2 and the archive is exactly the first's content", async (first, second) => {
    const dirs = { a: corpus("a"), b: corpus("b") };
    const running = ingest(["--dir", dirs[first as "a" | "b"]]);
    await lockHeld();
    const late = await ingest(["--dir", dirs[second as "a" | "b"]]);
    expect(late.code).toBe(2);
    expect(late.stderr.trim()).toMatch(/^ingest: another ingest is running since \d{4}-\d\d-\d\d [\d:]+ UTC \(\d+ s ago, pid \d+ on .+\); nothing was written/);
    const winner = await running;
    expect(winner).toMatchObject({ code: 0, stdout: `${ARTICLES} added, 0 updated, 0 removed, 0 unchanged\n` });
    expect(publicSlugs()).toEqual(slugsOf(first!));
  }, 120_000);

  it("with --wait, the second waits for the first and then applies its own content in full", async () => {
    const a = corpus("a");
    const b = corpus("b");
    const running = ingest(["--dir", a]);
    await lockHeld();
    const waiting = ingest(["--dir", b, "--wait", "120"]);
    expect((await running).code).toBe(0);
    const second = await waiting;
    expect(second).toMatchObject({ code: 0, stdout: `${ARTICLES} added, 0 updated, ${ARTICLES} removed, 0 unchanged\n` });
    expect(publicSlugs()).toEqual(slugsOf("b"));
  }, 120_000);
});

describe("exit codes and messages", () => {
  function run(env: Record<string, string>, args: string[] = ["--dir", corpus("a", 1)]) {
    const result = spawnSync(process.execPath, [...INGEST, ...args], {
      cwd: ROOT,
      timeout: 60_000,
      env: { ...process.env, DATABASE_URL: `file:${dbFile}`, ...env },
      encoding: "utf8",
    });
    return { code: result.status, stderr: result.stderr.trim() };
  }

  it.each([
    ["an invalid environment", { PORT: "quatre" }, /^ingest: invalid environment: PORT: /],
    ["an unsupported database URL", { DATABASE_URL: "mysql://localhost/archive" }, /^ingest: invalid environment: DATABASE_URL: must start with file:/],
    ["a database path under a file", { DATABASE_URL: "file:/etc/hostname/archive.db" }, /^ingest: nothing was written: cannot create the database \/etc\/hostname\/archive\.db: \/etc\/hostname is a file, not a folder$/],
    ["a database path that cannot be created", { DATABASE_URL: "file:/proc/andromede/archive.db" }, /^ingest: nothing was written: cannot create the folder \/proc\/andromede for the database: ENOENT$/],
    ["an unknown option", {}, /^ingest: Unknown option '--nope'/],
  ])("%s: exit 2, one readable line, no stack trace", (_, env, message) => {
    const result = run(env, _ === "an unknown option" ? ["--nope"] : undefined);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    if (_ !== "an unknown option") expect(result.stderr.split("\n")).toHaveLength(1);
  });

  it("content problems exit 1; --verbose adds the stack trace of a system error", () => {
    const bad = path.join(tmp.dir, "bad");
    writeContent(bad, "articles", "x", "pas de frontmatter\n");
    expect(run({}, ["--dir", bad]).code).toBe(1);
    const verbose = run({ DATABASE_URL: "file:/etc/hostname/archive.db" }, ["--dir", corpus("a", 1), "--verbose"]);
    expect(verbose.code).toBe(2);
    expect(verbose.stderr).toMatch(/\n\s+at /);
  });
});
