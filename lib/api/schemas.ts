import { z } from "zod";
import { ARTICLE_GENRES, ENTITY_KINDS } from "../content/schema";

// The shapes the API answers, as zod schemas: the OpenAPI description (openapi.ts) is generated
// from them, and the integration tests check real answers against them, so the two cannot drift.

const ZDateText = z.string().describe("YYYY, YYYY-MM or YYYY-MM-DD: the form is the precision");
const ZPrecision = z.enum(["year", "month", "day"]);

export const ZEntityRef = z.object({ slug: z.string(), name: z.string(), kind: z.enum(ENTITY_KINDS) });

export const ZArticleEntityRef = ZEntityRef.extend({
  explicit: z.boolean().describe("named in the article's frontmatter"),
  mentions: z.number().int().describe("times the name or an alias occurs in the title and text"),
});

export const ZArticleMeta = z.object({
  slug: z.string(),
  title: z.string(),
  source: z.string(),
  url: z.string().nullable().describe("the original address, never the archive's copy"),
  published: ZDateText,
  datePrecision: ZPrecision,
  approximate: z.boolean().describe("the date is inferred (shown as « vers … »)"),
  summary: z.string().nullable(),
  authors: z.array(z.string()),
  fulltext: z.boolean().describe("false: a record without full text; its body is an editor's summary"),
  genre: z.enum(ARTICLE_GENRES).nullable(),
  entities: z.array(ZArticleEntityRef),
  revisedAt: z.string().describe("ISO time of the last revision of the text or frontmatter"),
});

export const ZProvenance = z.object({
  captured: z.string().nullable().describe("day of the capture, YYYY-MM-DD"),
  archive: z.string().nullable().describe("address of an archived copy"),
  rights: z.string().describe("the article's rights statement, or the site's default"),
  titleSupplied: z.boolean().describe("the title is not printed in the capture"),
  note: z.string().nullable().describe("an editor's note"),
});

export const ZArticleListItem = ZArticleMeta.extend({
  snippet: z.string().describe("HTML: escaped text, matched terms wrapped in <mark>"),
});

export const ZArticleList = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(ZArticleListItem),
  facets: z.object({
    entities: z.array(ZEntityRef.extend({ count: z.number().int() })),
    sources: z.array(z.object({ name: z.string(), count: z.number().int() })),
    years: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  }),
});

const ZLink = z.object({ slug: z.string(), title: z.string() });

export const ZArticleDetail = ZArticleMeta.extend(ZProvenance.shape).extend({
  language: z.string(),
  bodyHtml: z.string().describe("sanitised HTML"),
  bodyMarkdown: z.string(),
  wordCount: z.number().int(),
  readingMinutes: z.number().int(),
  related: z.array(ZLink.extend({ reason: z.string() })),
  backlinks: z.array(ZLink),
  revisions: z.number().int(),
  updatedAt: z.string(),
});

export const ZEntitySummary = ZEntityRef.extend({ aliases: z.array(z.string()), articleCount: z.number().int() });
export const ZEntityList = z.object({ entities: z.array(ZEntitySummary) });

export const ZTimelineEvent = z.object({
  slug: z.string(),
  date: ZDateText,
  datePrecision: ZPrecision,
  approximate: z.boolean(),
  title: z.string(),
  descriptionHtml: z.string(),
  era: z.string().nullable(),
  entities: z.array(ZEntityRef),
  sources: z.array(ZLink).describe("the articles that attest the event"),
});
export const ZTimeline = z.object({ events: z.array(ZTimelineEvent) });

export const ZEntityDetail = ZEntitySummary.extend({
  url: z.string().nullable(),
  wikidata: z.string().nullable(),
  description: z.string(),
  descriptionHtml: z.string(),
  coMentioned: z.array(ZEntityRef.extend({ count: z.number().int() })),
  attention: z.array(z.object({ month: z.string(), count: z.number().int() })),
  yearOnly: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  articles: z.array(ZArticleListItem).describe("the newest 100"),
  events: z.array(ZTimelineEvent),
});

export const ZSourceList = z.object({ sources: z.array(z.object({ name: z.string(), articleCount: z.number().int() })) });

export const ZHealth = z.object({
  status: z.enum(["ok", "unavailable"]).describe("unavailable (HTTP 503) when the database does not answer"),
  database: z.object({ provider: z.enum(["sqlite", "postgresql"]), reachable: z.boolean() }),
  migration: z.string().nullable().describe("the last migration applied, null when unknown"),
  counts: z
    .object({ articles: z.number().int().describe("public articles"), entities: z.number().int(), events: z.number().int() })
    .nullable(),
  version: z.string().describe("the archive software's version"),
});

export const ZApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
