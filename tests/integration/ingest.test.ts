import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { scanContent } from "@/lib/content/scan";
import { createPrismaClient, type Db } from "@/lib/db";
import { ingestContent } from "@/lib/ingest";
import { runIngestCli } from "@/lib/ingest/cli";
import { withWriteLock } from "@/lib/ingest/lock";
import { ZArticlesQuery } from "@/lib/api/query";
import { searchBackendFor } from "@/lib/search/backend";
import { createTestDatabase, describeEachBackend, type TestDatabase } from "../support/backends";
import { articleMarkdown, writeContent } from "../support/content";
import { tempDir } from "../support/temp";

// The ingest against both backends (tests/support/backends.ts): the same content, the same answers.

describeEachBackend("npm run ingest", (provider) => {
  let tmp: ReturnType<typeof tempDir>;
  let content: string;
  let database: TestDatabase;
  let dbUrl: string;
  let clients: Db[];

  beforeEach(() => {
    tmp = tempDir();
    content = path.join(tmp.dir, "content");
    database = createTestDatabase(provider);
    dbUrl = database.url;
    clients = [];
  });
  afterEach(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
    await database.drop();
    tmp.cleanup();
  });

  async function ingest(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runIngestCli(["--dir", content, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) }, dbUrl);
    return { code, out, err };
  }

  function client(): Db {
    const c = createPrismaClient(dbUrl);
    clients.push(c);
    return c;
  }

  it("adds, then changes nothing on a second run (idempotent by content hash)", async () => {
    writeContent(content, "articles", "premier", articleMarkdown({ title: "Premier" }));
    writeContent(content, "articles", "second", articleMarkdown({ title: "Second", published: "2015-10" }));
    expect(await ingest()).toEqual({ code: 0, out: ["2 added, 0 updated, 0 removed, 0 unchanged"], err: [] });

    const db = client();
    const before = await db.article.findMany({ orderBy: { slug: "asc" } });
    expect(before.map((a) => [a.slug, a.datePrecision, a.dateStart, a.dateEnd])).toEqual([
      ["premier", "day", "2014-09-25", "2014-09-25"],
      ["second", "month", "2015-10-01", "2015-10-31"],
    ]);
    await db.$disconnect();

    expect((await ingest()).out).toEqual(["0 added, 0 updated, 0 removed, 2 unchanged"]);
    const after = await client().article.findMany({ orderBy: { slug: "asc" } });
    expect(after.map((a) => a.updatedAt)).toEqual(before.map((a) => a.updatedAt));
    expect(await client().revision.count()).toBe(2);
  });

  it("keeps the previous version as a revision when an article changes", async () => {
    const file = writeContent(content, "articles", "premier", articleMarkdown({ body: "Première version." }));
    await ingest();
    writeFileSync(file, articleMarkdown({ title: "Titre corrigé", body: "Deuxième version." }));
    expect((await ingest()).out).toEqual(["0 added, 1 updated, 0 removed, 0 unchanged"]);

    const db = client();
    const article = await db.article.findUniqueOrThrow({
      where: { slug: "premier" },
      include: { body: true, revisions: { orderBy: { version: "asc" } } },
    });
    expect(article.title).toBe("Titre corrigé");
    expect(article.body?.html).toBe("<p>Deuxième version.</p>");
    expect(article.revisions.map((r) => [r.version, r.bodyMarkdown.trim(), JSON.parse(r.frontmatter).title])).toEqual([
      [1, "Première version.", "Un article"],
      [2, "Deuxième version.", "Titre corrigé"],
    ]);
  });

  it("removes a deleted file from the public archive but keeps its revisions, and restores it when it returns", async () => {
    writeContent(content, "articles", "reste", articleMarkdown());
    const file = writeContent(content, "articles", "part", articleMarkdown({ body: "Texte à garder." }));
    await ingest();
    const saved = readFileSync(file);
    rmSync(file);
    expect((await ingest()).out).toEqual(["0 added, 0 updated, 1 removed, 1 unchanged"]);

    const db = client();
    const removed = await db.article.findUniqueOrThrow({ where: { slug: "part" }, include: { revisions: true } });
    expect(removed.removedAt).not.toBeNull();
    expect(removed.revisions.map((r) => r.bodyMarkdown.trim())).toEqual(["Texte à garder."]);
    expect((await ingest()).out).toEqual(["0 added, 0 updated, 0 removed, 1 unchanged"]);

    writeFileSync(file, saved);
    expect((await ingest()).out).toEqual(["1 added, 0 updated, 0 removed, 1 unchanged"]);
    expect((await client().article.findUniqueOrThrow({ where: { slug: "part" } })).removedAt).toBeNull();
  });

  it("leaves the database byte-for-byte unchanged when one file is invalid, and names file, line and field", async () => {
    writeContent(content, "articles", "bon", articleMarkdown());
    await ingest();
    const before = await database.fingerprint();

    writeContent(content, "articles", "bon", articleMarkdown({ title: "Changé" }));
    const bad = writeContent(content, "articles", "mauvais", articleMarkdown({ published: "2015-13-40" }));
    const result = await ingest();
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err[0]).toBe(`${bad}:4: published: month 13 does not exist (01 to 12)`);
    expect(result.err.at(-1)).toMatch(/nothing was written/);
    expect(await database.fingerprint()).toBe(before);
  });

  it("--check validates without creating or touching the database", async () => {
    writeContent(content, "articles", "bon", articleMarkdown());
    const result = await ingest("--check");
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/1 articles, 0 entities, 0 events: all valid/);
    expect(await database.exists()).toBe(false);

    writeContent(content, "articles", "mauvais", "---\ntitle: x\n---\ntexte\n");
    const invalid = await ingest("--check");
    expect(invalid.code).toBe(1);
    expect(invalid.err).toEqual(
      expect.arrayContaining([expect.stringMatching(/mauvais\.md:1: source: is required$/), expect.stringMatching(/mauvais\.md:1: published: is required$/)]),
    );
  });

  it("exits 2 with a message for usage and system errors", async () => {
    expect((await runIngestCli(["--nope"], { out: () => {}, err: () => {} }, dbUrl))).toBe(2);
    const err: string[] = [];
    const code = await runIngestCli(["--dir", path.join(tmp.dir, "absent")], { out: () => {}, err: (l) => err.push(l) }, dbUrl);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/does not exist/);

    writeContent(content, "articles", "bon", articleMarkdown());
    writeFileSync(path.join(tmp.dir, "not-a-dir"), "");
    const unusableUrl = provider === "sqlite" ? `file:${path.join(tmp.dir, "not-a-dir", "x.db")}` : "postgresql://postgres@127.0.0.1:1/nothing";
    const unusableErr: string[] = [];
    const unusable = await runIngestCli(["--dir", content], { out: () => {}, err: (l) => unusableErr.push(l) }, unusableUrl);
    expect(unusable).toBe(2);
    expect(unusableErr).toHaveLength(1);
    if (provider === "postgresql") expect(unusableErr[0]).toBe("ingest: nothing was written: cannot connect to PostgreSQL at 127.0.0.1:1: connection refused (is the server running?)");
  });

  it("checks cross-references and stores entity links and related articles", async () => {
    writeContent(content, "entities", "numergy", "---\nname: Numergy\nkind: company\n---\nOpérateur de cloud.\n");
    writeContent(content, "articles", "a", articleMarkdown({ extra: "entities: [numergy]\nrelated: [b]" }));
    writeContent(content, "articles", "b", articleMarkdown({ extra: "entities:\n  - numergy\n  - cloudwatt" }));
    const invalid = await ingest();
    expect(invalid.code).toBe(1);
    expect(invalid.err[0]).toMatch(/articles\/b\.md:7: entities\.1: unknown entity "cloudwatt"$/);

    writeContent(content, "articles", "b", articleMarkdown({ extra: "entities: [numergy]" }));
    expect((await ingest()).out).toEqual(["3 added, 0 updated, 0 removed, 0 unchanged"]);
    const db = client();
    expect(await db.articleEntity.count({ where: { explicit: true } })).toBe(2);
    const link = await db.articleLink.findFirstOrThrow({ include: { from: true, to: true } });
    expect([link.from.slug, link.to.slug]).toEqual(["a", "b"]);
  });

  it("detects mentions with counts and positions, and rescans every article when names change", async () => {
    writeContent(content, "entities", "thales", "---\nname: Thales\nkind: company\n---\n");
    writeContent(content, "articles", "a", articleMarkdown({ title: "Thalès et l’État", body: "THALES, puis Thalès. Rien sur Bull." }));
    await ingest();
    const db = client();
    const links = async () =>
      (await db.articleEntity.findMany({ include: { entity: true }, orderBy: { entityId: "asc" } })).map((l) => [l.entity.slug, l.mentions, JSON.parse(l.positions), l.explicit]);
    // Twice in the body (positions in the text), once in the title.
    expect(await links()).toEqual([["thales", 3, [0, 13], false]]);

    // A new entity: the unchanged article is scanned again and its mention of Bull found.
    writeContent(content, "entities", "bull", "---\nname: Bull\nkind: company\n---\n");
    expect((await ingest()).out).toEqual(["1 added, 0 updated, 0 removed, 2 unchanged"]);
    expect(await links()).toEqual([
      ["thales", 3, [0, 13], false],
      ["bull", 1, [30], false],
    ]);

    // Naming an entity in the frontmatter makes it explicit, mentioned or not.
    writeContent(content, "articles", "a", articleMarkdown({ title: "Thalès et l’État", body: "Rien.", extra: "entities: [bull]" }));
    await ingest();
    expect(await links()).toEqual([
      ["thales", 1, [], false],
      ["bull", 0, [], true],
    ]);
  });

  it("rejects timeline events that name unknown entities or source articles, or have no date", async () => {
    writeContent(content, "articles", "a", articleMarkdown());
    writeContent(content, "timeline", "lancement", "---\ndate: 2012-09\ntitle: Lancement\nentities: [numergy]\nsources: [a, absent]\n---\nTexte.\n");
    writeContent(content, "timeline", "sans-date", "---\ntitle: Sans date\n---\nTexte.\n");
    const result = await ingest();
    expect(result.code).toBe(1);
    expect(result.err).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/timeline\/sans-date\.md:1: date: is required$/),
        expect.stringMatching(/timeline\/lancement\.md:4: entities\.0: unknown entity "numergy"$/),
        expect.stringMatching(/timeline\/lancement\.md:5: sources\.1: unknown article "absent"$/),
      ]),
    );
    expect(await database.exists()).toBe(false);
  });

  it("rejects an alias shared by two entities", async () => {
    writeContent(content, "entities", "thales", "---\nname: Thales\naliases: [Thales Group]\n---\n");
    writeContent(content, "entities", "autre", "---\nname: Autre\naliases:\n  - THALES\n---\n");
    const result = await ingest("--check");
    expect(result.code).toBe(1);
    expect(result.err.join("\n")).toMatch(/entities\/(autre|thales)\.md:\d+: aliases: .* already a name or alias of entity/);
  });

  it("stores hostile Markdown harmlessly", async () => {
    writeContent(content, "articles", "piege", articleMarkdown({ body: '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[x](javascript:alert(1))' }));
    await ingest();
    const { body } = await client().article.findUniqueOrThrow({ where: { slug: "piege" }, include: { body: true } });
    expect(body?.html).toContain('<img src="x">');
    expect(body?.html).not.toMatch(/<script|onerror|javascript:/i);
  });

  it("writes nothing at all when a failure happens in the middle of the transaction", async () => {
    writeContent(content, "articles", "a", articleMarkdown({ title: "A" }));
    const b = writeContent(content, "articles", "b", articleMarkdown({ title: "B", published: "2013" }));
    await ingest();
    writeContent(content, "articles", "a", articleMarkdown({ title: "A modifié" }));
    writeContent(content, "articles", "b", articleMarkdown({ title: "B modifié", published: "2013" }));
    const index = await scanContent(content);
    // The file changes after validation: the writer refuses it, after having written "a".
    writeFileSync(b, "changed behind our back");
    const db = client();
    await expect(ingestContent(db, index)).rejects.toThrow(/changed while it was being ingested/);
    expect((await db.article.findMany({ orderBy: { slug: "asc" } })).map((a) => a.title)).toEqual(["A", "B"]);
    expect(await db.revision.count()).toBe(2);
  });

  it("keeps the search index and the in-memory index in step with every ingest", async () => {
    const file = writeContent(content, "articles", "a", articleMarkdown({ body: "Le mot zanzibar." }));
    await ingest();
    const search = searchBackendFor(client(), dbUrl);
    const count = async (q: string) => (await search.search(ZArticlesQuery.parse({ q }))).total;
    expect(await count("zanzibar")).toBe(1);
    writeFileSync(file, articleMarkdown({ body: "Le mot tombouctou." }));
    await ingest();
    expect(await count("zanzibar")).toBe(0);
    expect(await count("tombouctou")).toBe(1);
    writeFileSync(file, articleMarkdown({ body: "Le mot tombouctou.", extra: "status: draft" }));
    await ingest();
    expect(await count("tombouctou")).toBe(0);
    rmSync(file);
    writeContent(content, "articles", "b", articleMarkdown({ body: "Tombouctou encore." }));
    await ingest();
    expect(await count("tombouctou")).toBe(1);
  });

  it("lets one writer at a time plan and write: the second stops naming the first, or waits with --wait", async () => {
    writeContent(content, "articles", "a", articleMarkdown());
    let release!: () => void;
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const holder = withWriteLock(
      dbUrl,
      () => {
        held();
        return new Promise<void>((resolve) => (release = resolve));
      },
      { holder: "ingest" },
    );
    await holding;
    const busy = await ingest();
    expect(busy.code).toBe(2);
    expect(busy.err).toEqual([expect.stringMatching(/^ingest: another ingest is running since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d+ s ago, pid \d+ on .+\); nothing was written/)]);

    const waiting = ingest("--wait", "20");
    setTimeout(() => release(), 500);
    await holder;
    expect(await waiting).toMatchObject({ code: 0, out: ["1 added, 0 updated, 0 removed, 0 unchanged"] });
  });

  it("never loses or duplicates an update when two ingests run at once (the plan is made inside the lock)", async () => {
    for (let i = 0; i < 20; i++) writeContent(content, "articles", `article-${i}`, articleMarkdown({ title: `Article ${i}` }));
    const [first, second] = await Promise.all([ingest("--wait", "60"), ingest("--wait", "60")]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect([first.out[0], second.out[0]].sort()).toEqual(["0 added, 0 updated, 0 removed, 20 unchanged", "20 added, 0 updated, 0 removed, 0 unchanged"]);
    expect(await client().revision.count()).toBe(20);
  });

  it("reads a flat folder of Markdown files as articles", async () => {
    writeFileSync(path.join(tmp.dir, "seul.md"), articleMarkdown());
    const out: string[] = [];
    const code = await runIngestCli(["--dir", tmp.dir, "--check"], { out: (l) => out.push(l), err: () => {} }, dbUrl);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^1 articles/);
  });
});
