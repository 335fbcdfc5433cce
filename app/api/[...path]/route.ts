import { jsonError } from "@/lib/api/respond";

// Unknown API paths answer in the API's JSON error shape, not with the HTML 404 page.
const unknown = (request: Request) => jsonError(404, "not_found", `no API endpoint at ${new URL(request.url).pathname}`);

export const GET = unknown;
export const POST = unknown;
export const PUT = unknown;
export const PATCH = unknown;
export const DELETE = unknown;
