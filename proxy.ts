import { type NextRequest, NextResponse } from "next/server";
import { allowedMethods, isApiPath, isWellEncoded, malformedUrl, methodNotAllowed, toResponse } from "./lib/http/methods";
import { SECURITY_HEADERS } from "./lib/http/security-headers";

// The gate in front of every page and route handler. Next's router answers a malformed
// percent-encoding in the path with a 500, and renders pages for any method; here both become
// ordinary client errors. It runs on every request, so it only looks at the method and the path.
// TRACE, TRACK, CONNECT and unknown methods never get this far: see lib/http/node-guard.ts.

export function proxy(request: NextRequest): Response | undefined {
  const { pathname } = request.nextUrl;

  if (!isWellEncoded(pathname)) {
    if (isApiPath(pathname)) return toResponse(malformedUrl(pathname));
    // Pages show the ordinary 404 page: such an address cannot name anything in the archive.
    const response = NextResponse.rewrite(new URL("/404", request.url));
    for (const { key, value } of SECURITY_HEADERS) response.headers.set(key, value);
    return response;
  }

  const allowed = allowedMethods(pathname);
  if (allowed.includes(request.method)) return undefined;
  if (request.method === "OPTIONS") {
    const headers = new Headers({ Allow: allowed.join(", ") });
    for (const { key, value } of SECURITY_HEADERS) headers.set(key, value);
    return new Response(null, { status: 204, headers });
  }
  return toResponse(methodNotAllowed(pathname, request.method));
}

export const config = {
  // Build files under _next/static are immutable and served by Next itself, with the headers of
  // next.config.ts; skipping them keeps the proxy off the busiest path.
  matcher: ["/((?!_next/static/|_next/image).*)"],
};
