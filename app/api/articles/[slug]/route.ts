import { notFound } from "@/lib/api/respond";
import { SLUG_PATTERN } from "@/lib/content/schema";
import { getArticleBySlug } from "@/lib/data/get-article";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const article = SLUG_PATTERN.test(slug) ? await getArticleBySlug(slug) : null;
  if (!article) return notFound(`article "${slug.slice(0, 200)}"`);
  return Response.json(article);
}
