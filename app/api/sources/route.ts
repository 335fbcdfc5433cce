import { listSources } from "@/lib/data/search-articles";

export const dynamic = "force-dynamic";

/** The publications of the archive, for the `source` filter: `{ sources: [{ name, articleCount }] }`. */
export async function GET(): Promise<Response> {
  return Response.json({ sources: await listSources() });
}
