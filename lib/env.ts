import { z } from "zod";

// The only reader of process.env: every setting is parsed once, with the defaults of the embedded
// set-up, so that `npm install && npm start` needs no .env file.

const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/archive.db")
    .refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\//.test(url), {
      message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  CONTENT_DIR: z.string().trim().min(1).default("content"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public address of the site, for canonical URLs, feeds and sitemaps. */
  SITE_URL: z.url().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type TEnv = z.infer<typeof ZEnv>;

function parseEnv(): TEnv {
  const result = ZEnv.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv();

export function siteUrl(): string {
  return (env.SITE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
