import { parseArticlesQuery, ZExportFormat } from "@/lib/api/query";
import { badRequest, unknownFilter } from "@/lib/api/respond";
import { exportArticles, unknownFilters } from "@/lib/data/search-articles";
import { siteUrl } from "@/lib/env";
import { exportStream, formatter } from "@/lib/export/formats";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const format = ZExportFormat.safeParse(params.get("format") ?? undefined);
  if (!format.success) return badRequest(format.error);
  // Exports contain every match: page and pageSize do not apply.
  params.delete("page");
  params.delete("pageSize");
  const query = parseArticlesQuery(params);
  if (!query.success) return badRequest(query.error);
  const unknown = await unknownFilters(query.data);
  if (unknown.length > 0) return unknownFilter(unknown);

  const f = formatter(format.data, siteUrl());
  const date = new Date().toISOString().slice(0, 10);
  const rows = exportArticles(query.data, { withText: format.data === "jsonl" });
  return new Response(exportStream(rows, f), {
    headers: {
      "Content-Type": f.contentType,
      "Content-Disposition": `attachment; filename="andromede-${date}.${f.extension}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
