import type { MetadataRoute } from "next";
import { listArticleSlugsForSitemap, listEntitySlugsForSitemap } from "@/lib/data/sitemap";
import { siteUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const [articles, entities] = await Promise.all([listArticleSlugsForSitemap(), listEntitySlugsForSitemap()]);
  return [
    { url: `${base}/`, changeFrequency: "weekly", priority: 1 },
    { url: `${base}/articles`, changeFrequency: "weekly", priority: 0.8 },
    { url: `${base}/timeline`, changeFrequency: "monthly", priority: 0.8 },
    { url: `${base}/entities`, changeFrequency: "monthly", priority: 0.7 },
    ...entities.map((e) => ({ url: `${base}/entities/${e.slug}`, lastModified: e.updatedAt, priority: 0.5 })),
    ...articles.map((a) => ({ url: `${base}/articles/${a.slug}`, lastModified: a.updatedAt, priority: 0.6 })),
  ];
}
