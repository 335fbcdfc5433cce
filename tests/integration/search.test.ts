import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZArticlesQuery } from "@/lib/api/query";
import { createPrismaClient, type Db } from "@/lib/db";
import { runIngestCli } from "@/lib/ingest/cli";
import { searchBackendFor } from "@/lib/search/backend";
import type { SearchBackend } from "@/lib/search/types";
import { createTestDatabase, describeEachBackend } from "../support/backends";
import { articleMarkdown, writeContent } from "../support/content";
import { tempDir } from "../support/temp";

// Search on a real database of each backend: the five seed articles plus hand-made ones whose
// expected results are known exactly. Ranking details may differ between backends; matches,
// counts, facets, filters and orders by date may not.

describeEachBackend("search", (provider) => {
  const tmp = tempDir();
  const content = path.join(tmp.dir, "content");
  const database = createTestDatabase(provider);
  const dbUrl = database.url;
  let db: Db;
  let backend: SearchBackend;

  const q = (params: Record<string, string | string[]>) => ZArticlesQuery.parse(params);
  const slugs = async (params: Record<string, string | string[]>) => (await backend.search(q(params))).items.map((i) => i.slug);

  beforeAll(async () => {
    const { cpSync, readFileSync } = await import("node:fs");
    // The five archived texts only: records without full text name entities this test does not create.
    cpSync(path.resolve("content/articles"), path.join(content, "articles"), {
      recursive: true,
      filter: (file) => !file.endsWith(".md") || !/^fulltext: false$/m.test(readFileSync(file, "utf8")),
    });
    writeContent(content, "entities", "cloud-team-alliance", "---\nname: Cloud Team Alliance\nkind: project\n---\nRéseau.\n");
    writeContent(content, "entities", "ikoula", "---\nname: Ikoula\nkind: company\n---\nHébergeur.\n");
    writeContent(content, "entities", "thales", "---\nname: Thales\nkind: company\n---\nGroupe.\n");
    writeContent(content, "articles", "titre-thales", articleMarkdown({ title: "Thales quitte le navire", published: "2013-05", body: "Un texte sans rapport." }));
    writeContent(content, "articles", "corps-thales", articleMarkdown({ title: "Autre chose", published: "2013-06", body: "Thales est cité une fois ici." }));
    writeContent(content, "articles", "par-entite", articleMarkdown({ title: "Hébergeurs", published: "2012-09-04", source: "Le Monde", extra: "entities: [ikoula, thales]", body: "Les hébergeurs protestent." }));
    writeContent(content, "articles", "brouillon", articleMarkdown({ title: "Brouillon Numergy", extra: "status: draft", body: "Numergy en brouillon." }));
    const code = await runIngestCli(["--dir", content], { out: () => {}, err: (l) => console.error(l) }, dbUrl);
    expect(code).toBe(0);
    db = createPrismaClient(dbUrl);
    backend = searchBackendFor(db, dbUrl);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
    tmp.cleanup();
  });

  describe("full-text search", () => {
    it.each([
      ["etat", "etat-et-sfr-sortent-de-numergy"],
      ["depots", "cloud-souverain-deux-ans-apres"],
      ["thales", "cloud-souverain-deux-ans-apres"],
      ["actionnaire", "numergy-bilan-pas-accablant"],
      ["souverain", "numergy-c-est-fini"],
      ["OPENSTACK", "numergy-bilan-pas-accablant"],
    ])("finds %s whatever the accents, case and inflection", async (word, expected) => {
      expect(await slugs({ q: word })).toContain(expected);
    });

    it("matches inflections both ways: actionnaire finds actionnaires, souveraine finds souverain", async () => {
      const plural = await slugs({ q: "actionnaires" });
      expect(plural).toEqual(await slugs({ q: "actionnaire" }));
      expect((await slugs({ q: "souveraine" })).sort()).toEqual((await slugs({ q: "souverain" })).sort());
    });

    it("searches exact phrases", async () => {
      expect(await slugs({ q: '"procédure de sauvegarde"' })).toEqual(
        expect.arrayContaining(["numergy-c-est-fini", "numergy-cloud-a-la-francaise-nen-finit-plus-de-mourir"]),
      );
      expect(await slugs({ q: '"sauvegarde de procédure"' })).toEqual([]);
    });

    it("searches prefixes", async () => {
      expect(await slugs({ q: "Cloudwa*" })).toEqual(expect.arrayContaining(["cloud-souverain-deux-ans-apres", "numergy-c-est-fini"]));
    });

    it("ranks a title match above a body match (title boost)", async () => {
      const found = await slugs({ q: "thales", sort: "relevance" });
      expect(found.indexOf("titre-thales")).toBeLessThan(found.indexOf("corps-thales"));
    });

    it("searches entity names and aliases of linked entities", async () => {
      expect(await slugs({ q: "ikoula" })).toContain("par-entite");
      expect(await slugs({ q: "Thalès" })).toContain("par-entite");
    });

    it("reads hostile input as plain words on this backend too (FTS5 syntax, tsquery operators, SQL)", async () => {
      for (const input of [
        "numergy & !cloudwatt",
        "numergy:* | 'x",
        "a <-> b <2> c",
        "numergy'); DROP TABLE \"Article\"; --",
        "\\' \\\\ :A :*",
        "NEAR(numergy cloudwatt) title:numergy",
        "(((numergy",
        "numergy OR OR -",
      ]) {
        const result = await backend.search(q({ q: input }));
        expect(result.total).toBeGreaterThanOrEqual(0);
      }
      expect(await slugs({ q: "numergy & !cloudwatt" })).toEqual(await slugs({ q: "numergy cloudwatt" }));
    });

    it("never shows drafts", async () => {
      expect(await slugs({ q: "brouillon" })).toEqual([]);
    });

    it("marks matches in escaped snippets", async () => {
      const { items } = await backend.search(q({ q: "actionnaires" }));
      const item = items.find((i) => i.slug === "numergy-bilan-pas-accablant")!;
      expect(item.snippet).toMatch(/<mark>actionnaires?<\/mark>/i);
      expect(item.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    });
  });

  describe("filters and facets", () => {
    it("filters by several entities (all of them)", async () => {
      // "par-entite" names both in its frontmatter; the Next INpact seed mentions both in its text.
      expect((await slugs({ entity: ["ikoula", "thales"] })).sort()).toEqual(["cloud-souverain-deux-ans-apres", "par-entite"]);
      expect(await slugs({ entity: ["ikoula", "gandi"] })).toEqual([]);
    });

    it("matches partial dates by overlap, inclusively", async () => {
      expect(await slugs({ from: "2013-06", to: "2013-06", sort: "oldest" })).toEqual(["corps-thales"]);
      expect(await slugs({ from: "2014-10", to: "2015-09", sort: "oldest" })).toEqual([
        "numergy-bilan-pas-accablant",
        "etat-et-sfr-sortent-de-numergy",
      ]);
      expect(await slugs({ from: "2012-09-04", to: "2012-09-04" })).toEqual(["par-entite"]);
    });

    it("counts facets that respect the other filters but not their own", async () => {
      const result = await backend.search(q({ source: "Le Monde" }));
      expect(result.total).toBe(1);
      // The source facet still shows the other sources, so that one can switch.
      expect(result.facets.sources.map((s) => s.name)).toContain("Next INpact");
      expect(result.facets.years).toEqual([{ year: 2012, count: 1 }]);
      expect(result.facets.entities.map((e) => [e.slug, e.count])).toEqual([
        ["ikoula", 1],
        ["thales", 1],
      ]);
    });

    it("sorts newest and oldest, and paginates", async () => {
      const newest = await slugs({ pageSize: "3" });
      expect(newest[0]).toBe("numergy-c-est-fini");
      const page2 = await backend.search(q({ sort: "oldest", pageSize: "2", page: "2" }));
      expect(page2.items.map((i) => i.slug)).toEqual(["corps-thales", "numergy-bilan-pas-accablant"]);
      expect(page2.total).toBe(8);
    });

    it("exports every match in order, beyond the page size", async () => {
      const batches: string[][] = [];
      for await (const batch of backend.exportMatches(q({ sort: "oldest" }), { batchSize: 3 })) batches.push(batch.map((b) => b.slug));
      expect(batches.map((b) => b.length)).toEqual([3, 3, 2]);
      expect(batches.flat()[0]).toBe("par-entite");
    });
  });

  describe("word hits kept per generation (lib/search/word-hits.ts)", () => {
    const view = (list: Awaited<ReturnType<SearchBackend["search"]>>) => ({
      total: list.total,
      facets: list.facets,
      items: list.items.map((i) => [i.slug, i.snippet]),
    });

    it("answers a repeated query, its other pages and added filters exactly as an engine that never saw it", async () => {
      const cases: Record<string, string | string[]>[] = [
        { q: "cloud" },
        { q: "cloud", pageSize: "2", page: "2" },
        { q: "cloud", pageSize: "2", page: "3" },
        { q: "cloud", entity: ["thales"] },
        { q: "cloud", from: "2014", sort: "relevance" },
        { q: "cloud", sort: "newest" },
        { q: "cloud", sort: "oldest", pageSize: "3" },
        { q: '"procédure de sauvegarde"' },
        { q: "numergy OR thales -ikoula", pageSize: "1", page: "2" },
      ];
      await backend.search(q({ q: "cloud" }));
      for (const params of cases) {
        const fresh = searchBackendFor(db, dbUrl);
        expect(view(await backend.search(q(params))), JSON.stringify(params)).toEqual(view(await fresh.search(q(params))));
      }
    });

    it("pages through the relevance order without gaps or repeats, as the export walks it", async () => {
      const exported: string[] = [];
      for await (const batch of backend.exportMatches(q({ q: "cloud" }))) exported.push(...batch.map((b) => b.slug));
      const paged: string[] = [];
      for (let page = 1; paged.length < exported.length; page++) paged.push(...(await slugs({ q: "cloud", pageSize: "2", page: String(page) })));
      expect(paged).toEqual(exported);
      expect(exported.length).toBeGreaterThan(2);
    });

    it("forgets what it kept when an ingest changes the content", async () => {
      expect((await backend.search(q({ q: "zorglub" }))).total).toBe(0);
      writeContent(content, "articles", "zorglub", articleMarkdown({ title: "Zorglub", published: "2011-02", body: "Le mot zorglub." }));
      expect(await runIngestCli(["--dir", content], { out: () => {}, err: (l) => console.error(l) }, dbUrl)).toBe(0);
      expect(await slugs({ q: "zorglub" })).toEqual(["zorglub"]);
    });
  });
});
