import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type * as Entities from "@/lib/data/entities";
import type * as Article from "@/lib/data/get-article";
import type * as Matcher from "@/lib/data/mention-matcher";
import type * as Search from "@/lib/data/search-articles";
import type * as Timeline from "@/lib/data/timeline";
import type * as Query from "@/lib/api/query";
import { createTestDatabase, describeEachBackend, type TestDatabase } from "../support/backends";
import { SYNTHETIC_ENTITIES, syntheticArticle, writeContent, writeSyntheticEntity } from "../support/content";
import { tempDir } from "../support/temp";

// No page costs more database queries as the archive grows (no N+1): each page type's loaders, the
// ones its page.tsx calls, are run on a small archive and on one ten times larger, counting every
// SQL statement Prisma sends; the counts must be equal (and small).

interface Loaders {
  article: Awaited<typeof Article>;
  entities: Awaited<typeof Entities>;
  timeline: Awaited<typeof Timeline>;
  search: Awaited<typeof Search>;
  matcher: Awaited<typeof Matcher>;
  query: Awaited<typeof Query>;
}

/** What each page type loads (app/…/page.tsx). */
const PAGES: Record<string, (l: Loaders) => Promise<unknown>> = {
  home: (l) => l.search.searchArticles(l.query.ZArticlesQuery.parse({ pageSize: "5" })),
  articles: (l) => l.search.searchArticles(l.query.parseArticlesQuery({ page: "2" }).data!),
  article: (l) =>
    Promise.all([
      l.article.getArticleBySlug("a8"),
      l.article.getAdjacentArticles("a8"),
      l.timeline.listEvents({ sourceArticle: "a8" }),
      l.matcher.getMentionMatcher(),
    ]),
  entity: (l) =>
    Promise.all([
      l.entities.getEntityBySlug("numergy"),
      l.search.searchArticles(l.query.parseArticlesQuery({ entity: "numergy" }).data!),
      l.timeline.listEvents({ entity: "numergy" }),
    ]),
  entities: (l) => l.entities.listEntities(),
  timeline: (l) => Promise.all([l.timeline.listEvents({}), l.timeline.listEras(), l.entities.listEntities(), l.timeline.listEvents()]),
  search: (l) => l.search.searchArticles(l.query.parseArticlesQuery({ q: "texte", entity: "bull" }).data!),
};

function writeArchive(root: string, articles: number): void {
  for (const slug of SYNTHETIC_ENTITIES) writeSyntheticEntity(root, slug);
  for (let i = 0; i < articles; i++) writeContent(root, "articles", `a${i}`, syntheticArticle(i));
  // An event per ten articles, attested by those ten, about their entities.
  for (let e = 0; e < articles / 10; e++) {
    const sources = Array.from({ length: 10 }, (_, k) => `a${e * 10 + k}`);
    writeContent(
      root,
      "timeline",
      `evenement-${e}`,
      `---\ndate: "${2012 + (e % 5)}-0${1 + (e % 9)}"\ntitle: Événement ${e}\nentities: [numergy, ${SYNTHETIC_ENTITIES[1 + (e % 3)]}]\nsources: [${sources.join(", ")}]\nera: Période ${e % 3}\n---\nCe qui s’est passé.\n`,
    );
  }
}

describeEachBackend("database queries per page", (provider) => {
  const counts: Record<number, Record<string, number>> = {};
  const databases: TestDatabase[] = [];
  const tmp = tempDir();

  async function measure(articles: number): Promise<Record<string, number>> {
    const content = path.join(tmp.dir, `content-${articles}`);
    writeArchive(content, articles);
    const database = createTestDatabase(provider);
    databases.push(database);
    const out: string[] = [];
    vi.resetModules();
    const { runIngestCli } = await import("@/lib/ingest/cli");
    expect(await runIngestCli(["--dir", content], { out: (l) => out.push(l), err: (l) => out.push(l) }, database.url)).toBe(0);

    // A fresh module graph on this database, whose Prisma client prints every statement it sends
    // (DATABASE_LOG_QUERIES): the prints are counted.
    vi.resetModules();
    delete (globalThis as { prisma?: unknown }).prisma;
    vi.stubEnv("DATABASE_URL", database.url);
    vi.stubEnv("DATABASE_LOG_QUERIES", "1");
    let queries = 0;
    const printed = vi.spyOn(console, "error").mockImplementation((line: unknown) => {
      if (String(line).startsWith("prisma:query ")) queries += 1;
    });
    const dbModule = await import("@/lib/db");
    const loaders: Loaders = {
      article: await import("@/lib/data/get-article"),
      entities: await import("@/lib/data/entities"),
      timeline: await import("@/lib/data/timeline"),
      search: await import("@/lib/data/search-articles"),
      matcher: await import("@/lib/data/mention-matcher"),
      query: await import("@/lib/api/query"),
    };
    const result: Record<string, number> = {};
    try {
      for (const [page, load] of Object.entries(PAGES)) {
        await load(loaders); // the first request of a generation builds the in-memory indexes
        queries = 0;
        await load(loaders);
        result[page] = queries;
      }
    } finally {
      delete (globalThis as { prisma?: unknown }).prisma;
      await dbModule.db.$disconnect();
      printed.mockRestore();
      vi.unstubAllEnvs();
    }
    return result;
  }

  beforeAll(async () => {
    counts[30] = await measure(30);
    counts[300] = await measure(300);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.drop()));
    tmp.cleanup();
  });

  it("is the same with ten times more articles, entities' links and events, for every page type", () => {
    console.log(`${provider}: SQL statements per page`, counts[300]);
    expect(counts[300]).toEqual(counts[30]);
  });

  it("stays a handful per page (each relation Prisma includes is one statement)", () => {
    for (const [page, n] of Object.entries(counts[300]!)) expect({ page, n: Math.min(n, 20) }).toEqual({ page, n });
  });
});
