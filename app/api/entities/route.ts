import { listEntities } from "@/lib/data/entities";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return Response.json({ entities: await listEntities() });
}
