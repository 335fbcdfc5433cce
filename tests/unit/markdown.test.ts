import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/content/markdown";

describe("renderMarkdown", () => {
  it("renders GitHub-flavoured Markdown with heading ids", () => {
    const { html } = renderMarkdown("## Des débuts difficiles\n\n- un\n- deux\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> citation\n\n~~barré~~");
    expect(html).toContain('<h2 id="des-débuts-difficiles">Des débuts difficiles</h2>');
    expect(html).toContain("<li>un</li>");
    expect(html).toContain("<table>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<del>barré</del>");
  });

  it("demotes h1 to h2: the article title is the page's only h1", () => {
    expect(renderMarkdown("# Titre").html).toMatch(/^<h2 id="titre">Titre<\/h2>/);
  });

  it("keeps harmless inline HTML", () => {
    expect(renderMarkdown("1<sup>er</sup> trimestre").html).toContain("<sup>er</sup>");
  });

  const hostile: [string, string][] = [
    ["<script>alert(1)</script>", "<script"],
    ['<img src="x" onerror="alert(1)">', "onerror"],
    ["[clic](javascript:alert(1))", "javascript:"],
    ['<a href="javascript:alert(1)">x</a>', "javascript:"],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', "alert"],
    ["[x](data:text/html;base64,PHNjcmlwdD4=)", "data:"],
    ['<iframe src="https://evil.example"></iframe>', "<iframe"],
    ['<div style="background:url(javascript:alert(1))">x</div>', "style="],
    ['<svg><script>alert(1)</script></svg>', "<script"],
    ['<form action="https://evil.example"><input name="a"></form>', "<form"],
    ['<p onclick="alert(1)">x</p>', "onclick"],
    ['<object data="x.swf"></object>', "<object"],
  ];
  it.each(hostile)("neutralises %s", (markdown, forbidden) => {
    const { html } = renderMarkdown(markdown);
    expect(html.toLowerCase()).not.toContain(forbidden.toLowerCase());
  });

  it("keeps real links", () => {
    expect(renderMarkdown("[Next INpact](https://www.nextinpact.com/)").html).toContain('href="https://www.nextinpact.com/"');
  });

  it("extracts visible text, counts words and estimates reading time", () => {
    const r = renderMarkdown(`## Titre\n\nUn **deux** trois.\n\n${"mot ".repeat(440)}`);
    expect(r.text.startsWith("Titre\nUn deux trois.")).toBe(true);
    expect(r.wordCount).toBe(444);
    expect(r.readingMinutes).toBe(2);
  });
});
