import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseArticlesQuery } from "@/lib/api/query";
import { renderMarkdown } from "@/lib/content/markdown";
import { parseContentBytes, parseContentFile } from "@/lib/content/parse";
import { parseSearchText, SearchSyntaxError } from "@/lib/search/query";

// Property tests (issue 8): whatever a person or a script writes, the frontmatter parser and the
// query parser return a result or a located error — they never throw, and never take long. What the
// content checks accept, the renderer renders without throwing.

const RUNS = 300;
const TIME_BOUND_MS = 1_500;

function timed<T>(fn: () => T): T {
  const started = performance.now();
  const value = fn();
  expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
  return value;
}

/** Markdown-ish text: the characters and tokens that drive the renderer's recursion and pairing. */
const markdownish = fc
  .array(
    fc.oneof(
      fc.constantFrom(">", "> ", "- ", "* ", "1. ", "  ", "\t", "\n", "\n\n", "*", "**", "_", "`", "```", "[", "]", "(", ")", "](https://a.fr)", "<div>", "</div>", "<b>", "<!--", "-->", "&amp;", "\\", "#", "|", "|-|", "~~"),
      fc.string({ maxLength: 8 }),
      fc.constantFrom("Numergy", "Cloudwatt", "État", "dépôts", "«\u202Fcloud\u202F»"),
    ),
    { maxLength: 400 },
  )
  .map((parts) => parts.join(""));

/** Frontmatter-ish YAML: keys of the schema and YAML's own syntax. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom("title: ", "source: ", "published: ", "entities: ", "related: ", "summary: ", "url: ", "status: ", "unknown: "),
      fc.constantFrom("\n", "  - ", "[", "]", "{", "}", "&a ", "*a", "!!binary ", '"', "'", ": ", "2015-13-40", "2014-09-25", "true", "~", "|", ">", "#"),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(""));

describe("the content parser never throws", () => {
  it("on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 2000 }), (text) => {
        const result = timed(() => parseContentFile("article", "x.md", text));
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: RUNS },
    );
  });

  it("on any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const result = timed(() => parseContentBytes("article", "x.md", Buffer.from(bytes)));
        if (!result.ok) for (const p of result.problems) expect(p.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
  });

  it("on frontmatter-like YAML and Markdown-like bodies; what it accepts renders", () => {
    fc.assert(
      fc.property(yamlish, markdownish, fc.constantFrom("article", "entity", "event") as fc.Arbitrary<"article" | "entity" | "event">, (yaml, body, kind) => {
        const result = timed(() => parseContentFile(kind, "x.md", `---\n${yaml}\n---\n${body}`));
        if (result.ok) timed(() => renderMarkdown(result.value.body));
        else for (const p of result.problems) expect(p).toMatchObject({ line: expect.any(Number), field: expect.any(String), message: expect.any(String) });
      }),
      { numRuns: RUNS },
    );
  });

  it("renders every body within the limits without throwing", () => {
    const valid = (body: string) => `---\ntitle: T\nsource: S\npublished: 2015\n---\n\n${body}\n`;
    fc.assert(
      fc.property(markdownish, (body) => {
        const result = parseContentFile("article", "x.md", valid(body));
        if (result.ok) timed(() => renderMarkdown(result.value.body));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the search query parser never throws", () => {
  // Every expression it produces must be valid FTS5 syntax: run it against a real FTS5 table.
  const fts = new Database(":memory:");
  fts.exec("CREATE VIRTUAL TABLE t USING fts5(body)");
  fts.exec("INSERT INTO t(body) VALUES ('numergy cloud souverain etat depot')");
  const match = fts.prepare("SELECT rowid FROM t WHERE t MATCH ?");
  afterAll(() => fts.close());

  const queryish = fc
    .array(fc.oneof(fc.constantFrom('"', "*", "-", "OR", " OR ", "(", ")", "NEAR", ":", "^", "'", "’", " ", "AND", "NOT"), fc.string({ maxLength: 10 }), fc.constantFrom("numergy", "État", "dépôts")), { maxLength: 60 })
    .map((parts) => parts.join(""));

  it("on any text: a valid FTS5 expression or a SearchSyntaxError", () => {
    fc.assert(
      fc.property(fc.oneof(queryish, fc.string({ unit: "grapheme", maxLength: 300 })), (q) => {
        try {
          const parsed = timed(() => parseSearchText(q));
          expect(() => match.all(parsed.match)).not.toThrow();
        } catch (error) {
          if (!(error instanceof SearchSyntaxError)) throw error;
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("on any query string: parameters are parsed or refused with issues, never thrown", () => {
    const keys = fc.constantFrom("q", "entity", "source", "from", "to", "sort", "page", "pageSize", "format", "x");
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, fc.string({ maxLength: 30 })), { maxLength: 12 }), (pairs) => {
        const result = timed(() => parseArticlesQuery(new URLSearchParams(pairs)));
        if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});
