import { describe, expect, it } from "vitest";
import { checkBodyText, DEFAULT_LIMITS } from "@/lib/content/limits";
import { parseContentBytes } from "@/lib/content/parse";
import { articleMarkdown } from "../support/content";
import { HOSTILE_CASES, oversizedArticle } from "../support/hostile";

function problemsOf(content: string | Buffer) {
  const result = parseContentBytes("article", "hostile.md", Buffer.isBuffer(content) ? content : Buffer.from(content));
  return result.ok ? [] : result.problems;
}

describe("content limits", () => {
  it.each(HOSTILE_CASES)("$name is a located problem, found before rendering", ({ content, field, message, line }) => {
    const started = performance.now();
    const problems = problemsOf(content);
    expect(problems).toContainEqual(expect.objectContaining({ field, message: expect.stringMatching(message), ...(line ? { line } : {}) }));
    // Linear checks: refusing a hostile file costs next to nothing.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses a file over the size limit, naming the limit and how to change it", () => {
    const problems = problemsOf(oversizedArticle());
    expect(problems).toEqual([{ line: 1, field: "file", message: expect.stringMatching(/is 3\.\d MiB; the limit is 2\.0 MiB \(CONTENT_MAX_FILE_KB/) }]);
  });

  it("accepts ordinary articles: lists, quotes, tables, HTML, code with deep indentation", () => {
    const body = [
      "Le **cloud souverain** selon _Numergy_ et `Cloudwatt` : [un lien](https://example.com).",
      "",
      "- premier point",
      "  - sous-point",
      "    - détail",
      "",
      "> Une citation",
      "> > dans une citation",
      "",
      "| acteur | part |",
      "| --- | --- |",
      "| SFR | 47 % |",
      "",
      "<figure><div><p>Légende<sup>1</sup><br></p></div></figure>",
      "",
      "```json",
      " ".repeat(80) + '{ "profond": true }',
      "```",
      "",
      "Tabulation\tacceptée.",
    ].join("\n");
    expect(problemsOf(articleMarkdown({ body }))).toEqual([]);
  });

  it("counts delimiters per paragraph, not per file", () => {
    const paragraph = "*a* ".repeat(200);
    const body = Array.from({ length: 50 }, () => paragraph).join("\n\n");
    expect(checkBodyText(body, 1, DEFAULT_LIMITS)).toEqual([]);
  });

  it("reports the key that holds a control character in the frontmatter", () => {
    const raw = articleMarkdown({ extra: "summary: Résumé avec un \u0007 bip" });
    expect(problemsOf(raw)).toContainEqual({ line: 5, field: "summary", message: "contains the control character U+0007 at column 25; remove it" });
  });
});
