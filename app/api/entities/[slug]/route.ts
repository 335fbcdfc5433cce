import { ZArticlesQuery } from "@/lib/api/query";
import { notFound } from "@/lib/api/respond";
import { SLUG_PATTERN } from "@/lib/content/schema";
import { getEntityBySlug } from "@/lib/data/entities";
import { searchArticles } from "@/lib/data/search-articles";
import { listEvents } from "@/lib/data/timeline";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const entity = SLUG_PATTERN.test(slug) ? await getEntityBySlug(slug) : null;
  if (!entity) return notFound(`entity "${slug.slice(0, 200)}"`);
  const [articles, events] = await Promise.all([
    searchArticles(ZArticlesQuery.parse({ entity: [slug], pageSize: "100" })),
    listEvents({ entity: slug }),
  ]);
  // The newest 100 articles; every one is listed by GET /api/articles?entity=<slug>.
  return Response.json({ ...entity, articles: articles.items, events });
}
