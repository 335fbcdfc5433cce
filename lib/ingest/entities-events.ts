import type { FileSummary } from "../content/scan";
import type { Plan, Tx } from "./index";
import { chunk, loadBatch, type Loader } from "./load";

// Entities and timeline events have no revision history of their own (the contract keeps
// revisions for articles); they are upserted by slug and deleted when their file goes away.

const BATCH = 250;

async function idsBySlug(tx: Tx, model: "article" | "entity", slugs: string[]): Promise<Map<string, number>> {
  const rows =
    model === "article"
      ? await tx.article.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })
      : await tx.entity.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Returns the slugs of the entities written. */
export async function writeEntities(tx: Tx, plan: Plan, loader: Loader): Promise<string[]> {
  for (const batch of chunk([...plan.added, ...plan.updated], BATCH)) {
    for (const { summary, parsed, rendered } of await loadBatch("entity", batch, loader)) {
      const row = {
        name: parsed.data.name,
        kind: parsed.data.kind,
        aliases: JSON.stringify(parsed.data.aliases),
        exactAliases: JSON.stringify(parsed.data.exactAliases),
        url: parsed.data.url ?? null,
        wikidata: parsed.data.wikidata ?? null,
        descriptionMarkdown: parsed.body,
        descriptionHtml: rendered.html,
        contentHash: summary.hash,
        sourcePath: summary.displayPath,
      };
      await tx.entity.upsert({ where: { slug: summary.slug }, create: { slug: summary.slug, ...row }, update: row });
    }
  }
  // Validation guarantees that no article or event on disk still names a removed entity.
  for (const slugs of chunk(plan.removed, BATCH)) await tx.entity.deleteMany({ where: { slug: { in: slugs } } });
  return [...plan.added, ...plan.updated].map((s) => s.slug);
}

async function writeEventLinks(tx: Tx, eventId: number, summary: FileSummary): Promise<void> {
  const entityRefs = summary.refs.filter((r) => r.target === "entity").map((r) => r.slug);
  const sourceRefs = summary.refs.filter((r) => r.target === "article").map((r) => r.slug);
  const [entityIds, articleIds] = await Promise.all([idsBySlug(tx, "entity", entityRefs), idsBySlug(tx, "article", sourceRefs)]);
  await tx.eventEntity.deleteMany({ where: { eventId } });
  await tx.eventSource.deleteMany({ where: { eventId } });
  await tx.eventEntity.createMany({ data: entityRefs.map((slug) => ({ eventId, entityId: entityIds.get(slug)! })) });
  await tx.eventSource.createMany({ data: sourceRefs.map((slug) => ({ eventId, articleId: articleIds.get(slug)! })) });
}

export async function writeEvents(tx: Tx, plan: Plan, loader: Loader): Promise<void> {
  for (const batch of chunk([...plan.added, ...plan.updated], BATCH)) {
    for (const { summary, parsed, rendered } of await loadBatch("event", batch, loader)) {
      const { date } = parsed.data;
      const row = {
        title: parsed.data.title,
        date: date.value,
        datePrecision: date.precision,
        approximate: parsed.data.approximate,
        dateStart: date.start,
        dateEnd: date.end,
        era: parsed.data.era ?? null,
        descriptionMarkdown: parsed.body,
        descriptionHtml: rendered.html,
        contentHash: summary.hash,
        sourcePath: summary.displayPath,
      };
      const { id } = await tx.event.upsert({
        where: { slug: summary.slug },
        create: { slug: summary.slug, ...row },
        update: row,
        select: { id: true },
      });
      await writeEventLinks(tx, id, summary);
    }
  }
  for (const slugs of chunk(plan.removed, BATCH)) await tx.event.deleteMany({ where: { slug: { in: slugs } } });
}
