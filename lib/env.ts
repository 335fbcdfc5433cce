import { z } from "zod";

// The only reader of process.env: every setting is parsed once, with the defaults of the embedded
// set-up, so that `npm install && npm start` needs no .env file.

/** A PostgreSQL URL must name a host and a database: postgresql://user[:password]@host[:port]/database */
function isPostgresUrl(url: string): boolean {
  if (!/^postgres(ql)?:\/\//.test(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.hostname !== "" && parsed.pathname.length > 1 && !parsed.pathname.slice(1).includes("/");
  } catch {
    return false;
  }
}

const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/archive.db")
    .refine((url) => /^file:./.test(url) || isPostgresUrl(url), {
      message: "must start with file: (SQLite, e.g. file:./data/archive.db) or postgresql:// (PostgreSQL, postgresql://user@host:5432/database)",
    }),
  /** Print every SQL statement Prisma sends to stderr, with its duration (debugging; the query-count test). */
  DATABASE_LOG_QUERIES: z.stringbool().default(false),
  /** Connections per process to PostgreSQL (ignored for SQLite). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  CONTENT_DIR: z.string().trim().min(1).default("content"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public address of the site, for canonical URLs, feeds and sitemaps. */
  SITE_URL: z.url().optional(),
  /**
   * Rights statement of an article whose frontmatter has no `rights:` (docs/content.md).
   * `{source}` is replaced by the publication's name.
   */
  DEFAULT_RIGHTS: z.string().trim().min(1).max(500).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Largest content file accepted, in KiB (docs/limits.md). */
  CONTENT_MAX_FILE_KB: z.coerce.number().int().min(1).max(1024 * 1024).default(2048),
  /** Memory for the public pages' cache, in MiB; 0 turns it off (lib/http/page-cache.ts). */
  PAGE_CACHE_MB: z.coerce.number().int().min(0).max(64 * 1024).default(64),
  /** Time allowed to render one content file's Markdown, in milliseconds (docs/limits.md). */
  CONTENT_RENDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
});

export type TEnv = z.infer<typeof ZEnv>;

/** A setting is wrong: commands report it in one line and exit 2 (lib/cli/main.ts). */
export class ConfigError extends Error {
  override name = "ConfigError";
}

function parseEnv(): TEnv {
  const result = ZEnv.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`invalid environment: ${lines.join("; ")}`);
  }
  return result.data;
}

export const env = parseEnv();

export function siteUrl(): string {
  return (env.SITE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
