import type { Prisma } from "../generated/prisma/client";
import { indexText } from "./text";

// Keeps the FTS5 table `article_fts` in step with the articles, inside the ingest transaction.
// Only public articles are indexed (drafts and removed articles are deleted from it), so that a
// search without other filters is answered by FTS5 alone.
// Bump SEARCH_INDEX_VERSION whenever what is indexed or how text is normalised changes: the next
// ingest then rebuilds the whole index.

export const SEARCH_INDEX_VERSION = "2";
const STATE_KEY = "sqlite-search-index-version";
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
  for (const id of ids) await tx.$executeRaw`DELETE FROM "article_fts" WHERE rowid = ${id}`;
  for (const article of articles) {
    await tx.$executeRaw`INSERT INTO "article_fts" (rowid, "title", "summary", "body", "source", "entities")
      VALUES (${article.id}, ${indexText(article.title)}, ${indexText(article.summary ?? "")}, ${indexText(article.body?.text ?? "")},
              ${indexText(article.source)}, ${indexText((names.get(article.id) ?? []).join(" "))})`;
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
    await tx.$executeRaw`DELETE FROM "article_fts"`;
    ids = (await tx.article.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id);
    await tx.systemState.upsert({
      where: { key: STATE_KEY },
      create: { key: STATE_KEY, value: SEARCH_INDEX_VERSION },
      update: { value: SEARCH_INDEX_VERSION },
    });
  }
  for (let i = 0; i < ids.length; i += BATCH) await indexBatch(tx, ids.slice(i, i + BATCH));
}
