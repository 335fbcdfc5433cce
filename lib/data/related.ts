import "server-only";
import { formatFrenchDate } from "../dates";
import { clientProvider, db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { rankRelated, rarityWeight, type RankedStory, type RelatedCandidate, type RelatedEntity } from "../related";

// Gathers the candidates for "related stories" with a few indexed queries, then ranks them with
// the pure function of lib/related.ts. SQL pre-selects the best candidates by the same rarity
// weights, so the ranking never has to look at every article sharing a common entity.

const PUBLIC = Prisma.sql`a."status" = 'published' AND a."removedAt" IS NULL`;
const PRESELECT = 60;
const NEIGHBOURS = 6;

interface Target {
  id: number;
  slug: string;
  dateStart: string;
  entities: (RelatedEntity & { id: number })[];
  explicit: string[];
}

export async function getRelatedStories(target: Target, limit = 6): Promise<RankedStory[]> {
  const entityIds = target.entities.map((e) => e.id);
  const [totalRows, dfRows] = await Promise.all([
    db.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS n FROM "Article" a WHERE ${PUBLIC}`,
    entityIds.length === 0
      ? Promise.resolve([])
      : db.$queryRaw<{ entityId: number; n: bigint | number }[]>`SELECT ae."entityId", COUNT(*) AS n
          FROM "ArticleEntity" ae JOIN "Article" a ON a."id" = ae."articleId"
          WHERE ae."entityId" IN (${Prisma.join(entityIds)}) AND ${PUBLIC} GROUP BY ae."entityId"`,
  ]);
  const total = Number(totalRows[0]?.n ?? 0);
  const df = new Map(dfRows.map((r) => [r.entityId, Number(r.n)]));
  // CASTs: PostgreSQL would otherwise read untyped parameters in VALUES as text.
  const weights = target.entities.map(
    (e) => Prisma.sql`(CAST(${e.id} AS INTEGER), CAST(${rarityWeight(df.get(e.id) ?? 1, total)} AS DOUBLE PRECISION))`,
  );
  const daysApart =
    clientProvider(db) === "postgresql"
      ? Prisma.sql`abs(CAST(a."dateStart" AS DATE) - CAST(${target.dateStart} AS DATE))`
      : Prisma.sql`abs(julianday(a."dateStart") - julianday(${target.dateStart}))`;

  const [byEntities, before, after] = await Promise.all([
    weights.length === 0
      ? Promise.resolve([])
      : db.$queryRaw<{ id: number }[]>`
          WITH w("entityId", weight) AS (VALUES ${Prisma.join(weights)})
          SELECT a."id" AS id FROM "ArticleEntity" ae JOIN w ON w."entityId" = ae."entityId"
          JOIN "Article" a ON a."id" = ae."articleId"
          WHERE ae."articleId" <> ${target.id} AND ${PUBLIC}
          GROUP BY a."id" ORDER BY SUM(w.weight) DESC, ${daysApart}, a."id" LIMIT ${PRESELECT}`,
    db.article.findMany({
      where: { status: "published", removedAt: null, id: { not: target.id }, dateStart: { lte: target.dateStart } },
      orderBy: { dateStart: "desc" },
      take: NEIGHBOURS,
      select: { id: true },
    }),
    db.article.findMany({
      where: { status: "published", removedAt: null, id: { not: target.id }, dateStart: { gt: target.dateStart } },
      orderBy: { dateStart: "asc" },
      take: NEIGHBOURS,
      select: { id: true },
    }),
  ]);
  const explicitRows = await db.article.findMany({
    where: { slug: { in: target.explicit }, status: "published", removedAt: null },
    select: { id: true },
  });
  const ids = [...new Set([...explicitRows, ...byEntities, ...before, ...after].map((r) => r.id))];
  const rows = await db.article.findMany({
    where: { id: { in: ids } },
    select: { slug: true, title: true, dateStart: true, entities: { select: { entity: { select: { slug: true, name: true } } } } },
  });
  const candidates: RelatedCandidate[] = rows.map((r) => ({ slug: r.slug, title: r.title, dateStart: r.dateStart, entities: r.entities.map((e) => e.entity) }));
  const articleCounts = new Map(target.entities.map((e) => [e.slug, df.get(e.id) ?? 1]));
  return rankRelated(target, candidates, {
    articleCounts,
    totalArticles: total,
    limit,
    formatDate: (d) => formatFrenchDate(d.slice(0, 7)),
  });
}
