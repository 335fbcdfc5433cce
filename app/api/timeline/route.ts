import { parseTimelineQuery } from "@/lib/api/query";
import { badRequest } from "@/lib/api/respond";
import { listEvents } from "@/lib/data/timeline";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const parsed = parseTimelineQuery(new URL(request.url).searchParams);
  if (!parsed.success) return badRequest(parsed.error);
  return Response.json({ events: await listEvents(parsed.data) });
}
