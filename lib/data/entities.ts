import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { EntityRef } from "../search/types";

// Entities for /entities, /entities/<slug> and their API: counts, co-mentions and attention over time.

const PUBLIC = Prisma.sql`a."status" = 'published' AND a."removedAt" IS NULL`;

export interface EntitySummary extends EntityRef {
  aliases: string[];
  articleCount: number;
}

export async function listEntities(): Promise<EntitySummary[]> {
  const rows = await db.$queryRaw<{ slug: string; name: string; kind: string; aliases: string; articleCount: bigint | number }[]>`
    SELECT e."slug", e."name", e."kind", e."aliases",
      (SELECT COUNT(*) FROM "ArticleEntity" ae JOIN "Article" a ON a."id" = ae."articleId" WHERE ae."entityId" = e."id" AND ${PUBLIC}) AS "articleCount"
    FROM "Entity" e ORDER BY lower(e."name"), e."name"`;
  return rows.map((r) => ({ slug: r.slug, name: r.name, kind: r.kind, aliases: JSON.parse(r.aliases) as string[], articleCount: Number(r.articleCount) }));
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

export async function getEntityBySlug(slug: string): Promise<EntityDetail | null> {
  const entity = await db.entity.findUnique({ where: { slug } });
  if (!entity) return null;
  const [count, coMentioned, months, years] = await Promise.all([
    db.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS n FROM "ArticleEntity" ae JOIN "Article" a ON a."id" = ae."articleId"
      WHERE ae."entityId" = ${entity.id} AND ${PUBLIC}`,
    db.$queryRaw<(EntityRef & { count: bigint | number })[]>`
      SELECT e."slug", e."name", e."kind", x."n" AS "count" FROM (
        SELECT ae2."entityId", COUNT(*) AS n FROM "ArticleEntity" ae1
        JOIN "ArticleEntity" ae2 ON ae2."articleId" = ae1."articleId" AND ae2."entityId" <> ae1."entityId"
        JOIN "Article" a ON a."id" = ae1."articleId"
        WHERE ae1."entityId" = ${entity.id} AND ${PUBLIC} GROUP BY ae2."entityId" ORDER BY n DESC LIMIT 12
      ) x JOIN "Entity" e ON e."id" = x."entityId" ORDER BY x."n" DESC, e."name"`,
    db.$queryRaw<{ month: string; count: bigint | number }[]>`SELECT substr(a."dateStart", 1, 7) AS month, COUNT(*) AS count
      FROM "ArticleEntity" ae JOIN "Article" a ON a."id" = ae."articleId"
      WHERE ae."entityId" = ${entity.id} AND ${PUBLIC} AND a."datePrecision" <> 'year' GROUP BY month ORDER BY month`,
    db.$queryRaw<{ year: string; count: bigint | number }[]>`SELECT substr(a."dateStart", 1, 4) AS year, COUNT(*) AS count
      FROM "ArticleEntity" ae JOIN "Article" a ON a."id" = ae."articleId"
      WHERE ae."entityId" = ${entity.id} AND ${PUBLIC} AND a."datePrecision" = 'year' GROUP BY year ORDER BY year`,
  ]);
  return {
    slug: entity.slug,
    name: entity.name,
    kind: entity.kind,
    aliases: JSON.parse(entity.aliases) as string[],
    url: entity.url,
    wikidata: entity.wikidata,
    description: entity.descriptionMarkdown,
    descriptionHtml: entity.descriptionHtml,
    articleCount: Number(count[0]?.n ?? 0),
    coMentioned: coMentioned.map((c) => ({ slug: c.slug, name: c.name, kind: c.kind, count: Number(c.count) })),
    attention: months.map((m) => ({ month: m.month, count: Number(m.count) })),
    yearOnly: years.map((y) => ({ year: Number(y.year), count: Number(y.count) })),
  };
}
