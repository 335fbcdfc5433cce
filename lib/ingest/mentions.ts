import { createHash } from "node:crypto";
import { compileMatcher, entityNames, findMentions } from "../content/mentions";
import { insertRows } from "./bulk";
import type { Tx } from "./index";
import { chunk } from "./load";

// Rewrites the article↔entity links: the entities named in the frontmatter (explicit) and those
// whose name or alias appears in the text (mentions, with counts and positions). When the set of
// names changes (an entity added, renamed, given an alias, removed), every article is scanned
// again, since any text may now mention it; otherwise only the articles that changed.

const STATE_KEY = "mention-names";
const LINK_COLUMNS = [
  ["articleId", "integer"],
  ["entityId", "integer"],
  ["explicit", "boolean"],
  ["mentions", "integer"],
  ["positions", "text"],
] as const;
const BATCH = 500;

export interface ChangedArticle {
  id: number;
  /** Entity slugs listed in the article's frontmatter. */
  explicit: string[];
}

/** Returns the ids of the articles whose links were rewritten, and whether that was every article. */
export async function updateArticleEntities(tx: Tx, changed: ChangedArticle[]): Promise<{ ids: number[]; all: boolean }> {
  const entities = await tx.entity.findMany({
    select: { id: true, slug: true, name: true, aliases: true, exactAliases: true },
    orderBy: { slug: "asc" },
  });
  const names = entities.map(entityNames);
  const fingerprint = createHash("sha256").update(JSON.stringify(names)).digest("hex");
  const state = await tx.systemState.findUnique({ where: { key: STATE_KEY } });
  const rescanAll = state?.value !== fingerprint;

  const explicitById = new Map(changed.map((c) => [c.id, c.explicit]));
  const ids = rescanAll
    ? (await tx.article.findMany({ where: { removedAt: null }, select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id)
    : changed.map((c) => c.id);
  const matcher = compileMatcher(names);
  const entityId = new Map(entities.map((e) => [e.slug, e.id]));

  for (const batch of chunk(ids, BATCH)) {
    const [bodies, kept] = await Promise.all([
      tx.articleBody.findMany({ where: { articleId: { in: batch } }, select: { articleId: true, text: true, article: { select: { title: true } } } }),
      // Unchanged articles keep their explicit links as stored.
      tx.articleEntity.findMany({
        where: { articleId: { in: batch.filter((id) => !explicitById.has(id)) }, explicit: true },
        select: { articleId: true, entity: { select: { slug: true } } },
      }),
    ]);
    const explicit = new Map(explicitById);
    for (const row of kept) explicit.set(row.articleId, [...(explicit.get(row.articleId) ?? []), row.entity.slug]);
    const body = new Map(bodies.map((b) => [b.articleId, b]));
    const rows = batch.flatMap((articleId) => {
      // Positions are offsets in the body text; a name in the title counts as a mention too.
      const mentions = new Map(findMentions(matcher, body.get(articleId)?.text ?? "").map((m) => [m.slug, m]));
      for (const inTitle of findMentions(matcher, body.get(articleId)?.article.title ?? "")) {
        const mention = mentions.get(inTitle.slug) ?? { slug: inTitle.slug, count: 0, positions: [] };
        mentions.set(inTitle.slug, { ...mention, count: mention.count + inTitle.count });
      }
      const slugs = new Set([...(explicit.get(articleId) ?? []), ...mentions.keys()]);
      return [...slugs].map((slug) => ({
        articleId,
        entityId: entityId.get(slug)!,
        explicit: (explicit.get(articleId) ?? []).includes(slug),
        mentions: mentions.get(slug)?.count ?? 0,
        positions: JSON.stringify(mentions.get(slug)?.positions ?? []),
      }));
    });
    await tx.articleEntity.deleteMany({ where: { articleId: { in: batch } } });
    await insertRows(
      tx,
      "ArticleEntity",
      LINK_COLUMNS,
      rows.map((r) => [r.articleId, r.entityId, r.explicit, r.mentions, r.positions]),
    );
  }
  if (rescanAll) {
    await tx.systemState.upsert({ where: { key: STATE_KEY }, create: { key: STATE_KEY, value: fingerprint }, update: { value: fingerprint } });
  }
  return { ids, all: rescanAll };
}
