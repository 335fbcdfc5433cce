// `npm run backup -- <file>`: a consistent copy of DATABASE_URL's database, taken while the site
// runs (docs/deploy.md). `npm run restore -- <file>` puts one back.
import { runMain } from "../lib/cli/main";

await runMain("backup", async (io) => {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0) {
    io.err("usage: npm run backup -- <file>");
    return 2;
  }
  const { env } = await import("../lib/env");
  const { backupDatabase } = await import("../lib/backup");
  const { describeUrl } = await import("../lib/postgres");
  await backupDatabase(env.DATABASE_URL, file);
  io.out(`backup: ${describeUrl(env.DATABASE_URL)} → ${file}`);
  return 0;
});
