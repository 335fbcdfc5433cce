import { z } from "zod";
import { ZArticlesQuery, ZExportFormat, ZTimelineQuery } from "./query";
import {
  ZApiError,
  ZArticleDetail,
  ZArticleList,
  ZEntityDetail,
  ZEntityList,
  ZHealth,
  ZSourceList,
  ZTimeline,
} from "./schemas";

// GET /api/openapi.json: an OpenAPI 3.1 description generated from the zod schemas themselves
// (query strings from lib/api/query.ts, answers from lib/api/schemas.ts) with zod 4's JSON Schema
// output. tests/integration/openapi.test.ts checks that its paths are exactly the app/api routes.

type JsonSchema = Record<string, unknown>;

/** A JSON Schema to embed: without its own `$schema` line. */
const schema = (zod: z.ZodType, io: "input" | "output" = "output"): JsonSchema => {
  const generated = { ...(z.toJSONSchema(zod, { io, unrepresentable: "any" }) as JsonSchema) };
  delete generated.$schema;
  return generated;
};

const DESCRIPTIONS: Record<string, string> = {
  q: "Words (all required), \"phrases\", prefix*, OR, -excluded; case, accents and common French inflections are ignored.",
  entity: "Entity slug; repeat for several (all required). An unknown slug is a 400 naming it, with suggestions.",
  source: "Publication, compared without case or accents (see GET /api/sources). An unknown source is a 400.",
  from: "YYYY, YYYY-MM or YYYY-MM-DD, inclusive: articles whose date period overlaps.",
  to: "YYYY, YYYY-MM or YYYY-MM-DD, inclusive.",
  sort: "Default: relevance with q, newest without.",
  page: "From 1.",
  pageSize: "At most 100.",
  era: "An era label of the timeline.",
};

/** Query parameters from the input JSON Schema of a zod query schema. */
function parameters(zod: z.ZodType, omit: string[] = []): JsonSchema[] {
  const properties = (schema(zod, "input").properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties)
    .filter(([name]) => !omit.includes(name))
    .map(([name, value]) => ({
      name,
      in: "query",
      required: false,
      ...(DESCRIPTIONS[name] ? { description: DESCRIPTIONS[name] } : {}),
      ...(value.type === "array" ? { style: "form", explode: true } : {}),
      schema: value,
    }));
}

const json = (zod: z.ZodType, description: string) => ({ description, content: { "application/json": { schema: schema(zod) } } });
const error = (description: string) => json(ZApiError, description);
const slugParameter = { name: "slug", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" } };

export function openApiDocument(siteUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Andromède — API",
      version: "1",
      description: "Read-only JSON API of the archive of the French press on the « cloud souverain » (docs/api.md).",
    },
    servers: [{ url: siteUrl }],
    paths: {
      "/api/articles": {
        get: {
          summary: "Search and list articles, with facets",
          parameters: parameters(ZArticlesQuery),
          responses: { 200: json(ZArticleList, "One page of matches"), 400: error("Bad parameters, or an unknown entity or source") },
        },
      },
      "/api/articles/{slug}": {
        get: {
          summary: "One article with its text, provenance, related stories and backlinks",
          parameters: [slugParameter],
          responses: { 200: json(ZArticleDetail, "The article"), 404: error("Unknown slug") },
        },
      },
      "/api/entities": {
        get: { summary: "Every entity with its number of articles", responses: { 200: json(ZEntityList, "The entities") } },
      },
      "/api/entities/{slug}": {
        get: {
          summary: "One entity with its description, articles and events",
          parameters: [slugParameter],
          responses: { 200: json(ZEntityDetail, "The entity"), 404: error("Unknown slug") },
        },
      },
      "/api/timeline": {
        get: {
          summary: "Events of the saga in date order, with the articles that attest them",
          parameters: parameters(ZTimelineQuery),
          responses: { 200: json(ZTimeline, "The events"), 400: error("Bad parameters, or an unknown entity") },
        },
      },
      "/api/sources": {
        get: { summary: "The publications in the archive, with their number of articles", responses: { 200: json(ZSourceList, "The sources") } },
      },
      "/api/export": {
        get: {
          summary: "Every match of the filters of /api/articles, as a file",
          description:
            "csv, json, jsonl (one article per line, with its archived Markdown text when there is one), bibtex, ris, csljson. `url` is always the original address; the archive's page has its own field.",
          parameters: [
            { name: "format", in: "query", required: true, schema: schema(ZExportFormat) },
            ...parameters(ZArticlesQuery, ["page", "pageSize"]),
          ],
          responses: {
            200: {
              description: "The file (Content-Disposition: attachment)",
              content: Object.fromEntries(
                ["text/csv", "application/json", "application/jsonl", "application/x-bibtex", "application/x-research-info-systems", "application/vnd.citationstyles.csl+json"].map(
                  (type) => [type, { schema: { type: "string" } }],
                ),
              ),
            },
            400: error("Bad parameters, or an unknown entity or source"),
          },
        },
      },
      "/api/health": {
        get: {
          summary: "Whether this instance can serve the archive: database, last migration, counts, version",
          responses: { 200: json(ZHealth, "The database answers"), 503: json(ZHealth, "The database does not answer") },
        },
      },
      "/api/openapi.json": {
        get: { summary: "This description", responses: { 200: { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } } },
      },
    },
  };
}
