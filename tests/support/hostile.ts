import { articleMarkdown } from "./content";

// The hostile files of the probe in issue 8, one per failure it found, each with the located
// problem the ingest must report instead of crashing, hanging or publishing garbage.

export interface HostileCase {
  name: string;
  slug: string;
  content: string | Buffer;
  /** The problem expected: its field and a fragment of its message (line checked where given). */
  field: string;
  message: RegExp;
  line?: number;
}

const FRONTMATTER_LINES = 5; // articleMarkdown: ---, title, source, published, --- then a blank line
const BODY_LINE = FRONTMATTER_LINES + 1;

const nestedList = (depth: number) => Array.from({ length: depth }, (_, i) => " ".repeat(i * 2) + "- point").join("\n");

export const HOSTILE_CASES: HostileCase[] = [
  { name: "2,000 nested block quotes", slug: "quotes", content: articleMarkdown({ body: ">".repeat(2000) + " citation" }), field: "body", message: /nested 2000 deep; the limit is 16/, line: BODY_LINE + 1 },
  { name: "2,000 nested <div>", slug: "divs", content: articleMarkdown({ body: "<div>".repeat(2000) + "x" }), field: "body", message: /HTML elements are nested more than 32 deep/, line: BODY_LINE + 1 },
  { name: "40 KB of emphasis marks", slug: "stars", content: articleMarkdown({ body: "*a".repeat(20_000) }), field: "body", message: /more than 1000 emphasis, code or link marks/, line: BODY_LINE + 1 },
  // The probe's 5,000-level list is 25 MB: over the size limit before its depth is even looked at.
  { name: "a 5,000-level list", slug: "list", content: articleMarkdown({ body: nestedList(5000) }), field: "file", message: /the limit is 2\.0 MiB/, line: 1 },
  { name: "a 300-level list", slug: "list-300", content: articleMarkdown({ body: nestedList(300) }), field: "body", message: /nested 17 deep; the limit is 16/, line: BODY_LINE + 1 + 16 },
  { name: "a NUL in the title", slug: "nul", content: articleMarkdown({ title: "Numergy\u0000 et Cloudwatt" }), field: "title", message: /control character U\+0000/, line: 2 },
  { name: "a form feed in the body", slug: "ff", content: articleMarkdown({ body: "Texte\fsuite" }), field: "body", message: /control character U\+000C at column 6/, line: BODY_LINE + 1 },
  { name: "a YAML alias bomb", slug: "bomb", content: ["---", 'a: &a ["x","x","x","x","x","x","x","x","x"]', "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]", "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]", "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]", "title: *d", "---", "", "Texte.", ""].join("\n"), field: "frontmatter", message: /aliases expand too far/, line: 3 },
  { name: "deeply nested YAML", slug: "yaml", content: `---\ntitle: ${"[".repeat(20_000)}\n---\n\nTexte.\n`, field: "frontmatter", message: /nested too deeply/, line: 2 },
  { name: "a Latin-1 file", slug: "latin", content: Buffer.from(articleMarkdown({ title: "Caisse des Dépôts" }), "latin1"), field: "file", message: /is not valid UTF-8 \(byte 0xE9 at column 21\)/, line: 2 },
  { name: "a line of 30,000 characters", slug: "line", content: articleMarkdown({ body: "mot ".repeat(7500) }), field: "body", message: /30,000 characters long; the limit is 20,000/, line: BODY_LINE + 1 },
];

/** Larger than the default 2 MiB limit (20 MB in the probe; 3 MiB is enough to cross the line). */
export function oversizedArticle(): string {
  return articleMarkdown({ body: "Un paragraphe du texte.\n\n".repeat(130_000) });
}
