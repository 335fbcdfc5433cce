import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface ArticleSpec {
  title?: string;
  source?: string;
  published?: string;
  extra?: string;
  body?: string;
}

export function articleMarkdown(spec: ArticleSpec = {}): string {
  return [
    "---",
    `title: "${spec.title ?? "Un article"}"`,
    `source: ${spec.source ?? "Next INpact"}`,
    `published: ${spec.published ?? "2014-09-25"}`,
    ...(spec.extra ? [spec.extra.trimEnd()] : []),
    "---",
    "",
    spec.body ?? "Le texte de l’article sur Numergy et Cloudwatt.",
    "",
  ].join("\n");
}

/** Writes content/<kind folder>/<slug>.md under `root`. */
export function writeContent(root: string, folder: "articles" | "entities" | "timeline", slug: string, text: string): string {
  const dir = path.join(root, folder);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${slug}.md`);
  writeFileSync(file, text);
  return file;
}
