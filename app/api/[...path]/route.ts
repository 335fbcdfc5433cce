import { jsonError } from "@/lib/api/respond";

// Unknown API paths answer in the API's JSON error shape, not with the HTML 404 page.
// Other methods than GET and HEAD are refused before routing (proxy.ts).
export const GET = (request: Request) => jsonError(404, "not_found", `no API endpoint at ${new URL(request.url).pathname}`);
