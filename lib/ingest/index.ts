import type { ContentKind } from "../content/parse";
import { createRenderPool } from "../content/render-pool";
import type { ContentIndex, FileSummary } from "../content/scan";
import { clientProvider, type Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { bumpContentGeneration } from "../search/generation";
import { searchIndexWriter } from "../search/backend";
import { writeArticles } from "./articles";
import { articleIds, isDerivedCurrent, shouldRebuild, subtractContributions, updateDerived } from "./derived";
import { writeEntities, writeEvents } from "./entities-events";
import { updateArticleEntities, type ChangedArticle } from "./mentions";

// Writes a validated content index to the database: compares content hashes with what is stored,
// then applies every change in one transaction, so that the archive is never half-updated. Callers
// that may run beside another writer hold the write lock (lib/ingest/lock.ts) around this call, so
// that the plan is computed and written by one writer at a time.

export interface IngestSummary {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

export type Tx = Prisma.TransactionClient;

export interface Plan {
  added: FileSummary[];
  updated: FileSummary[];
  unchanged: number;
  /** Slugs present (and public) in the database but no longer on disk. */
  removed: string[];
}

interface Stored {
  slug: string;
  contentHash: string;
  removed: boolean;
}

export function planChanges(files: Map<string, FileSummary>, stored: Stored[]): Plan {
  const plan: Plan = { added: [], updated: [], unchanged: 0, removed: [] };
  const bySlug = new Map(stored.map((row) => [row.slug, row]));
  for (const summary of files.values()) {
    const row = bySlug.get(summary.slug);
    if (row === undefined || row.removed) plan.added.push(summary);
    else if (row.contentHash !== summary.hash) plan.updated.push(summary);
    else plan.unchanged += 1;
  }
  for (const row of stored) if (!row.removed && !files.has(row.slug)) plan.removed.push(row.slug);
  return plan;
}

export function formatSummary(s: IngestSummary): string {
  return `${s.added} added, ${s.updated} updated, ${s.removed} removed, ${s.unchanged} unchanged`;
}

/** The changed articles with the entities their frontmatter names. */
async function explicitEntities(tx: Tx, summaries: FileSummary[]): Promise<ChangedArticle[]> {
  const ids = new Map(
    (await tx.article.findMany({ where: { slug: { in: summaries.map((s) => s.slug) } }, select: { id: true, slug: true } })).map((a) => [a.slug, a.id]),
  );
  return summaries.map((s) => ({ id: ids.get(s.slug)!, explicit: s.refs.filter((r) => r.target === "entity").map((r) => r.slug) }));
}

/** Ingest transactions can be long on a large corpus; Prisma's default of 5 s is for web requests. */
const TRANSACTION_TIMEOUT_MS = 60 * 60 * 1000;

export async function ingestContent(db: Db, index: ContentIndex): Promise<IngestSummary> {
  if (index.problems.length > 0) throw new Error("refusing to ingest content that has problems");
  const { isSearchIndexCurrent, updateSearchIndex } = searchIndexWriter(clientProvider(db));
  const [articles, entities, events] = await Promise.all([
    db.article.findMany({ select: { slug: true, contentHash: true, removedAt: true } }),
    db.entity.findMany({ select: { slug: true, contentHash: true } }),
    db.event.findMany({ select: { slug: true, contentHash: true } }),
  ]);
  const plans: Record<ContentKind, Plan> = {
    entity: planChanges(index.files.entity, entities.map((e) => ({ ...e, removed: false }))),
    article: planChanges(index.files.article, articles.map((a) => ({ ...a, removed: a.removedAt !== null }))),
    event: planChanges(index.files.event, events.map((e) => ({ ...e, removed: false }))),
  };
  const total: IngestSummary = { added: 0, updated: 0, removed: 0, unchanged: 0 };
  for (const plan of Object.values(plans)) {
    total.added += plan.added.length;
    total.updated += plan.updated.length;
    total.removed += plan.removed.length;
    total.unchanged += plan.unchanged;
  }
  const derivedCurrent = await isDerivedCurrent(db);
  if (total.added + total.updated + total.removed === 0 && derivedCurrent && (await isSearchIndexCurrent(db))) return total;
  const changedSlugs = [...plans.article.added, ...plans.article.updated].map((s) => s.slug).concat(plans.article.removed);
  const rebuild = !derivedCurrent || shouldRebuild(changedSlugs.length, articles.length);

  const pool = createRenderPool({ timeoutMs: index.limits.renderTimeoutMs });
  const loader = { index, pool };
  try {
    await db.$transaction(
      async (tx) => {
        // The changed articles' share of the stored co-mentions and counts, as it was before.
        if (!rebuild) await subtractContributions(tx, await articleIds(tx, changedSlugs));
        // Order matters: articles link to entities, events link to both; removals go last so that
        // nothing still pointing at a removed row is written.
        const changedEntities = await writeEntities(tx, plans.entity, loader);
        const changedArticles = await writeArticles(tx, plans.article, loader);
        await writeEvents(tx, plans.event, loader);
        const { ids: relinked, all: relinkedAll } = await updateArticleEntities(
          tx,
          await explicitEntities(tx, [...plans.article.added, ...plans.article.updated]),
        );
        // Articles whose indexed entity names changed are re-indexed too.
        const linked = await tx.articleEntity.findMany({
          where: { entity: { slug: { in: changedEntities } } },
          select: { articleId: true },
        });
        await updateSearchIndex(tx, [...new Set([...changedArticles, ...relinked, ...linked.map((l) => l.articleId)])]);
        await updateDerived(tx, { rebuild: rebuild || relinkedAll, changed: rebuild || relinkedAll ? [] : await articleIds(tx, changedSlugs) });
        await bumpContentGeneration(tx);
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 60_000 },
    );
  } finally {
    await pool.close();
  }
  return total;
}
