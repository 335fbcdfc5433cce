import { rmSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { runIngestCli } from "@/lib/ingest/cli";
import { createTestDatabase, describeEachBackend, type TestDatabase } from "../support/backends";
import { articleMarkdown, SYNTHETIC_ENTITIES, syntheticArticle, writeContent, writeSyntheticEntity } from "../support/content";
import { tempDir } from "../support/temp";

// The tables computed at ingest (lib/ingest/derived.ts) kept up to date change by change must say
// what a rebuild from scratch says, and what the links themselves say.

const ENTITIES = SYNTHETIC_ENTITIES;
const article = syntheticArticle;

describeEachBackend("derived tables (related stories, co-mentions, periods)", (provider) => {
  let tmp: ReturnType<typeof tempDir>;
  let content: string;
  let database: TestDatabase;
  let db: Db;

  beforeEach(() => {
    tmp = tempDir();
    content = path.join(tmp.dir, "content");
    database = createTestDatabase(provider);
    db = createPrismaClient(database.url);
  });
  afterEach(async () => {
    await db.$disconnect();
    await database.drop();
    tmp.cleanup();
  });

  async function ingest(): Promise<string[]> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runIngestCli(["--dir", content], { out: (l) => out.push(l), err: (l) => err.push(l) }, database.url);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    return out;
  }

  async function snapshot() {
    const [periods, pairs, stories] = await Promise.all([
      db.entityPeriod.findMany({ orderBy: [{ entityId: "asc" }, { period: "asc" }], select: { entity: { select: { slug: true } }, period: true, count: true } }),
      db.entityPair.findMany({ orderBy: [{ entityId: "asc" }, { otherId: "asc" }], select: { entityId: true, otherId: true, count: true } }),
      db.relatedStory.findMany({
        orderBy: [{ articleId: "asc" }, { rank: "asc" }],
        select: { article: { select: { slug: true } }, related: { select: { slug: true, status: true, removedAt: true } }, reason: true },
      }),
    ]);
    const related = new Map<string, string[]>();
    for (const s of stories) related.set(s.article.slug, [...(related.get(s.article.slug) ?? []), `${s.related.slug}: ${s.reason}`]);
    return { periods, pairs, related, stories };
  }

  /** What the links say, counted directly. */
  async function groundTruth() {
    const links = await db.articleEntity.findMany({
      where: { article: { status: "published", removedAt: null } },
      select: { articleId: true, entityId: true, entity: { select: { slug: true } }, article: { select: { dateStart: true, datePrecision: true } } },
    });
    const periods = new Map<string, number>();
    const pairs = new Map<string, number>();
    const byArticle = new Map<number, number[]>();
    for (const l of links) {
      const period = l.article.datePrecision === "year" ? l.article.dateStart.slice(0, 4) : l.article.dateStart.slice(0, 7);
      const key = `${l.entity.slug} ${period}`;
      periods.set(key, (periods.get(key) ?? 0) + 1);
      byArticle.set(l.articleId, [...(byArticle.get(l.articleId) ?? []), l.entityId]);
    }
    for (const ids of byArticle.values()) {
      for (const a of ids) for (const b of ids) if (a !== b) pairs.set(`${a} ${b}`, (pairs.get(`${a} ${b}`) ?? 0) + 1);
    }
    return { periods, pairs };
  }

  it("stays equal, change after change, to a rebuild and to the links", async () => {
    for (const slug of ENTITIES) writeSyntheticEntity(content, slug);
    for (let i = 0; i < 120; i++) writeContent(content, "articles", `a${i}`, article(i));
    await ingest();

    // A few changes (under a tenth of the archive: kept up to date, not rebuilt).
    writeContent(content, "articles", "a3", article(3, 1)); // other entities
    writeContent(content, "articles", "a40", article(40, 3));
    rmSync(path.join(content, "articles", "a10.md")); // removed
    writeContent(content, "articles", "a11", article(11).replace("---\n\n", "status: draft\n---\n\n")); // unpublished
    writeContent(content, "articles", "new1", article(200));
    writeContent(content, "articles", "new2", articleMarkdown({ title: "Nouveau", published: "2015-03-02", extra: "entities: [ikoula]\nrelated: [a3]" }));
    expect(await ingest()).toEqual(["2 added, 3 updated, 1 removed, 120 unchanged"]);
    const incremental = await snapshot();

    // Forget the derived tables' version: the next ingest rebuilds them from scratch.
    await db.systemState.delete({ where: { key: "derived-version" } });
    await ingest();
    const rebuilt = await snapshot();

    expect(incremental.periods).toEqual(rebuilt.periods);
    expect(incremental.pairs).toEqual(rebuilt.pairs);
    const truth = await groundTruth();
    expect(new Map(rebuilt.periods.map((p) => [`${p.entity.slug} ${p.period}`, p.count]))).toEqual(truth.periods);
    expect(new Map(rebuilt.pairs.map((p) => [`${p.entityId} ${p.otherId}`, p.count]))).toEqual(truth.pairs);

    // Related stories: the changed articles' lists are those of a rebuild; none points to an
    // article that left the archive; every public article has its six.
    for (const slug of ["a3", "a40", "new1", "new2"]) expect(incremental.related.get(slug)).toEqual(rebuilt.related.get(slug));
    expect(incremental.related.get("new2")?.[0]).toBe("a3: lien choisi par la rédaction");
    expect(incremental.related.has("a10")).toBe(false);
    expect(incremental.related.has("a11")).toBe(false);
    expect(incremental.stories.every((s) => s.related.status === "published" && s.related.removedAt === null)).toBe(true);
    expect(incremental.related.size).toBe(120 - 2 + 2);
    expect([...incremental.related.values()].every((list) => list.length === 6)).toBe(true);

    // The entity page reads the stored counts.
    const numergy = await db.entityPeriod.aggregate({ where: { entity: { slug: "numergy" } }, _sum: { count: true } });
    expect(numergy._sum.count).toBe(
      await db.articleEntity.count({ where: { entity: { slug: "numergy" }, article: { status: "published", removedAt: null } } }),
    );
  }, 120_000);

  it("rebuilds everything when entity names change (every article is relinked)", async () => {
    for (const slug of ENTITIES) writeSyntheticEntity(content, slug);
    for (let i = 0; i < 30; i++) writeContent(content, "articles", `a${i}`, article(i));
    await ingest();
    // "Bull" is now also found in the text of the articles that say "numéro".
    writeContent(content, "entities", "bull", "---\nname: Bull\nkind: company\naliases: [numéro]\n---\n");
    await ingest();
    const truth = await groundTruth();
    const after = await snapshot();
    expect(new Map(after.periods.map((p) => [`${p.entity.slug} ${p.period}`, p.count]))).toEqual(truth.periods);
    expect(after.periods.filter((p) => p.entity.slug === "bull").reduce((n, p) => n + p.count, 0)).toBe(30);
  }, 60_000);
});
