import { feedRoute } from "@/lib/api/feed-route";
import { atomFeed } from "@/lib/feeds";

export const dynamic = "force-dynamic";
export const GET = feedRoute(atomFeed, "application/atom+xml; charset=utf-8");
