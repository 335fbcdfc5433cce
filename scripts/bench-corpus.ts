// The synthetic corpus both benchmarks use (scripts/bench.ts, scripts/bench-search.ts): deterministic
// French articles the length of the seeds, built from the seed articles' sentences, with the
// companies' and people's names replaced by each article's own entities; and the query mix.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Mulberry32: a tiny deterministic PRNG, so every run builds the same corpus (or request sequence). */
export function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ENTITIES = [
  ["numergy", "Numergy", "company"],
  ["cloudwatt", "Cloudwatt", "company"],
  ["orange", "Orange", "company"],
  ["sfr", "SFR", "company"],
  ["bull", "Bull", "company"],
  ["atos", "Atos", "company"],
  ["thales", "Thales", "company"],
  ["dassault-systemes", "Dassault Systèmes", "company"],
  ["caisse-des-depots", "Caisse des Dépôts", "institution"],
  ["altice", "Altice", "company"],
  ["ovh", "OVH", "company"],
  ["gandi", "Gandi", "company"],
  ["ikoula", "Ikoula", "company"],
  ["philippe-tavernier", "Philippe Tavernier", "person"],
  ["didier-renard", "Didier Renard", "person"],
  ["openstack", "OpenStack", "product"],
] as const;
const NAMES = new RegExp(
  [...ENTITIES.map((e) => e[1]), "Thalès", "Dassault", "Numéricable", "Numericable", "Tavernier", "Renard", "Starck", "Red Hat", "eNovance"]
    .sort((a, b) => b.length - a.length)
    .join("|"),
  "g",
);
const SOURCES = ["Next INpact", "FrenchWeb", "Channelnews", "ITsocial", "SécuritéCloud", "Le Monde Informatique", "LeMagIT", "Silicon.fr", "ZDNet", "L'Usine Digitale", "Les Echos", "01net"];

function seedSentences(): string[] {
  const dir = path.resolve("content/articles");
  return readdirSync(dir)
    .flatMap((f) => readFileSync(path.join(dir, f), "utf8").split(/^---$/m)[2]!.split(/(?<=[.!?»])\s+/))
    .map((s) => s.replace(/[#*>]/g, "").replace(/\s+/g, " ").trim())
    .filter((s) => s.length > 30);
}

export function buildCorpus(dir: string, size: number): void {
  const rand = prng(size);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const sentences = seedSentences();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "articles"), { recursive: true });
  mkdirSync(path.join(dir, "entities"), { recursive: true });
  for (const [slug, name, kind] of ENTITIES) {
    writeFileSync(path.join(dir, "entities", `${slug}.md`), `---\nname: ${name}\nkind: ${kind}\n---\n${name}.\n`);
  }
  for (let i = 0; i < size; i++) {
    const year = 2010 + Math.floor(rand() * 7);
    const month = 1 + Math.floor(rand() * 12);
    const precision = rand();
    const published = precision < 0.1 ? `${year}` : precision < 0.3 ? `${year}-${String(month).padStart(2, "0")}` : `${year}-${String(month).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
    const entities = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(ENTITIES)[0]))];
    // Names in the borrowed sentences are replaced by the article's own entities, so that a name
    // occurs in the articles about it rather than in every article.
    const names = entities.map((slug) => ENTITIES.find((e) => e[0] === slug)![1]);
    const localise = (sentence: string) => sentence.replace(NAMES, () => names[Math.floor(rand() * names.length)]!);
    const paragraphs = Array.from({ length: 4 + Math.floor(rand() * 12) }, () =>
      Array.from({ length: 2 + Math.floor(rand() * 4) }, () => localise(pick(sentences))).join(" "),
    );
    const title = pick(sentences).slice(0, 90).replace(/"/g, "'");
    writeFileSync(
      path.join(dir, "articles", `article-${i}.md`),
      `---\ntitle: "${title}"\nsource: "${pick(SOURCES)}"\npublished: "${published}"\nentities: [${entities.join(", ")}]\n---\n\n${paragraphs.join("\n\n")}\n`,
    );
  }
}

export const QUERY_MIX: Record<string, string[]> = {
  "single word": ["q=numergy", "q=souveraineté", "q=actionnaires", "q=ikoula", "q=datacenters"],
  "two words": ["q=cloud+souverain", "q=caisse+depots", "q=chiffre+affaires", "q=orange+thales"],
  phrase: ['q="procédure de sauvegarde"', 'q="caisse des dépôts"', 'q="cloud souverain"'],
  "entity + date filter": ["entity=numergy&from=2014&to=2015-06", "entity=orange&entity=thales&from=2012-09", "entity=ikoula&to=2013"],
  "facet-heavy (no words)": ["from=2010&to=2016", "source=FrenchWeb", "sort=oldest&page=40"],
};

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The bare ranked FTS5 query for the first 20 matches: what search is measured against. */
export const BARE_FTS_SQL = `SELECT rowid FROM "article_fts" WHERE "article_fts" MATCH ? ORDER BY bm25(article_fts, 10.0, 4.0, 1.0, 2.0, 6.0) LIMIT 20`;
