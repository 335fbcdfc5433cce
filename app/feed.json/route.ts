import { feedRoute } from "@/lib/api/feed-route";
import { jsonFeed } from "@/lib/feeds";

export const dynamic = "force-dynamic";
export const GET = feedRoute(jsonFeed, "application/feed+json; charset=utf-8");
