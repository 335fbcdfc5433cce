// `npm run ingest -- [--dir <path>] [--check] [--wait <seconds>] [--verbose]` — see shared/CONTRACT.md "Ingest CLI".
// Exit codes: 0 success, 1 invalid content (nothing written), 2 usage, configuration or system error.
import { runMain } from "../lib/cli/main";

await runMain("ingest", async (io) => {
  const { runIngestCli } = await import("../lib/ingest/cli");
  return runIngestCli(process.argv.slice(2), io);
});
