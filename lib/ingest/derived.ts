import { formatFrenchDate } from "../dates";
import { Prisma } from "../generated/prisma/client";
import { buildRelatedGraph, neighbourhood, relatedInGraph, type RelatedGraph } from "../related";
import type { Tx } from "./index";
import { insertRows } from "./bulk";
import { chunk } from "./load";

// What the reading pages show about the corpus as a whole, computed at ingest and stored, so that
// an article or entity page reads a few rows whatever the size of the archive:
// - EntityPeriod: public articles per entity and period (month, or year for year-only dates);
//   their sum is the entity's article count (entities index, timeline filter, entity page);
// - EntityPair: public articles shared by two entities (the entity page's co-mentions);
// - RelatedStory: each public article's related stories (lib/related.ts ranks them).
//
// Incrementally, for the articles an ingest changes (added, updated, removed, published or
// unpublished): their old contributions to the entity tables are subtracted before the writes and
// their new ones added after, so the counts stay exact; related stories are recomputed for the
// changed articles and for those whose ranking they can enter or leave (the articles that listed
// them, that link to them, and their neighbourhood: see lib/related.ts). Everything is rebuilt
// when the tables are new or outdated, when entity names changed (every article was relinked), or
// when more than a tenth of the archive changed.

const STATE_KEY = "derived-version";
/** Bump to rebuild everything at the next ingest (a change of ranking or of what is stored). */
export const DERIVED_VERSION = "1";
const BATCH = 500;
const INSERT_BATCH = 5_000;

const PUBLIC = Prisma.sql`a."status" = 'published' AND a."removedAt" IS NULL`;
const PERIOD = Prisma.sql`CASE WHEN a."datePrecision" = 'year' THEN substr(a."dateStart", 1, 4) ELSE substr(a."dateStart", 1, 7) END`;

export async function isDerivedCurrent(client: Pick<Tx, "systemState">): Promise<boolean> {
  const state = await client.systemState.findUnique({ where: { key: STATE_KEY } });
  return state?.value === DERIVED_VERSION;
}

/** Whether a change of `changed` articles in an archive of `stored` is cheaper to rebuild. */
export function shouldRebuild(changed: number, stored: number): boolean {
  return changed * 10 > stored;
}

/**
 * Adds (sign 1) or subtracts (sign -1) what the given public articles contribute to the entity
 * tables; with ids null, adds every public article (after the tables were emptied).
 */
async function entityContributions(tx: Tx, ids: number[] | null, sign: 1 | -1): Promise<void> {
  for (const batch of ids === null ? [null] : chunk(ids, BATCH)) {
    const only = batch === null ? Prisma.empty : Prisma.sql`AND a."id" IN (${Prisma.join(batch)})`;
    // `WHERE` before `GROUP BY … ON CONFLICT`: SQLite needs it to parse an upsert from a SELECT.
    await tx.$executeRaw`INSERT INTO "EntityPeriod" ("entityId", "period", "count")
      SELECT ae."entityId", ${PERIOD}, CAST(${sign} AS INTEGER) * COUNT(*)
      FROM "ArticleEntity" ae JOIN "Article" a ON a."id" = ae."articleId"
      WHERE ${PUBLIC} ${only} GROUP BY ae."entityId", ${PERIOD}
      ON CONFLICT ("entityId", "period") DO UPDATE SET "count" = "EntityPeriod"."count" + excluded."count"`;
    await tx.$executeRaw`INSERT INTO "EntityPair" ("entityId", "otherId", "count")
      SELECT ae1."entityId", ae2."entityId", CAST(${sign} AS INTEGER) * COUNT(*)
      FROM "ArticleEntity" ae1
      JOIN "ArticleEntity" ae2 ON ae2."articleId" = ae1."articleId" AND ae2."entityId" <> ae1."entityId"
      JOIN "Article" a ON a."id" = ae1."articleId"
      WHERE ${PUBLIC} ${only} GROUP BY ae1."entityId", ae2."entityId"
      ON CONFLICT ("entityId", "otherId") DO UPDATE SET "count" = "EntityPair"."count" + excluded."count"`;
  }
  if (sign === -1 || ids !== null) {
    await tx.$executeRaw`DELETE FROM "EntityPeriod" WHERE "count" <= 0`;
    await tx.$executeRaw`DELETE FROM "EntityPair" WHERE "count" <= 0`;
  }
}

