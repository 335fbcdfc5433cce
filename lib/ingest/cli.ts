import path from "node:path";
import { parseArgs } from "node:util";
import type { ContentLimits } from "../content/limits";
import { DEFAULT_LIMITS } from "../content/limits";
import type { ContentKind } from "../content/parse";
import { createRenderPool } from "../content/render-pool";
import { ContentDirError, ContentProblemsError, formatProblem, scanContent, type ContentIndex, type LocatedProblem } from "../content/scan";
import { describeError, type CliIo } from "../cli/main";
import { env } from "../env";
import { chunk, loadBatch } from "./load";
import { WriteLockBusyError } from "./lock";

// The ingest command, as a function of its arguments and output streams so that tests can run it
// in-process. The database is only opened once every file has been validated: a bad file leaves
// the database file exactly as it was. Exit codes (shared/CONTRACT.md): 0 done, 1 content problems
// (nothing written), 2 usage, configuration or system error (one line each).

const USAGE = "usage: npm run ingest -- [--dir <content directory>] [--check] [--wait <seconds>] [--verbose]";

export function limitsFromEnv(): ContentLimits {
  return { ...DEFAULT_LIMITS, maxFileBytes: env.CONTENT_MAX_FILE_KB * 1024, renderTimeoutMs: env.CONTENT_RENDER_TIMEOUT_MS };
}

function reportProblems(io: CliIo, problems: LocatedProblem[]): number {
  for (const problem of problems) io.err(formatProblem(problem));
  io.err(`ingest: ${problems.length} problem(s) found; nothing was written`);
  return 1;
}

/** --check renders every file too, under the same deadline as an ingest, so that it finds what an ingest would. */
async function renderAll(index: ContentIndex): Promise<LocatedProblem[]> {
  const pool = createRenderPool({ timeoutMs: index.limits.renderTimeoutMs });
  const problems: LocatedProblem[] = [];
  try {
    for (const kind of ["entity", "article", "event"] as ContentKind[]) {
      for (const batch of chunk([...index.files[kind].values()], 250)) {
        await loadBatch(kind, batch, { index, pool }).catch((error: unknown) => {
          if (!(error instanceof ContentProblemsError)) throw error;
          problems.push(...error.problems);
        });
      }
    }
  } finally {
    await pool.close();
  }
  return problems;
}

interface Options {
  dir?: string;
  check?: boolean;
  wait?: string;
  verbose?: boolean;
  help?: boolean;
}

/** The stat-first scan cache (lib/content/scan-cache.ts), with the other build caches. */
const SCAN_CACHE_DIR = path.resolve(import.meta.dirname, "../../node_modules/.cache/andromede");

export async function runIngestCli(argv: string[], io: CliIo, databaseUrl: string = env.DATABASE_URL, limits: ContentLimits = limitsFromEnv()): Promise<number> {
  let options: Options;
  try {
    options = parseArgs({
      args: argv,
      options: {
        dir: { type: "string" },
        check: { type: "boolean" },
        wait: { type: "string" },
        verbose: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.err(`ingest: ${(error as Error).message}`);
    io.err(USAGE);
    return 2;
  }
  if (options.help) {
    io.out(USAGE);
    return 0;
  }
  const waitSeconds = options.wait === undefined ? 0 : Number(options.wait);
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) {
    io.err(`ingest: --wait takes a number of seconds, not "${options.wait}"`);
    return 2;
  }
  const dir = options.dir ?? env.CONTENT_DIR;
  let index: ContentIndex;
  try {
    index = await scanContent(dir, limits, { cacheDir: SCAN_CACHE_DIR });
  } catch (error) {
    if (error instanceof ContentDirError) {
      io.err(`ingest: ${error.message}`);
      return 2;
    }
    throw error;
  }
  for (const warning of index.warnings) io.err(`${warning.path}: note: ${warning.message}`);
  if (index.problems.length > 0) return reportProblems(io, index.problems);
  const counts = `${index.files.article.size} articles, ${index.files.entity.size} entities, ${index.files.event.size} events`;
  if (options.check) {
    const problems = await renderAll(index);
    if (problems.length > 0) return reportProblems(io, problems);
    io.out(`${counts}: all valid (--check: nothing written)`);
    return 0;
  }
  try {
    // Imported here, not at the top: --check and invalid content never touch the database.
    const { applyMigrations } = await import("../migrations");
    const { createPrismaClient } = await import("../db");
    const { formatSummary, ingestContent } = await import("./index");
    const { withWriteLock } = await import("./lock");
    const summary = await withWriteLock(
      databaseUrl,
      async () => {
        // Migrations run under the lock too: two first runs never apply the same migration twice.
        await applyMigrations(databaseUrl);
        const client = createPrismaClient(databaseUrl);
        try {
          return await ingestContent(client, index);
        } finally {
          await client.$disconnect();
        }
      },
      { waitMs: waitSeconds * 1000, holder: "ingest" },
    );
    io.out(formatSummary(summary));
    return 0;
  } catch (error) {
    if (error instanceof ContentProblemsError) return reportProblems(io, error.problems);
    if (error instanceof WriteLockBusyError) {
      io.err(`ingest: ${error.message}; nothing was written (wait for it, or pass --wait <seconds>)`);
      return 2;
    }
    const { describeDatabaseError } = await import("../postgres");
    io.err(`ingest: nothing was written: ${describeDatabaseError(error, databaseUrl) ?? describeError(error)}`);
    if (options.verbose && error instanceof Error && error.stack) io.err(error.stack);
    return 2;
  }
}
