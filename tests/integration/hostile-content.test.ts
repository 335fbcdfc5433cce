import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "@/lib/content/limits";
import { runIngestCli } from "@/lib/ingest/cli";
import { articleMarkdown, writeContent } from "../support/content";
import { HOSTILE_CASES, oversizedArticle } from "../support/hostile";
import { tempDir } from "../support/temp";

// Issue 8: no content file may crash the ingest, hang it, or half-write the database. Every hostile
// file of the probe is a located problem (exit 1), found by --check too, and the database stays
// byte for byte as it was.

let tmp: ReturnType<typeof tempDir>;
let content: string;
let dbUrl: string;

beforeEach(() => {
  tmp = tempDir();
  content = path.join(tmp.dir, "content");
  dbUrl = `file:${path.join(tmp.dir, "db", "archive.db")}`;
  writeContent(content, "articles", "bon-article", articleMarkdown({ title: "Un bon article" }));
});
afterEach(() => tmp.cleanup());

async function ingest(args: string[] = [], limits = DEFAULT_LIMITS) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runIngestCli(["--dir", content, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) }, dbUrl, limits);
  return { code, out, err };
}

function databaseFingerprint(): string {
  const dir = path.join(tmp.dir, "db");
  const hash = createHash("sha256");
  for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(path.join(dir, name)));
  return hash.digest("hex");
}

describe("hostile content", () => {
  it.each([...HOSTILE_CASES, { name: "an oversized file", slug: "enorme", content: oversizedArticle(), field: "file", message: /the limit is 2\.0 MiB/, line: 1 }])(
    "$name: exit 1 with a located problem, found by --check, nothing written",
    async ({ slug, content: raw, field, message, line }) => {
      expect((await ingest()).code).toBe(0);
      const before = databaseFingerprint();
      writeContent(content, "articles", slug, typeof raw === "string" ? raw : "");
      if (Buffer.isBuffer(raw)) writeFileSync(path.join(content, "articles", `${slug}.md`), raw);
      const located = new RegExp(`articles/${slug}\\.md:${line ?? "\\d+"}: ${field}: .*${message.source}`);

      const check = await ingest(["--check"]);
      expect(check.code).toBe(1);
      expect(check.err.join("\n")).toMatch(located);

      const run = await ingest();
      expect(run.code).toBe(1);
      expect(run.err.join("\n")).toMatch(located);
      expect(run.err.at(-1)).toMatch(/problem\(s\) found; nothing was written/);
      expect(databaseFingerprint()).toBe(before);
    },
  );

  it("renders under a deadline: a file too slow to render is a located problem, for --check and ingest alike", async () => {
    expect((await ingest()).code).toBe(0);
    const before = databaseFingerprint();
    // Within every structural limit, but slow: 1,200 paragraphs of links (about 3 s to render here).
    const slow = Array.from({ length: 1200 }, () => "[a](https://example.com) ".repeat(60)).join("\n\n");
    writeContent(content, "articles", "lent", articleMarkdown({ body: slow }));
    const limits = { ...DEFAULT_LIMITS, renderTimeoutMs: 300 };

    const check = await ingest(["--check"], limits);
    expect(check.code).toBe(1);
    expect(check.err[0]).toMatch(/articles\/lent\.md:6: body: cannot be rendered: rendering took longer than 0\.3 s/);

    const run = await ingest([], limits);
    expect(run).toMatchObject({ code: 1, out: [] });
    expect(run.err[0]).toMatch(/articles\/lent\.md:6: body: cannot be rendered: rendering took longer than 0\.3 s/);
    expect(databaseFingerprint()).toBe(before);
  }, 60_000);
});

describe("symbolic links", () => {
  it("follows a link inside the content directory, with a note", async () => {
    const shared = path.join(content, "partage");
    mkdirSync(shared);
    writeFileSync(path.join(shared, "texte.md"), articleMarkdown({ title: "Partagé" }));
    symlinkSync(path.join(shared, "texte.md"), path.join(content, "articles", "lien.md"));
    const run = await ingest();
    expect(run.code).toBe(0);
    expect(run.out).toEqual(["2 added, 0 updated, 0 removed, 0 unchanged"]);
    expect(run.err).toEqual([expect.stringMatching(/articles\/lien\.md: note: follows the symbolic link to .*partage\/texte\.md/)]);
  });

  it("refuses a link leading outside the content directory, or to nothing, and writes nothing", async () => {
    const outside = path.join(tmp.dir, "ailleurs.md");
    writeFileSync(outside, articleMarkdown());
    symlinkSync(outside, path.join(content, "articles", "dehors.md"));
    symlinkSync(path.join(tmp.dir, "absent.md"), path.join(content, "articles", "casse.md"));
    const run = await ingest();
    expect(run.code).toBe(1);
    expect(run.err).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/articles\/dehors\.md:1: file: is a symbolic link to .*ailleurs\.md, outside the content directory/),
        expect.stringMatching(/articles\/casse\.md:1: file: is a symbolic link to nothing/),
      ]),
    );
  });

  it("refuses a kind folder linked outside (timeline → /etc) instead of removing every event", async () => {
    symlinkSync("/etc", path.join(content, "timeline"));
    const run = await ingest();
    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/timeline:1: file: is a symbolic link to \/etc, outside the content directory/);
  });

  it("skips what is not a regular file, with a warning", async () => {
    mkdirSync(path.join(content, "articles", "dossier.md"));
    execFileSync("mkfifo", [path.join(content, "articles", "tube.md")]);
    const run = await ingest();
    expect(run.code).toBe(0);
    expect(run.err).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/dossier\.md: note: is not a regular file; skipped/),
        expect.stringMatching(/tube\.md: note: is not a regular file; skipped/),
      ]),
    );
  });
});
