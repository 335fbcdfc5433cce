import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ZArticlesQuery } from "@/lib/api/query";
import { createPrismaClient } from "@/lib/db";
import { runIngestCli } from "@/lib/ingest/cli";
import { searchBackendFor } from "@/lib/search/backend";
import { createTestDatabase, describeEachBackend, type TestDatabase } from "../support/backends";
import { articleMarkdown, writeContent } from "../support/content";
import { tempDir } from "../support/temp";

// The backup and restore commands of docs/deploy.md, run as an operator runs them, on both
// backends: back up, lose an article, restore, and the archive (rows, search index, revisions) is
// what it was at the backup.

const root = path.resolve(import.meta.dirname, "../..");

function command(script: string, url: string, file: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, file], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
}

describeEachBackend("npm run backup / npm run restore", (provider) => {
  const tmp = tempDir();
  const content = path.join(tmp.dir, "content");
  let database: TestDatabase;
  const ingest = () => runIngestCli(["--dir", content], { out: () => {}, err: (l) => console.error(l) }, database.url);
  async function state() {
    const db = createPrismaClient(database.url);
    try {
      const found = await searchBackendFor(db, database.url).search(ZArticlesQuery.parse({ q: "zanzibar" }));
      return { zanzibar: found.total, articles: await db.article.count({ where: { removedAt: null } }), revisions: await db.revision.count() };
    } finally {
      await db.$disconnect();
    }
  }

  beforeAll(() => {
    database = createTestDatabase(provider);
  });
  afterAll(async () => {
    await database.drop();
    tmp.cleanup();
  });

  it("restores exactly what was backed up", async () => {
    const file = writeContent(content, "articles", "zanzibar", articleMarkdown({ body: "Le mot zanzibar." }));
    writeContent(content, "articles", "autre", articleMarkdown({ title: "Autre" }));
    expect(await ingest()).toBe(0);
    const before = await state();
    expect(before).toEqual({ zanzibar: 1, articles: 2, revisions: 2 });

    const backup = path.join(tmp.dir, "backups", provider === "sqlite" ? "archive.db" : "archive.dump");
    const saved = command("scripts/backup.ts", database.url, backup);
    expect(saved).toMatchObject({ code: 0, err: "" });
    expect(saved.out).toMatch(/^backup: .* → /);

    rmSync(file);
    writeContent(content, "articles", "autre", articleMarkdown({ title: "Autre, corrigé" }));
    expect(await ingest()).toBe(0);
    expect(await state()).toEqual({ zanzibar: 0, articles: 1, revisions: 3 });

    expect(command("scripts/restore.ts", database.url, backup)).toMatchObject({ code: 0, err: "" });
    expect(await state()).toEqual(before);
    // The restored database takes further ingests as usual.
    expect(await ingest()).toBe(0);
    expect(await state()).toEqual({ zanzibar: 0, articles: 1, revisions: 3 });
  });

  it("says in one line when the backup file is missing", () => {
    const result = command("scripts/restore.ts", database.url, path.join(tmp.dir, "absent.dump"));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^restore: no backup file at .*absent\.dump$/);
  });
});
