import "server-only";
import { compareFrench } from "../collate";
import { db } from "../db";
import type { EntityRef } from "../search/types";

// Entities for /entities, /entities/<slug> and their API: counts, co-mentions and attention over time.

// Counts, co-mentions and articles per period are computed at ingest (lib/ingest/derived.ts:
// EntityPeriod, EntityPair): these pages read a few rows per entity whatever the size of the archive.

export interface EntitySummary extends EntityRef {
  aliases: string[];
  articleCount: number;
}

export async function listEntities(): Promise<EntitySummary[]> {
  const [entities, counts] = await Promise.all([
    db.entity.findMany({ select: { id: true, slug: true, name: true, kind: true, aliases: true } }),
    db.entityPeriod.groupBy({ by: ["entityId"], _sum: { count: true } }),
  ]);
  const countOf = new Map(counts.map((c) => [c.entityId, c._sum.count ?? 0]));
  return entities
    .map((e) => ({ slug: e.slug, name: e.name, kind: e.kind, aliases: JSON.parse(e.aliases) as string[], articleCount: countOf.get(e.id) ?? 0 }))
    .sort((a, b) => compareFrench(a.name, b.name));
}

export interface EntityDetail extends EntitySummary {
  url: string | null;
  wikidata: string | null;
  /** The description as written (Markdown), and rendered. */
  description: string;
  descriptionHtml: string;
  /** The entities most often found in the same articles. */
  coMentioned: (EntityRef & { count: number })[];
  /** Articles per month (articles dated to the month or day). */
  attention: { month: string; count: number }[];
  /** Articles dated only by their year, which a monthly chart cannot place. */
  yearOnly: { year: number; count: number }[];
}

const CO_MENTIONED = 12;

export async function getEntityBySlug(slug: string): Promise<EntityDetail | null> {
  const entity = await db.entity.findUnique({
    where: { slug },
    include: {
      periods: { select: { period: true, count: true }, orderBy: { period: "asc" } },
      pairs: {
        select: { count: true, other: { select: { slug: true, name: true, kind: true } } },
        orderBy: [{ count: "desc" }, { other: { name: "asc" } }],
        take: CO_MENTIONED,
      },
    },
  });
  if (!entity) return null;
  const attention = entity.periods.filter((p) => p.period.length === 7).map((p) => ({ month: p.period, count: p.count }));
  const yearOnly = entity.periods.filter((p) => p.period.length === 4).map((p) => ({ year: Number(p.period), count: p.count }));
  return {
    slug: entity.slug,
    name: entity.name,
    kind: entity.kind,
    aliases: JSON.parse(entity.aliases) as string[],
    url: entity.url,
    wikidata: entity.wikidata,
    description: entity.descriptionMarkdown,
    descriptionHtml: entity.descriptionHtml,
    articleCount: entity.periods.reduce((n, p) => n + p.count, 0),
    coMentioned: entity.pairs.map((p) => ({ ...p.other, count: p.count })),
    attention,
    yearOnly,
  };
}
