import type { z } from "zod";
import { lineForPath, splitFrontmatter, type ContentProblem } from "./frontmatter";
import { checkBodyText, decodeUtf8, DEFAULT_LIMITS, fileTooLarge, type ContentLimits } from "./limits";
import {
  SLUG_PATTERN,
  ZArticleFrontmatter,
  ZEntityFrontmatter,
  ZEventFrontmatter,
  type TArticleFrontmatter,
  type TEntityFrontmatter,
  type TEventFrontmatter,
} from "./schema";

// One content file → a typed, validated value, or the list of located problems in it.
// Cross-file rules (unknown slugs, shared aliases) are checked by lib/content/scan.ts.

export type ContentKind = "article" | "entity" | "event";

interface Parsed<T> {
  slug: string;
  data: T;
  body: string;
  /** Line of each frontmatter key and list item, to locate cross-file problems. */
  lines: Map<string, number>;
  /** Line of the body's first line in the file. */
  bodyLine: number;
}

export type ParsedArticle = Parsed<TArticleFrontmatter>;
export type ParsedEntity = Parsed<TEntityFrontmatter>;
export type ParsedEvent = Parsed<TEventFrontmatter>;

export type ParseResult<T> = { ok: true; value: Parsed<T> } | { ok: false; problems: ContentProblem[] };

const schemas = {
  article: ZArticleFrontmatter,
  entity: ZEntityFrontmatter,
  event: ZEventFrontmatter,
} as const;

type Output<K extends ContentKind> = z.output<(typeof schemas)[K]>;

export function slugFromFileName(fileName: string): string {
  return fileName.replace(/\.md$/, "");
}

function zodProblems(error: z.ZodError, lines: Map<string, number>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({ line: lines.get(key) ?? 1, field: key, message: "is not a known key (see docs/content.md)" });
      }
      continue;
    }
    const field = issue.path.map(String).join(".") || "frontmatter";
    problems.push({ line: lineForPath(lines, issue.path), field, message: issue.message });
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** A file as read from disk: size and encoding are checked before its text is parsed. */
export function parseContentBytes<K extends ContentKind>(
  kind: K,
  fileName: string,
  bytes: Buffer,
  limits: ContentLimits = DEFAULT_LIMITS,
): ParseResult<Output<K>> {
  const tooLarge = fileTooLarge(bytes.length, limits);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const decoded = decodeUtf8(bytes);
  if ("problem" in decoded) return { ok: false, problems: [decoded.problem] };
  return parseContentFile(kind, fileName, decoded.text, limits);
}

export function parseContentFile<K extends ContentKind>(
  kind: K,
  fileName: string,
  raw: string,
  limits: ContentLimits = DEFAULT_LIMITS,
): ParseResult<Output<K>> {
  const slug = slugFromFileName(fileName);
  const problems: ContentProblem[] = [];
  if (!SLUG_PATTERN.test(slug)) {
    problems.push({
      line: 1,
      field: "slug",
      message: `file name "${fileName}" must be <slug>.md with lowercase ASCII letters, digits and single hyphens`,
    });
  }
  const split = splitFrontmatter(raw);
  if ("problems" in split) return { ok: false, problems: [...problems, ...split.problems] };

  problems.push(...checkBodyText(split.body, split.bodyLine, limits));
  const result = schemas[kind].safeParse(split.data);
  if (!result.success) problems.push(...zodProblems(result.error, split.lines));
  if (kind === "article" && split.body.trim() === "") {
    problems.push({ line: split.bodyLine, field: "body", message: "is empty: write the text below the frontmatter" });
  }
  if (problems.length > 0 || !result.success) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, value: { slug, data: result.data as Output<K>, body: split.body.trim() + "\n", lines: split.lines, bodyLine: split.bodyLine } };
}