/** The ids of the given slugs' articles (those that exist). */
export async function articleIds(tx: Tx, slugs: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const batch of chunk(slugs, BATCH)) {
    ids.push(...(await tx.article.findMany({ where: { slug: { in: batch } }, select: { id: true } })).map((a) => a.id));
  }
  return ids;
}

/** Before the writes: takes the changed articles' current contributions out of the entity tables. */
export async function subtractContributions(tx: Tx, ids: number[]): Promise<void> {
  if (ids.length > 0) await entityContributions(tx, ids, -1);
}

async function loadGraph(tx: Tx): Promise<RelatedGraph> {
  const [articles, links, entities, explicit] = await Promise.all([
    tx.$queryRaw<{ id: number; slug: string; dateStart: string }[]>`SELECT a."id", a."slug", a."dateStart" FROM "Article" a WHERE ${PUBLIC}`,
    tx.$queryRaw<{ articleId: number; entityId: number }[]>`SELECT ae."articleId", ae."entityId"
      FROM "ArticleEntity" ae JOIN "Article" a ON a."id" = ae."articleId" WHERE ${PUBLIC}`,
    tx.entity.findMany({ select: { id: true, slug: true, name: true }, orderBy: { id: "asc" } }),
    tx.articleLink.findMany({ select: { fromId: true, toId: true } }),
  ]);
  return buildRelatedGraph(
    articles,
    links.map((l) => [l.articleId, l.entityId] as const),
    entities,
    explicit.map((l) => [l.fromId, l.toId] as const),
  );
}

const formatDate = (d: string) => formatFrenchDate(d.slice(0, 7));

async function writeRelated(tx: Tx, graph: RelatedGraph, positions: Iterable<number>): Promise<void> {
  let rows: [number, number, number, number, string][] = [];
  const flush = async () => {
    await insertRows(tx, "RelatedStory", RELATED_COLUMNS, rows);
    rows = [];
  };
  for (const p of positions) {
    relatedInGraph(graph, p, { formatDate }).forEach((story, rank) => {
      rows.push([graph.ids[p]!, rank, graph.ids[story.position]!, story.score, story.reason]);
    });
    if (rows.length >= INSERT_BATCH) await flush();
  }
  await flush();
}

const RELATED_COLUMNS = [
  ["articleId", "integer"],
  ["rank", "integer"],
  ["relatedId", "integer"],
  ["score", "real"],
  ["reason", "text"],
] as const;

export interface DerivedChange {
  /** Rebuild everything rather than the changed articles' share. */
  rebuild: boolean;
  /** Ids of the articles added, updated or removed by this ingest (read after the writes). */
  changed: number[];
}

/** After the writes: brings the derived tables up to date. */
export async function updateDerived(tx: Tx, change: DerivedChange): Promise<void> {
  if (change.rebuild) {
    await tx.$executeRaw`DELETE FROM "EntityPeriod"`;
    await tx.$executeRaw`DELETE FROM "EntityPair"`;
    await tx.$executeRaw`DELETE FROM "RelatedStory"`;
    await entityContributions(tx, null, 1);
    const graph = await loadGraph(tx);
    await writeRelated(tx, graph, Array.from({ length: graph.size }, (_, p) => p));
    await tx.systemState.upsert({ where: { key: STATE_KEY }, create: { key: STATE_KEY, value: DERIVED_VERSION }, update: { value: DERIVED_VERSION } });
    return;
  }
  if (change.changed.length === 0) return;
  await entityContributions(tx, change.changed, 1);
  const graph = await loadGraph(tx);
  const touched = new Set<number>();
  const add = (id: number) => {
    const p = graph.positionOf.get(id);
    if (p !== undefined) touched.add(p);
  };
  for (const batch of chunk(change.changed, BATCH)) {
    const [listing, linking] = await Promise.all([
      tx.relatedStory.findMany({ where: { relatedId: { in: batch } }, select: { articleId: true }, distinct: ["articleId"] }),
      tx.articleLink.findMany({ where: { toId: { in: batch } }, select: { fromId: true } }),
    ]);
    for (const row of listing) add(row.articleId);
    for (const row of linking) add(row.fromId);
  }
  for (const id of change.changed) {
    const p = graph.positionOf.get(id);
    if (p === undefined) continue;
    touched.add(p);
    for (const q of neighbourhood(graph, p)) touched.add(q);
  }
  const rewritten = [...new Set([...change.changed, ...[...touched].map((p) => graph.ids[p]!)])];
  for (const batch of chunk(rewritten, BATCH)) await tx.relatedStory.deleteMany({ where: { articleId: { in: batch } } });
  await writeRelated(tx, graph, touched);
}

