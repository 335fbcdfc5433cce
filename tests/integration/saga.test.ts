import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as EntitiesRoute from "@/app/api/entities/route";
import type * as EntityRoute from "@/app/api/entities/[slug]/route";
import type * as TimelineRoute from "@/app/api/timeline/route";
import type * as Entities from "@/lib/data/entities";
import type * as Article from "@/lib/data/get-article";
import type * as Timeline from "@/lib/data/timeline";
import type * as HealthRoute from "@/app/api/health/route";
import type * as DbModule from "@/lib/db";
import { ZHealth } from "@/lib/api/schemas";
import { MIGRATIONS_DIRS, readMigrations } from "@/lib/migrations";
import { createTestDatabase, describeEachBackend } from "../support/backends";

// The real content (seed articles, entities, timeline) ingested into a temporary database of each
// backend, read back through the data layer and the API route handlers exactly as the site uses them.

type Modules = {
  health: typeof HealthRoute;
  entities: typeof Entities;
  timeline: typeof Timeline;
  article: typeof Article;
  timelineRoute: typeof TimelineRoute;
  entityRoute: typeof EntityRoute;
  entitiesRoute: typeof EntitiesRoute;
};

describeEachBackend("the saga's content", (provider) => {
  const database = createTestDatabase(provider);
  let m: Modules;
  let dbModule: typeof DbModule;

  beforeAll(async () => {
    // lib/env reads DATABASE_URL once, when first imported, and lib/db caches its client on
    // globalThis outside production: start both afresh on this backend's database.
    process.env.DATABASE_URL = database.url;
    delete (globalThis as { prisma?: unknown }).prisma;
    vi.resetModules();
    const { runIngestCli } = await import("@/lib/ingest/cli");
    expect(await runIngestCli(["--dir", "content"], { out: () => {}, err: (l) => console.error(l) }, database.url)).toBe(0);
    dbModule = await import("@/lib/db");
    m = {
      health: await import("@/app/api/health/route"),
      entities: await import("@/lib/data/entities"),
      timeline: await import("@/lib/data/timeline"),
      article: await import("@/lib/data/get-article"),
      timelineRoute: await import("@/app/api/timeline/route"),
      entityRoute: await import("@/app/api/entities/[slug]/route"),
      entitiesRoute: await import("@/app/api/entities/route"),
    };
  }, 60_000);
  afterAll(async () => {
    await dbModule.db.$disconnect();
    await database.drop();
  });

  describe("entities", () => {
    it("counts the articles that name or mention each entity", async () => {
      const all = await m.entities.listEntities();
      const numergy = all.find((e) => e.slug === "numergy")!;
      expect(numergy).toMatchObject({ name: "Numergy", kind: "company" });
      // The five archived texts and the records without full text that name or mention it.
      expect(numergy.articleCount).toBe(30);
      expect(all.find((e) => e.slug === "ikoula")!.articleCount).toBe(2);
    });

    it("gives an entity its co-mentions and its attention over time", async () => {
      const numergy = (await m.entities.getEntityBySlug("numergy"))!;
      expect(numergy.coMentioned.map((c) => c.slug)).toContain("sfr");
      // October 2015: ITsocial (month only), Next INpact and Les Echos (22nd), ChannelBP (25th).
      expect(numergy.attention).toContainEqual({ month: "2015-10", count: 4 });
      expect(numergy.attention.map((a) => a.month)).toEqual([...numergy.attention.map((a) => a.month)].sort());
      expect(numergy.yearOnly).toEqual([
        { year: 2014, count: 1 },
        { year: 2016, count: 1 },
      ]);
    });
  });

  describe("timeline", () => {
    it("lists events in date order with their sources", async () => {
      const events = await m.timeline.listEvents();
      expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
      const safeguard = events.find((e) => e.slug === "numergy-procedure-de-sauvegarde")!;
      expect(safeguard).toMatchObject({ date: "2015-10-13", datePrecision: "day", era: "La fin" });
      expect(safeguard.sources.map((s) => s.slug)).toContain("numergy-cloud-a-la-francaise-nen-finit-plus-de-mourir");
    });

    it("filters by entity, era and dates", async () => {
      const forIkoula = await m.timeline.listEvents({ entity: "ikoula" });
      expect(forIkoula.length).toBeGreaterThan(0);
      expect(forIkoula.every((e) => e.entities.some((x) => x.slug === "ikoula"))).toBe(true);
      expect((await m.timeline.listEvents({ era: "La fin" })).every((e) => e.era === "La fin")).toBe(true);
      expect(await m.timeline.listEras()).toEqual(["Le projet Andromède", "Deux clouds souverains", "La fin", "Épilogue"]);
    });

    it("answers GET /api/timeline in the contract's shape, and 400 for bad dates", async () => {
      const ok = await m.timelineRoute.GET(new Request("http://x/api/timeline?entity=numergy&from=2015"));
      expect(ok.status).toBe(200);
      const { events } = await ok.json();
      expect(events.length).toBeGreaterThan(0);
      expect(Object.keys(events[0]).sort()).toEqual(
        ["approximate", "date", "datePrecision", "descriptionHtml", "entities", "era", "slug", "sources", "title"].sort(),
      );
      expect(events.every((e: { date: string }) => e.date >= "2015")).toBe(true);
      const bad = await m.timelineRoute.GET(new Request("http://x/api/timeline?from=2015-13"));
      expect(bad.status).toBe(400);
    });
  });

  describe("article links", () => {
    it("puts the explicit link first and shows the backlink on the other side", async () => {
      const fini = (await m.article.getArticleBySlug("numergy-c-est-fini"))!;
      expect(fini.related[0]).toEqual({
        slug: "numergy-cloud-a-la-francaise-nen-finit-plus-de-mourir",
        title: "Avec Numergy, le cloud à la française n'en finit plus de mourir",
        reason: "lien choisi par la rédaction",
      });
      expect(fini.related.slice(1).every((r) => r.reason.startsWith("également sur") || r.reason.startsWith("publié"))).toBe(true);
      const tribune = (await m.article.getArticleBySlug("numergy-cloud-a-la-francaise-nen-finit-plus-de-mourir"))!;
      expect(tribune.backlinks).toEqual([{ slug: "numergy-c-est-fini", title: "Numergy c’est fini" }]);
    });
  });

  describe("entity API", () => {
    it("lists entities and details one with its articles and events", async () => {
      const list = await (await m.entitiesRoute.GET()).json();
      expect(list.entities.find((e: { slug: string }) => e.slug === "thales")).toMatchObject({ aliases: [], articleCount: expect.any(Number) });
      const response = await m.entityRoute.GET(new Request("http://x"), { params: Promise.resolve({ slug: "cloudwatt" }) });
      const cloudwatt = await response.json();
      expect(cloudwatt).toMatchObject({ slug: "cloudwatt", name: "Cloudwatt", kind: "company", description: expect.stringContaining("Cloudwatt") });
      expect(cloudwatt.descriptionHtml).toMatch(/^<p>/);
      expect(cloudwatt.articles.length).toBeGreaterThan(0);
      expect(cloudwatt.events.map((e: { slug: string }) => e.slug)).toContain("cloudwatt-box");
      const missing = await m.entityRoute.GET(new Request("http://x"), { params: Promise.resolve({ slug: "inconnue" }) });
      expect(missing.status).toBe(404);
    });
  });
  describe("health", () => {
    it("answers GET /api/health with the database, the last migration, counts and version", async () => {
      const response = await m.health.GET();
      expect(response.status).toBe(200);
      const health = ZHealth.parse(await response.json());
      // Every file of content/ is published (none is a draft), so the counts are the files'.
      const files = (kind: string) => readdirSync(path.join("content", kind)).filter((name) => name.endsWith(".md")).length;
      expect(health).toEqual({
        status: "ok",
        database: { provider, reachable: true },
        migration: readMigrations(MIGRATIONS_DIRS[provider]).at(-1)!.name,
        counts: { articles: files("articles"), entities: files("entities"), events: files("timeline") },
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      });
    });
  });

  describe("records without full text", () => {
    it("are published with fulltext false, our summary as their text, and each is a source of the timeline or of a search", async () => {
      const { db } = dbModule;
      const records = await db.article.findMany({ where: { fulltext: false }, select: { slug: true, summary: true, url: true, note: true } });
      expect(records.length).toBeGreaterThanOrEqual(40);
      // Every record can be followed: its original address, or a note saying where it was read.
      expect(records.filter((r) => !r.url && !r.note)).toEqual([]);
      expect(records.every((r) => (r.summary ?? "").length > 50)).toBe(true);
      const cited = await db.eventSource.findMany({ where: { article: { fulltext: false } }, distinct: ["articleId"], select: { articleId: true } });
      expect(cited.length).toBeGreaterThanOrEqual(35);
    });

    it("answers GET /api/articles/<slug> with the provenance under the contract's names", async () => {
      const route = await import("@/app/api/articles/[slug]/route");
      const record = await (await route.GET(new Request("http://x"), { params: Promise.resolve({ slug: "cloud-sfr-va-racheter-la-totalite-de-numergy" }) })).json();
      expect(record).toMatchObject({
        fulltext: false,
        genre: "news",
        source: "BFM Business",
        published: "2015-12-02",
        titleSupplied: false,
        rights: expect.stringContaining("n’est pas reproduit"),
      });
      const interview = await (await route.GET(new Request("http://x"), { params: Promise.resolve({ slug: "numergy-bilan-pas-accablant" }) })).json();
      expect(interview).toMatchObject({ fulltext: true, genre: "interview", titleSupplied: true, captured: null, archive: null, note: expect.stringContaining("jejoignent") });
      expect(interview.rights).toContain("Channelnews");
      expect(interview.entities[0]).toEqual({ slug: expect.any(String), name: expect.any(String), kind: expect.any(String), explicit: expect.any(Boolean), mentions: expect.any(Number) });
    });

    it("source the events that had none of their own and the events added from them", async () => {
      const events = await m.timeline.listEvents();
      const sourcesOf = (slug: string) => events.find((e) => e.slug === slug)!.sources.map((s) => s.slug);
      expect(sourcesOf("numergy-procedure-de-sauvegarde")).toContain("cloud-souverain-numergy-place-sous-procedure-de-sauvegarde");
      expect(sourcesOf("sfr-accord-rachat-numergy")).toContain("dans-l-impasse-numergy-est-repris-par-sfr");
      expect(sourcesOf("orange-reprend-cloudwatt")).not.toContain("etat-et-sfr-sortent-de-numergy");
      expect(events.find((e) => e.slug === "sfr-rachete-par-altice")).toMatchObject({ date: "2014-11-27" });
      expect(events.every((e) => e.sources.length > 0)).toBe(true);
    });
  });
});
