import "server-only";
import type { PartialDate } from "../dates";
import { compareFrench } from "../collate";
import { db } from "../db";
import type { EntityRef } from "../search/types";

// The timeline of the saga: dated events, their eras, the entities they concern and the articles
// that attest them.

export interface TimelineEvent {
  slug: string;
  date: string;
  datePrecision: string;
  approximate: boolean;
  title: string;
  descriptionHtml: string;
  era: string | null;
  entities: EntityRef[];
  sources: { slug: string; title: string }[];
}

export interface TimelineFilters {
  entity?: string;
  era?: string;
  from?: PartialDate;
  to?: PartialDate;
  /** Only the events this article attests. */
  sourceArticle?: string;
}

const PUBLIC = { status: "published", removedAt: null } as const;

export async function listEvents(filters: TimelineFilters = {}): Promise<TimelineEvent[]> {
  const events = await db.event.findMany({
    where: {
      ...(filters.entity ? { entities: { some: { entity: { slug: filters.entity } } } } : {}),
      ...(filters.era ? { era: filters.era } : {}),
      ...(filters.from ? { dateEnd: { gte: filters.from.start } } : {}),
      ...(filters.to ? { dateStart: { lte: filters.to.end } } : {}),
      ...(filters.sourceArticle ? { sources: { some: { article: { slug: filters.sourceArticle } } } } : {}),
    },
    orderBy: [{ dateStart: "asc" }, { dateEnd: "asc" }, { slug: "asc" }],
    include: {
      entities: { select: { entity: { select: { slug: true, name: true, kind: true } } } },
      sources: { where: { article: PUBLIC }, select: { article: { select: { slug: true, title: true, dateStart: true } } } },
    },
  });
  return events.map((e) => ({
    slug: e.slug,
    date: e.date,
    datePrecision: e.datePrecision,
    approximate: e.approximate,
    title: e.title,
    descriptionHtml: e.descriptionHtml,
    era: e.era,
    entities: e.entities.map((x) => x.entity).sort((a, b) => compareFrench(a.name, b.name)),
    sources: e.sources
      .map((s) => s.article)
      .sort((a, b) => a.dateStart.localeCompare(b.dateStart))
      .map(({ slug, title }) => ({ slug, title })),
  }));
}

/** Era labels in the order of their first event. */
export async function listEras(): Promise<string[]> {
  const rows = await db.event.findMany({ where: { era: { not: null } }, select: { era: true }, orderBy: { dateStart: "asc" } });
  return [...new Set(rows.map((r) => r.era!))];
}
