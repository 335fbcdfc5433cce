import { parseTimelineQuery } from "@/lib/api/query";
import { badRequest, unknownFilter } from "@/lib/api/respond";
import { unknownFilters } from "@/lib/data/search-articles";
import { listEvents } from "@/lib/data/timeline";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const parsed = parseTimelineQuery(new URL(request.url).searchParams);
  if (!parsed.success) return badRequest(parsed.error);
  // An unknown actor is a mistake to report, as for /api/articles, not an empty timeline.
  const unknown = await unknownFilters({ entity: parsed.data.entity ? [parsed.data.entity] : [], source: undefined });
  if (unknown.length > 0) return unknownFilter(unknown);
  return Response.json({ events: await listEvents(parsed.data) });
}
