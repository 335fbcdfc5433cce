import type { z } from "zod";
import { lineForPath, splitFrontmatter, type ContentProblem } from "./frontmatter";
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
// Cross-file rules (unknown slugs, shared aliases) are checked by lib/content/validate.ts.

export type ContentKind = "article" | "entity" | "event";

interface Parsed<T> {
  slug: string;
  data: T;
  body: string;
  /** Line of each frontmatter key and list item, to locate cross-file problems. */
  lines: Map<string, number>;
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

export function parseContentFile<K extends ContentKind>(kind: K, fileName: string, raw: string): ParseResult<Output<K>> {
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

  const result = schemas[kind].safeParse(split.data);
  if (!result.success) problems.push(...zodProblems(result.error, split.lines));
  if (kind === "article" && split.body.trim() === "") {
    problems.push({ line: split.bodyLine, field: "body", message: "is empty: write the text below the frontmatter" });
  }
  if (problems.length > 0 || !result.success) return { ok: false, problems };
  return { ok: true, value: { slug, data: result.data as Output<K>, body: split.body.trim() + "\n", lines: split.lines } };
}
