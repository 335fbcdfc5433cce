import { errorBody } from "../api/respond";
import { SECURITY_HEADERS } from "./security-headers";

// Which HTTP methods a path accepts, and the answers to requests that break the rules. The public
// archive is read-only: GET and HEAD everywhere. Routes that take writes are listed in WRITE_ROUTES
// and nowhere else, so that the editors' `/admin` pages (server actions are POSTs to the page's own
// path) and `/api/auth/*` handlers are each one line here when they exist.

export const READ_METHODS = ["GET", "HEAD"] as const;

export interface WriteRoute {
  /** A path prefix, matched on whole segments: "/admin" covers "/admin/articles", not "/administration". */
  prefix: string;
  methods: readonly string[];
}

// None yet. For example: { prefix: "/admin", methods: ["POST"] }, { prefix: "/api/auth", methods: ["POST"] }.
export const WRITE_ROUTES: readonly WriteRoute[] = [];

export function allowedMethods(pathname: string, routes: readonly WriteRoute[] = WRITE_ROUTES): readonly string[] {
  const route = routes.find((r) => pathname === r.prefix || pathname.startsWith(`${r.prefix}/`));
  return route ? [...READ_METHODS, ...route.methods] : READ_METHODS;
}

/** False when the path holds a `%` that is not a valid UTF-8 percent-encoding (`%ff`, `%`, `%E0%A4%A`). */
export function isWellEncoded(pathname: string): boolean {
  if (!pathname.includes("%")) return true;
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

/** A response as plain data, so that the proxy (Web Response) and the Node guard (raw socket) say the same. */
export interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function refusal(status: number, pathname: string, code: string, message: string, extra: Record<string, string> = {}): Refusal {
  const api = isApiPath(pathname);
  const headers: Record<string, string> = {
    "Content-Type": api ? "application/json" : "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    ...extra,
  };
  for (const { key, value } of SECURITY_HEADERS) headers[key] = value;
  return { status, headers, body: api ? errorBody(code, message) : `${message}\n` };
}

export function methodNotAllowed(pathname: string, method: string): Refusal {
  const allow = allowedMethods(pathname).join(", ");
  // The method is echoed only when it is a plain token: it ends up in a response body.
  const name = /^[A-Z-]{1,20}$/.test(method) ? method : "this method";
  return refusal(405, pathname, "method_not_allowed", `${name} is not allowed here; use ${allow}`, { Allow: allow });
}

export function malformedUrl(pathname: string): Refusal {
  return refusal(400, pathname, "bad_request", "the URL has a malformed percent-encoding");
}

export const toResponse = ({ status, headers, body }: Refusal) => new Response(body, { status, headers });
