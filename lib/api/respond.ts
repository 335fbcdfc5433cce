import type { z } from "zod";

// The API's error shape (shared/CONTRACT.md): { error: { code, message, issues? } }.

export interface ApiIssue {
  path: string;
  message: string;
}

/** The JSON body of an API error, for the places that cannot build a Response (the Node-level guard). */
export function errorBody(code: string, message: string, issues?: ApiIssue[]): string {
  return JSON.stringify({ error: { code, message, ...(issues ? { issues } : {}) } });
}

export function jsonError(status: 400 | 404 | 405 | 429 | 500, code: string, message: string, issues?: ApiIssue[]): Response {
  return new Response(errorBody(code, message, issues), {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}

export function badRequest(error: z.ZodError): Response {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
  const message = issues.map((i) => (i.path && !i.message.startsWith(i.path) ? `${i.path}: ${i.message}` : i.message)).join("; ");
  return jsonError(400, "bad_request", message || "invalid parameters", issues);
}

export function notFound(what: string): Response {
  return jsonError(404, "not_found", `${what} not found`);
}

/** A filter names nothing in the archive (lib/data/search-articles.ts `unknownFilters`). */
export function unknownFilter(issues: ApiIssue[]): Response {
  return jsonError(400, "unknown_filter", issues.map((i) => i.message).join("; "), issues);
}
