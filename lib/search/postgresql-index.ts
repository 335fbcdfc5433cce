import type { Prisma } from "../generated/prisma/client";
import { indexText } from "./text";

// Keeps "article_search" (PostgreSQL) in step with the articles, inside the ingest transaction,
// exactly as sqlite-index.ts does for FTS5: only public articles are indexed, with the same folded
// Snowball stems (lib/search/text.ts). The `simple` configuration only lowercases and splits, so the
// tsvector holds those stems unchanged; setweight marks where each came from (title A, entity names
// B, summary and source C, body D) for ts_rank. Bump SEARCH_INDEX_VERSION when what is indexed or
// how text is normalised changes: the next ingest rebuilds the whole index.

export const SEARCH_INDEX_VERSION = "1";
const STATE_KEY = "postgresql-search-index-version";
const BATCH = 500;

type Tx = Prisma.TransactionClient;

async function indexBatch(tx: Tx, ids: number[]): Promise<void> {
  const [articles, links] = await Promise.all([
    tx.article.findMany({
      where: { id: { in: ids }, status: "published", removedAt: null },
      select: { id: true, title: true, summary: true, source: true, body: { select: { text: true } } },
    }),
    tx.articleEntity.findMany({
      where: { articleId: { in: ids } },
      select: { articleId: true, entity: { select: { name: true, aliases: true } } },
    }),
  ]);
  const names = new Map<number, string[]>();
  for (const link of links) {
    const list = names.get(link.articleId) ?? [];
    list.push(link.entity.name, ...(JSON.parse(link.entity.aliases) as string[]));
    names.set(link.articleId, list);
  }
  await tx.$executeRaw`DELETE FROM "article_search" WHERE "articleId" = ANY(${ids}::int[])`;
  for (const article of articles) {
    const title = indexText(article.title);
    const entities = indexText((names.get(article.id) ?? []).join(" "));
    const summary = indexText(`${article.summary ?? ""} ${article.source}`);
    const body = indexText(article.body?.text ?? "");
    await tx.$executeRaw`INSERT INTO "article_search" ("articleId", "document") VALUES (${article.id},
      setweight(to_tsvector('simple'::regconfig, ${title}::text), 'A') ||
      setweight(to_tsvector('simple'::regconfig, ${entities}::text), 'B') ||
      setweight(to_tsvector('simple'::regconfig, ${summary}::text), 'C') ||
      setweight(to_tsvector('simple'::regconfig, ${body}::text), 'D'))`;
  }
}

export async function isSearchIndexCurrent(client: Pick<Tx, "systemState">): Promise<boolean> {
  const state = await client.systemState.findUnique({ where: { key: STATE_KEY } });
  return state?.value === SEARCH_INDEX_VERSION;
}

/**
 * Re-indexes the given articles (removing those no longer public), or every article when the
 * index is missing or outdated.
 */
export async function updateSearchIndex(tx: Tx, changedIds: number[]): Promise<void> {
  let ids = changedIds;
  if (!(await isSearchIndexCurrent(tx))) {
    await tx.$executeRaw`DELETE FROM "article_search"`;
    ids = (await tx.article.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id);
    await tx.systemState.upsert({
      where: { key: STATE_KEY },
      create: { key: STATE_KEY, value: SEARCH_INDEX_VERSION },
      update: { value: SEARCH_INDEX_VERSION },
    });
  }
  for (let i = 0; i < ids.length; i += BATCH) await indexBatch(tx, ids.slice(i, i + BATCH));
}
