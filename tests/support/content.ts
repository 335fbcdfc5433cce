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

/** The entities of the synthetic corpus: Numergy in half the articles, Cloudwatt in a third, Bull in a fifth, Ikoula in a twentieth. */
export const SYNTHETIC_ENTITIES = ["numergy", "cloudwatt", "bull", "ikoula"] as const;
const SYNTHETIC_NAMES: Record<string, string> = { numergy: "Numergy", cloudwatt: "Cloudwatt", bull: "Bull", ikoula: "Ikoula" };
const EVERY = [2, 3, 5, 20];

export function writeSyntheticEntity(root: string, slug: (typeof SYNTHETIC_ENTITIES)[number]): string {
  return writeContent(root, "entities", slug, `---\nname: ${SYNTHETIC_NAMES[slug]}\nkind: company\n---\n`);
}

/** Article number i of a deterministic corpus (dates 2012–2016, a seventh year-only, some month-only); `shift` changes its entities. */
export function syntheticArticle(i: number, shift = 0): string {
  const entities = SYNTHETIC_ENTITIES.filter((_, k) => (i + shift) % EVERY[k]! === 0);
  const year = 2012 + (i % 5);
  const month = String(1 + (i % 12)).padStart(2, "0");
  const day = String(1 + (i % 28)).padStart(2, "0");
  const published = i % 7 === 0 ? `${year}` : i % 5 === 0 ? `${year}-${month}` : `${year}-${month}-${day}`;
  return articleMarkdown({
    title: `Article ${i}`,
    published,
    extra: entities.length > 0 ? `entities: [${entities.join(", ")}]` : undefined,
    body: `Texte numéro ${i}${shift ? `, révisé ${shift}` : ""}.`,
  });
}
