import { z } from "zod";
import { isPartialDate, parsePartialDate, type PartialDate } from "../dates";
import { SLUG_PATTERN } from "../content/schema";
import { parseSearchText, SearchSyntaxError } from "../search/query";

// Query strings of /api/articles, /api/export and /search: one schema, so that the API and the
// pages accept exactly the same parameters (shared/CONTRACT.md).

export const MAX_PAGE_SIZE = 100;
export const MAX_QUERY_LENGTH = 2000;

const partialDate = z.string().transform((value, ctx): PartialDate => {
  const parsed = parsePartialDate(value);
  if (!isPartialDate(parsed)) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  return parsed;
});

const positiveInt = (name: string, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(1, `${name} must be at least 1`).max(max, `${name} must be at most ${max}`));

export const ZArticlesQuery = z
  .object({
    q: z
      .string()
      .trim()
      .max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters`)
      .superRefine((q, ctx) => {
        if (q === "") return;
        try {
          parseSearchText(q);
        } catch (error) {
          if (!(error instanceof SearchSyntaxError)) throw error;
          ctx.addIssue({ code: "custom", message: error.message });
        }
      })
      .optional(),
    entity: z
      .array(z.string().regex(SLUG_PATTERN, "entity must be an entity slug such as numergy"))
      .max(10, "at most 10 entity filters")
      .default([]),
    source: z.string().trim().min(1).max(200).optional(),
    from: partialDate.optional(),
    to: partialDate.optional(),
    sort: z.enum(["relevance", "newest", "oldest"], { error: "sort must be relevance, newest or oldest" }).optional(),
    page: positiveInt("page", 100_000).default(1),
    pageSize: positiveInt("pageSize", MAX_PAGE_SIZE).default(20),
  })
  .refine((query) => !query.from || !query.to || query.from.start <= query.to.end, {
    message: "from must not be after to",
    path: ["from"],
  })
  .transform((query) => ({
    ...query,
    q: query.q === "" ? undefined : query.q,
    sort: query.sort ?? (query.q ? "relevance" : "newest"),
  }));

export type TArticlesQuery = z.output<typeof ZArticlesQuery>;

/** GET /api/export: `format`, with the filters of /api/articles (page and pageSize do not apply). */
export const EXPORT_FORMAT_NAMES = ["csv", "json", "jsonl", "bibtex", "ris", "csljson"] as const;
export const ZExportFormat = z.enum(EXPORT_FORMAT_NAMES, { error: `format must be one of ${EXPORT_FORMAT_NAMES.join(", ")}` });

/** Reads the parameters of a URL (or a Next.js searchParams object) into the schema's input shape. */
export function articlesQueryInput(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const get = (key: string): string[] => {
    if (params instanceof URLSearchParams) return params.getAll(key);
    const value = params[key];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  const one = (key: string) => {
    const values = get(key).filter((v) => v !== "");
    return values[0];
  };
  return {
    q: one("q"),
    entity: get("entity").filter((v) => v !== ""),
    source: one("source"),
    from: one("from"),
    to: one("to"),
    sort: one("sort"),
    page: one("page"),
    pageSize: one("pageSize"),
  };
}

export function parseArticlesQuery(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  return ZArticlesQuery.safeParse(articlesQueryInput(params));
}

/** GET /api/timeline and /timeline: `entity`, `era`, `from`, `to`. */
export const ZTimelineQuery = z
  .object({
    entity: z.string().regex(SLUG_PATTERN, "entity must be an entity slug such as numergy").optional(),
    era: z.string().trim().min(1).max(120).optional(),
    from: partialDate.optional(),
    to: partialDate.optional(),
  })
  .refine((query) => !query.from || !query.to || query.from.start <= query.to.end, {
    message: "from must not be after to",
    path: ["from"],
  });

export type TTimelineQuery = z.output<typeof ZTimelineQuery>;

export function parseTimelineQuery(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const one = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    const first = Array.isArray(value) ? value[0] : value;
    return first === "" || first === null ? undefined : first;
  };
  return ZTimelineQuery.safeParse({ entity: one("entity"), era: one("era"), from: one("from"), to: one("to") });
}
