import { z } from "zod";
import { isPartialDate, parsePartialDate } from "../dates";

// The frontmatter contract (shared/CONTRACT.md, docs/content.md) as zod schemas: the single source
// of truth for what an editor may write. Types are inferred from them, never written by hand.

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const requiredText = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a text string") })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`);

const optionalText = (max: number) =>
  z.string({ error: "must be a text string" }).trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

export const ZSlug = z
  .string({ error: "must be a slug (text)" })
  .regex(SLUG_PATTERN, "must be a slug: lowercase ASCII letters, digits and single hyphens");

const slugList = z
  .array(ZSlug, { error: "must be a list of slugs" })
  .refine((list) => new Set(list).size === list.length, "lists the same slug twice");

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; YAML reads a bare year as a number, which we accept. */
export const ZPartialDate = z
  .union([z.string(), z.number().int()], {
    error: (issue) => (issue.input === undefined ? "is required" : "must be a date written YYYY, YYYY-MM or YYYY-MM-DD"),
  })
  .transform((input, ctx) => {
    const parsed = parsePartialDate(String(input));
    if (!isPartialDate(parsed)) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed;
  });

const httpUrl = z
  .string({ error: "must be an address (text)" })
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an http:// or https:// address");

export const ARTICLE_GENRES = ["news", "interview", "opinion", "analysis", "press-release", "other"] as const;
export type TArticleGenre = (typeof ARTICLE_GENRES)[number];

/** A full date, `YYYY-MM-DD` (the day a capture was made is always known). */
const ZDayDate = ZPartialDate.refine((date) => date.precision === "day", "must be a full date written YYYY-MM-DD").transform(
  (date) => date.value,
);

export const ZArticleFrontmatter = z.strictObject({
  title: requiredText(300),
  source: requiredText(200),
  published: ZPartialDate,
  approximate: z.boolean({ error: "must be true or false" }).default(false),
  url: httpUrl.optional(),
  author: z
    .union([optionalText(200), z.array(optionalText(200)).min(1, "must not be an empty list")], {
      error: "must be a name or a list of names",
    })
    .optional(),
  language: z
    .string({ error: "must be an ISO 639-1 code such as fr or en" })
    .regex(/^[a-z]{2}$/, "must be an ISO 639-1 code such as fr or en")
    .default("fr"),
  summary: optionalText(500).optional(),
  entities: slugList.default([]),
  related: slugList.default([]),
  status: z.enum(["published", "draft"], { error: "must be published or draft" }).default("published"),
  // Provenance (docs/content.md "Provenance"): what a researcher needs to cite the record.
  fulltext: z.boolean({ error: "must be true or false" }).default(true),
  captured: ZDayDate.optional(),
  archive: httpUrl.optional(),
  rights: optionalText(500).optional(),
  genre: z.enum(ARTICLE_GENRES, { error: `must be one of ${ARTICLE_GENRES.join(", ")}` }).optional(),
  titleSupplied: z.boolean({ error: "must be true or false" }).default(false),
  note: optionalText(1000).optional(),
});
export type TArticleFrontmatter = z.infer<typeof ZArticleFrontmatter>;

export const ENTITY_KINDS = ["company", "person", "institution", "product", "project", "other"] as const;

/** Case and accents folded, spaces collapsed: how mentions compare names. */
const foldedName = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

export const ZEntityFrontmatter = z
  .strictObject({
    name: requiredText(200),
    kind: z.enum(ENTITY_KINDS, { error: `must be one of ${ENTITY_KINDS.join(", ")}` }).default("other"),
    aliases: z.array(optionalText(200), { error: "must be a list of names" }).default([]),
    /** Names matched only as written, e.g. "l'État" but not "l'état" (docs/content.md). */
    exactAliases: z.array(optionalText(200), { error: "must be a list of names" }).default([]),
    url: httpUrl.optional(),
    wikidata: z
      .string({ error: "must be a Wikidata identifier such as Q42" })
      .regex(/^Q[1-9]\d*$/, "must be a Wikidata identifier such as Q42")
      .optional(),
  })
  .superRefine((entity, ctx) => {
    // Mentions already ignore case and accents: such an alias does nothing and hides a mistake.
    entity.aliases.forEach((alias, i) => {
      if (foldedName(alias) === foldedName(entity.name)) {
        ctx.addIssue({ code: "custom", path: ["aliases", i], message: `"${alias}" is the name itself once case and accents are ignored` });
      }
    });
  });
export type TEntityFrontmatter = z.infer<typeof ZEntityFrontmatter>;

export const ZEventFrontmatter = z.strictObject({
  title: requiredText(300),
  date: ZPartialDate,
  approximate: z.boolean({ error: "must be true or false" }).default(false),
  entities: slugList.default([]),
  sources: slugList.default([]),
  era: optionalText(120).optional(),
});
export type TEventFrontmatter = z.infer<typeof ZEventFrontmatter>;
