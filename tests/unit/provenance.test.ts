import { describe, expect, it } from "vitest";
import { parseContentFile } from "@/lib/content/parse";
import { DEFAULT_RIGHTS_FULLTEXT, DEFAULT_RIGHTS_RECORD, rightsStatement } from "@/lib/provenance";

const VALID = `---
title: "Cloud: SFR va racheter la totalité de Numergy"
source: BFM Business
published: 2015-12-02
---

Résumé.
`;

const withLines = (extra: string) => VALID.replace("published: 2015-12-02\n", `published: 2015-12-02\n${extra}`);

function parse(raw: string) {
  return parseContentFile("article", "une-notice.md", raw);
}

describe("provenance in the article frontmatter", () => {
  it("defaults to an archived full text with a title printed in the capture", () => {
    const result = parse(VALID);
    expect(result.ok && result.value.data).toMatchObject({ fulltext: true, titleSupplied: false });
    expect(result.ok && result.value.data.genre).toBeUndefined();
  });

  it("reads every provenance field under its contract name", () => {
    const result = parse(
      withLines(
        [
          "fulltext: false",
          "captured: 2024-03-01",
          "archive: https://web.archive.org/web/2016/https://example.org/a",
          "rights: Tous droits réservés",
          "genre: press-release",
          "titleSupplied: true",
          "note: Légendes non reproduites.",
          "",
        ].join("\n"),
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.data).toMatchObject({
      fulltext: false,
      captured: "2024-03-01",
      archive: "https://web.archive.org/web/2016/https://example.org/a",
      rights: "Tous droits réservés",
      genre: "press-release",
      titleSupplied: true,
      note: "Légendes non reproduites.",
    });
  });

  it.each([
    ["captured: 2024-03", "captured", "full date"],
    ["captured: 2024-02-30", "captured", ""],
    ["archive: ftp://example.org/a", "archive", "http"],
    ["genre: editorial", "genre", "news, interview, opinion"],
    ["fulltext: non", "fulltext", "true or false"],
    ["titleSupplied: 1", "titleSupplied", "true or false"],
    ["note: ''", "note", "empty"],
  ])("rejects %s with a located problem", (line, field, message) => {
    const result = parse(withLines(`${line}\n`));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ field, line: 5 });
    expect(result.problems[0]!.message).toContain(message);
  });
});

describe("rights statement", () => {
  it("is the article's own, or the site's default, which differs for records without full text", () => {
    expect(rightsStatement("CC BY 4.0", "Next INpact", true)).toBe("CC BY 4.0");
    expect(rightsStatement(null, "Next INpact", true)).toBe(DEFAULT_RIGHTS_FULLTEXT.replace("{source}", "Next INpact"));
    expect(rightsStatement(null, "BFM Business", false)).toBe(DEFAULT_RIGHTS_RECORD.replace("{source}", "BFM Business"));
  });
});
