import { searchArticles, unknownFilters } from "../data/search-articles";
import { siteUrl } from "../env";
import { FEED_SIZE, type FeedInput } from "../feeds";
import { stateOf } from "../search/url";
import { parseArticlesQuery } from "./query";
import { badRequest, unknownFilter } from "./respond";

/** A feed route: the filters of /api/articles, always the newest FEED_SIZE articles. */
export function feedRoute(render: (input: FeedInput) => string, contentType: string) {
  return async function GET(request: Request): Promise<Response> {
    const params = new URL(request.url).searchParams;
    for (const key of ["page", "pageSize", "sort"]) params.delete(key);
    const parsed = parseArticlesQuery(params);
    if (!parsed.success) return badRequest(parsed.error);
    const unknown = await unknownFilters(parsed.data);
    if (unknown.length > 0) return unknownFilter(unknown);
    const query = { ...parsed.data, sort: "newest" as const, pageSize: FEED_SIZE, page: 1 };
    const list = await searchArticles(query);
    return new Response(render({ site: siteUrl(), state: stateOf(query), list }), {
      headers: { "Content-Type": contentType, "Cache-Control": "public, max-age=300" },
    });
  };
}
