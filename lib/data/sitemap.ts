import "server-only";
import { db } from "../db";

/** A sitemap file holds at most 50,000 URLs (sitemaps.org). */
const SITEMAP_LIMIT = 49_000;

export async function listArticleSlugsForSitemap() {
  return db.article.findMany({
    where: { status: "published", removedAt: null },
    select: { slug: true, updatedAt: true },
    orderBy: { dateStart: "desc" },
    take: SITEMAP_LIMIT,
  });
}

export async function listEntitySlugsForSitemap() {
  return db.entity.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" }, take: SITEMAP_LIMIT });
}
