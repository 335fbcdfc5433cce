import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { checkFrontmatterText } from "./limits";

// Splits a Markdown file into its YAML frontmatter and body, and keeps a map from each key
// (and each list item) to its line in the file, so that every validation error can be located.

export interface ContentProblem {
  line: number;
  field: string;
  message: string;
}

export interface SplitFile {
  data: Record<string, unknown>;
  body: string;
  /** Line (1-based, in the file) of each top-level key, and of each list item as `key.index`. */
  lines: Map<string, number>;
  /** Line of the first body line. */
  bodyLine: number;
}

const OPEN = /^---[ \t]*$/;

export function normaliseText(raw: string): string {
  // A BOM and CRLF line ends are accepted (contract): strip the one, unify the other.
  return raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

export function splitFrontmatter(raw: string): SplitFile | { problems: ContentProblem[] } {
  const text = normaliseText(raw);
  const allLines = text.split("\n");
  if (!OPEN.test(allLines[0] ?? "")) {
    return { problems: [{ line: 1, field: "frontmatter", message: "the file must start with a '---' line opening the YAML frontmatter" }] };
  }
  const closeIndex = allLines.findIndex((line, i) => i > 0 && OPEN.test(line));
  if (closeIndex === -1) {
    return { problems: [{ line: 1, field: "frontmatter", message: "the frontmatter opened on line 1 is never closed by a '---' line" }] };
  }
  const yamlText = allLines.slice(1, closeIndex).join("\n");
  const textProblems = checkFrontmatterText(yamlText, 2);
  if (textProblems.length > 0) return { problems: textProblems };
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, version: "1.2" });
  // Line 1 of the YAML text is line 2 of the file.
  const lineOf = (offset: number) => lineCounter.linePos(offset).line + 1;

  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => ({
        line: lineOf(error.pos[0]),
        field: "frontmatter",
        message: /call stack/i.test(error.message)
          ? "YAML is nested too deeply"
          : `YAML syntax error: ${error.message.split("\n")[0]}`,
      })),
    };
  }
  const lines = new Map<string, number>();
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    return { problems: [{ line: 2, field: "frontmatter", message: "the frontmatter must be a mapping of keys to values" }] };
  }
  for (const pair of contents?.items ?? []) {
    const key = pair.key as Node | null;
    const name = String((key as { value?: unknown } | null)?.value ?? "");
    if (key?.range) lines.set(name, lineOf(key.range[0]));
    const value = pair.value as Node | null;
    if (isSeq(value)) {
      value.items.forEach((item, index) => {
        const range = (item as Node | null)?.range;
        if (range) lines.set(`${name}.${index}`, lineOf(range[0]));
      });
    }
  }
  let data: Record<string, unknown>;
  try {
    // yaml refuses aliases that expand past a bound ("billion laughs"): a located error, not a crash.
    data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  } catch (error) {
    const alias = /(?:^|[\s[{,:])\*[^\s,\]}]/m.exec(yamlText);
    const line = alias ? lineOf(alias.index + 1) : 2;
    const reason = (error as Error).message;
    const message = /alias/i.test(reason) ? "YAML aliases expand too far (an alias bomb?): write the values out" : `YAML cannot be read: ${reason}`;
    return { problems: [{ line, field: "frontmatter", message }] };
  }
  return { data, body: allLines.slice(closeIndex + 1).join("\n"), lines, bodyLine: closeIndex + 2 };
}

/** The line of a problem at `path` (`["entities", 2]`), falling back to its key, then to line 1. */
export function lineForPath(lines: Map<string, number>, path: readonly PropertyKey[]): number {
  const [key, index] = path;
  if (key === undefined) return 1;
  if (index !== undefined) {
    const itemLine = lines.get(`${String(key)}.${String(index)}`);
    if (itemLine !== undefined) return itemLine;
  }
  return lines.get(String(key)) ?? 1;
}
