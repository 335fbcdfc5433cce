import { openApiDocument } from "@/lib/api/openapi";
import { siteUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(openApiDocument(siteUrl()));
}
