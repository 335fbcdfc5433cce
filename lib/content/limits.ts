import { isUtf8 } from "node:buffer";
import type { ContentProblem } from "./frontmatter";

// Bounds on what one content file may be, checked on the raw bytes and text before anything parses
// or renders it. The Markdown renderer (micromark, unified) is recursive and, for some shapes,
// super-linear: 2,000 nested `>` overflow its stack, 400 nested list levels take 3 s, 32-deep quotes
// on 2,000 lines take 15 s. These checks are linear, so a hostile file costs nothing to refuse, and
// every refusal names the line. Rendering itself runs under a deadline (lib/content/render-pool.ts).
// docs/limits.md lists every limit and how to change it.

export interface ContentLimits {
  /** Size of a whole file, in bytes. */
  maxFileBytes: number;
  /** Characters on one line (one Markdown paragraph is often one line). */
  maxLineLength: number;
  /** Nested block containers: block quotes and lists, counted together. */
  maxBlockNesting: number;
  /** Nested raw HTML elements. */
  maxHtmlDepth: number;
  /** Emphasis, code and link delimiters in one paragraph (micromark pairs them in quadratic time). */
  maxDelimitersPerParagraph: number;
  /** Wall-clock time to render one file's Markdown, in milliseconds. */
  renderTimeoutMs: number;
}

export const DEFAULT_LIMITS: ContentLimits = {
  maxFileBytes: 2 * 1024 * 1024,
  maxLineLength: 20_000,
  maxBlockNesting: 16,
  maxHtmlDepth: 32,
  maxDelimitersPerParagraph: 1_000,
  renderTimeoutMs: 10_000,
};

/** Frontmatter is a handful of fields: a larger one is a mistake, and YAML parsing is recursive. */
const MAX_FRONTMATTER_BYTES = 64 * 1024;

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

export function fileTooLarge(size: number, limits: ContentLimits): ContentProblem | null {
  if (size <= limits.maxFileBytes) return null;
  return {
    line: 1,
    field: "file",
    message: `is ${formatBytes(size)}; the limit is ${formatBytes(limits.maxFileBytes)} (CONTENT_MAX_FILE_KB, see docs/limits.md)`,
  };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points past U+10FFFF (the cases the lead byte alone allows).
    const c1 = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 >= 0xa0) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 >= 0x90)) return i;
    i += need + 1;
  }
  return -1;
}

