import type { Element, ElementContent, Root as HastRoot, RootContent } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

// Markdown → safe HTML. Raw HTML written by an editor is parsed (so `<sup>` works) and then
// everything goes through rehype-sanitize's GitHub schema: no <script>, no on* attribute, no
// `javascript:` or `data:` link survives. Heading ids are added *after* sanitising so they are not
// prefixed with `user-content-`.

/** Bump when the rendering changes, so that ingest re-renders unchanged files. */
export const RENDER_VERSION = "1";

const WORDS_PER_MINUTE = 220;

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

export interface RenderedMarkdown {
  html: string;
  /** The visible text, for search and reading time. */
  text: string;
  wordCount: number;
  readingMinutes: number;
}

/** The article title is the page's h1: body headings start at h2. */
function demoteTopHeadings() {
  return (tree: MdastRoot) => {
    const visit = (node: { type: string; depth?: number; children?: unknown[] }) => {
      if (node.type === "heading" && node.depth === 1) node.depth = 2;
      for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
    };
    visit(tree as unknown as { type: string; children?: unknown[] });
  };
}

const sanitizeSchema = {
  ...defaultSchema,
  // Keep GitHub's allow-list, minus `data:` and relative protocol tricks: only real links.
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["http", "https"] },
};

const BLOCK = new Set(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "td", "th", "br", "div"]);

function collectText(node: HastRoot | RootContent | ElementContent, out: string[]): void {
  if (node.type === "text") out.push(node.value);
  if (node.type === "element" || node.type === "root") {
    for (const child of node.children) collectText(child, out);
    if (node.type === "element" && BLOCK.has((node as Element).tagName)) out.push("\n");
  }
}

const withRawHtml = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(demoteTopHeadings)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeSlug)
  .use(rehypeStringify);

// Most articles hold no HTML at all; parsing raw HTML (parse5) is the costliest step, so it is
// skipped when there is no "<" to parse. Sanitising still runs on every document.
const withoutRawHtml = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(demoteTopHeadings)
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeSlug)
  .use(rehypeStringify);

export function renderMarkdown(markdown: string): RenderedMarkdown {
  const processor = markdown.includes("<") ? withRawHtml : withoutRawHtml;
  const mdast = processor.parse(markdown);
  const hast = processor.runSync(mdast) as HastRoot;
  const html = processor.stringify(hast);
  const parts: string[] = [];
  collectText(hast, parts);
  const text = parts
    .join("")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
  const wordCount = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return { html, text, wordCount, readingMinutes: readingMinutes(wordCount) };
}
