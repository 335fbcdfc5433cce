import { readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { scanContent } from "@/lib/content/scan";
import { articleMarkdown, writeContent } from "../support/content";
import { tempDir } from "../support/temp";

// Stat first: a file whose stamp (size, times, inode) is unchanged is not read again.

describe("the stat-first scan cache", () => {
  const dirs: { cleanup: () => void }[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

  function setup() {
    const tmp = tempDir();
    dirs.push(tmp);
    const content = path.join(tmp.dir, "content");
    const cacheDir = path.join(tmp.dir, "cache");
    const file = writeContent(content, "articles", "premier", articleMarkdown({ title: "Premier" }));
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    const cacheFile = () => path.join(cacheDir, readdirSync(cacheDir)[0]!);
    return { content, cacheDir, file, cacheFile };
  }

  it("reuses the stored summary of an unchanged file without reading it", async () => {
    const { content, cacheDir, cacheFile } = setup();
    const first = await scanContent(content, undefined, { cacheDir });
    const hash = first.files.article.get("premier")!.hash;
    // Tamper with the stored hash: a second scan that returns it has not read the file.
    const stored = JSON.parse(readFileSync(cacheFile(), "utf8")) as { entries: Record<string, [string, { hash: string }]> };
    for (const entry of Object.values(stored.entries)) entry[1].hash = "from-the-cache";
    writeFileSync(cacheFile(), JSON.stringify(stored));
    const second = await scanContent(content, undefined, { cacheDir });
    expect(second.files.article.get("premier")!.hash).toBe("from-the-cache");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads a file again as soon as its stamp moves, even to the same size", async () => {
    const { content, cacheDir, file } = setup();
    const first = await scanContent(content, undefined, { cacheDir });
    writeContent(content, "articles", "premier", articleMarkdown({ title: "Promier" }));
    const past = new Date(Date.now() - 30_000);
    utimesSync(file, past, past);
    const second = await scanContent(content, undefined, { cacheDir });
    expect(second.files.article.get("premier")!.hash).not.toBe(first.files.article.get("premier")!.hash);
  });

  it("never trusts a file modified just before the scan (racy timestamps)", async () => {
    const { content, cacheDir } = setup();
    writeContent(content, "articles", "second", articleMarkdown({ title: "Second" }));
    await scanContent(content, undefined, { cacheDir });
    const stored = JSON.parse(readFileSync(path.join(cacheDir, readdirSync(cacheDir)[0]!), "utf8")) as { entries: Record<string, unknown> };
    expect(Object.keys(stored.entries).map((f) => path.basename(f))).toEqual(["premier.md"]);
  });

  it("works the same without a cache, and with an unreadable cache file", async () => {
    const { content, cacheDir } = setup();
    const plain = await scanContent(content);
    await scanContent(content, undefined, { cacheDir });
    writeFileSync(path.join(cacheDir, readdirSync(cacheDir)[0]!), "{not json");
    const afterGarbage = await scanContent(content, undefined, { cacheDir });
    expect(afterGarbage.files.article.get("premier")!.hash).toBe(plain.files.article.get("premier")!.hash);
  });
});
