import { parseArticlesQuery } from "@/lib/api/query";
import { badRequest } from "@/lib/api/respond";
import { searchArticles } from "@/lib/data/search-articles";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const parsed = parseArticlesQuery(new URL(request.url).searchParams);
  if (!parsed.success) return badRequest(parsed.error);
  return Response.json(await searchArticles(parsed.data));
}
