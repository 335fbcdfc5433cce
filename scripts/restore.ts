// `npm run restore -- <file>`: replaces DATABASE_URL's database with a backup made by
// `npm run backup` (docs/deploy.md). Stop the ingest first; the site may keep running.
import { runMain } from "../lib/cli/main";

await runMain("restore", async (io) => {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0) {
    io.err("usage: npm run restore -- <file>");
    return 2;
  }
  const { env } = await import("../lib/env");
  const { restoreDatabase } = await import("../lib/backup");
  const { describeUrl } = await import("../lib/postgres");
  await restoreDatabase(env.DATABASE_URL, file);
  io.out(`restore: ${file} → ${describeUrl(env.DATABASE_URL)}`);
  return 0;
});
