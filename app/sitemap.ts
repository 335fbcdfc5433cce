import type { MetadataRoute } from "next";
import { listArticleSlugsForSitemap } from "@/lib/data/sitemap";
import { siteUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const articles = await listArticleSlugsForSitemap();
  return [
    { url: `${base}/`, changeFrequency: "weekly", priority: 1 },
    { url: `${base}/articles`, changeFrequency: "weekly", priority: 0.8 },
    ...articles.map((a) => ({ url: `${base}/articles/${a.slug}`, lastModified: a.updatedAt, priority: 0.6 })),
  ];
}
