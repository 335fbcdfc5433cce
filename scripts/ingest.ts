// `npm run ingest -- [--dir <path>] [--check]` — see shared/CONTRACT.md "Ingest CLI".
// Exit codes: 0 success, 1 invalid content (nothing written), 2 usage or system error.
import { runIngestCli } from "../lib/ingest/cli";

process.exitCode = await runIngestCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
});
