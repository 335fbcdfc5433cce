import { feedRoute } from "@/lib/api/feed-route";
import { rssFeed } from "@/lib/feeds";

export const dynamic = "force-dynamic";
export const GET = feedRoute(rssFeed, "application/rss+xml; charset=utf-8");
