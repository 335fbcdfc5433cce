import { parseArgs } from "node:util";
import { ContentDirError, formatProblem, scanContent } from "../content/scan";
import { env } from "../env";

// The ingest command, as a function of its arguments and output streams so that tests can run it
// in-process. The database is only opened once every file has been validated: a bad file leaves
// the database file exactly as it was.

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = "usage: npm run ingest -- [--dir <content directory>] [--check]";

export async function runIngestCli(argv: string[], io: CliIo, databaseUrl: string = env.DATABASE_URL): Promise<number> {
  let options: { dir?: string; check?: boolean; help?: boolean };
  try {
    options = parseArgs({
      args: argv,
      options: { dir: { type: "string" }, check: { type: "boolean" }, help: { type: "boolean", short: "h" } },
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
  const dir = options.dir ?? env.CONTENT_DIR;
  let index;
  try {
    index = await scanContent(dir);
  } catch (error) {
    if (error instanceof ContentDirError) {
      io.err(`ingest: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (index.problems.length > 0) {
    for (const problem of index.problems) io.err(formatProblem(problem));
    io.err(`ingest: ${index.problems.length} problem(s) found; nothing was written`);
    return 1;
  }
  const counts = `${index.files.article.size} articles, ${index.files.entity.size} entities, ${index.files.event.size} events`;
  if (options.check) {
    io.out(`${counts}: all valid (--check: nothing written)`);
    return 0;
  }
  // Imported here, not at the top: --check and invalid content never touch the database.
  const { applyMigrations } = await import("../migrations");
  const { createPrismaClient } = await import("../db");
  const { formatSummary, ingestContent } = await import("./index");
  let client;
  try {
    applyMigrations(databaseUrl);
    client = createPrismaClient(databaseUrl);
  } catch (error) {
    io.err(`ingest: database ${databaseUrl} is not usable: ${(error as Error).message}`);
    return 2;
  }
  try {
    io.out(formatSummary(await ingestContent(client, index)));
    return 0;
  } catch (error) {
    io.err(`ingest: nothing was written: ${(error as Error).message}`);
    return 2;
  } finally {
    await client.$disconnect();
  }
}