function lineAndColumn(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** The file's text, or a located problem when it is not UTF-8 (a Latin-1 file, for instance). */
export function decodeUtf8(bytes: Buffer): { text: string } | { problem: ContentProblem } {
  if (isUtf8(bytes)) return { text: bytes.toString("utf8") };
  const offset = Math.max(0, firstInvalidUtf8(bytes));
  const { line, column } = lineAndColumn(bytes, offset);
  const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
  return {
    problem: {
      line,
      field: "file",
      message: `is not valid UTF-8 (byte 0x${hex} at column ${column}); save the file as UTF-8 (it may be Latin-1 or Windows-1252)`,
    },
  };
}

// C0 controls other than tab and newline (CR is normalised away before this runs), DEL, C1
// controls, and the two non-characters XML forbids. None of them belongs in a press article, and a
// NUL in a title makes every XML feed invalid.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const HTML_TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const DELIMITER_RUN = /\*+|_+|`+|\[|\]/g;

/** Block quotes and list items opening a line, plus its indentation (two columns per level). */
function blockNesting(line: string): number {
  let markers = 0;
  let columns = 0;
  let rest = line;
  for (;;) {
    const spaces = /^[ \t]*/.exec(rest)![0];
    for (const ch of spaces) columns += ch === "\t" ? 4 : 1;
    rest = rest.slice(spaces.length);
    if (rest.startsWith(">")) {
      markers += 1;
      rest = rest.slice(1);
      continue;
    }
    const marker = LIST_MARKER.exec(rest);
    if (marker) {
      markers += 1;
      rest = rest.slice(marker[0].length);
      continue;
    }
    return markers + Math.floor(columns / 2);
  }
}

interface TextRegion {
  /** Line of the region's first line in the file. */
  firstLine: number;
  field: string;
}

function controlProblem(text: string, region: TextRegion): ContentProblem | null {
  const match = CONTROL.exec(text);
  if (!match) return null;
  const before = text.slice(0, match.index);
  const lineIndex = before.split("\n").length - 1;
  const column = match.index - before.lastIndexOf("\n");
  return {
    line: region.firstLine + lineIndex,
    field: region.field,
    message: `contains the control character ${codePoint(match[0])} at column ${column}; remove it`,
  };
}

/** Control characters in the frontmatter, each named by the key on (or above) its line. */
export function checkFrontmatterText(yaml: string, firstLine: number): ContentProblem[] {
  if (Buffer.byteLength(yaml) > MAX_FRONTMATTER_BYTES) {
    return [{ line: firstLine, field: "frontmatter", message: `is larger than ${formatBytes(MAX_FRONTMATTER_BYTES)}` }];
  }
  const problems: ContentProblem[] = [];
  let key = "frontmatter";
  yaml.split("\n").forEach((line, i) => {
    const keyMatch = /^([A-Za-z_][\w-]*)\s*:/.exec(line);
    if (keyMatch) key = keyMatch[1]!;
    const problem = controlProblem(line, { firstLine: firstLine + i, field: key });
    if (problem) problems.push(problem);
  });
  return problems;
}

/**
 * Structural limits of a Markdown body: control characters, line length, block nesting, HTML
 * depth, delimiters per paragraph. Returns at most one problem per kind, at its first line.
 */
export function checkBodyText(body: string, firstLine: number, limits: ContentLimits): ContentProblem[] {
  const problems = new Map<string, ContentProblem>();
  const report = (kind: string, line: number, message: string) => {
    if (!problems.has(kind)) problems.set(kind, { line, field: "body", message });
  };
  let fence: string | null = null;
  let htmlDepth = 0;
  let delimiters = 0;
  let paragraphLine = firstLine;
  body.split("\n").forEach((line, i) => {
    const lineNo = firstLine + i;
    const control = controlProblem(line, { firstLine: lineNo, field: "body" });
    if (control) report("control", control.line, control.message);
    if (line.length > limits.maxLineLength) {
      report("line", lineNo, `line is ${line.length.toLocaleString("en")} characters long; the limit is ${limits.maxLineLength.toLocaleString("en")} (break it into paragraphs)`);
    }
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = null;
      return; // code is shown as written: its nesting and delimiters are not Markdown
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      return;
    }
    const nesting = blockNesting(line);
    if (nesting > limits.maxBlockNesting) {
      report("nesting", lineNo, `quotes and lists are nested ${nesting} deep; the limit is ${limits.maxBlockNesting}`);
    }
    for (const tag of line.matchAll(HTML_TAG)) {
      const [, closing, name, selfClosing] = tag;
      if (VOID_ELEMENTS.has(name!.toLowerCase()) || selfClosing) continue;
      htmlDepth = closing ? Math.max(0, htmlDepth - 1) : htmlDepth + 1;
      if (htmlDepth > limits.maxHtmlDepth) report("html", lineNo, `HTML elements are nested more than ${limits.maxHtmlDepth} deep`);
    }
    if (line.trim() === "") {
      delimiters = 0;
      paragraphLine = lineNo + 1;
      return;
    }
    delimiters += line.match(DELIMITER_RUN)?.length ?? 0;
    if (delimiters > limits.maxDelimitersPerParagraph) {
      report(
        "delimiters",
        paragraphLine,
        `this paragraph holds more than ${limits.maxDelimitersPerParagraph} emphasis, code or link marks (*, _, \`, [ ]); split it or escape them`,
      );
    }
  });
  return [...problems.values()].sort((a, b) => a.line - b.line);
}
