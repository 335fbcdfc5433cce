import { parseArticlesQuery } from "@/lib/api/query";
import { badRequest, unknownFilter } from "@/lib/api/respond";
import { searchArticles, unknownFilters } from "@/lib/data/search-articles";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const parsed = parseArticlesQuery(new URL(request.url).searchParams);
  if (!parsed.success) return badRequest(parsed.error);
  const unknown = await unknownFilters(parsed.data);
  if (unknown.length > 0) return unknownFilter(unknown);
  return Response.json(await searchArticles(parsed.data));
}
