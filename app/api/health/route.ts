import { getHealth } from "@/lib/data/health";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 with the same shape when it does not (never a 500). */
export async function GET(): Promise<Response> {
  const health = await getHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
