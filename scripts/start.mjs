// `npm start`: migrate, ingest content/, build if the sources changed since the last build, serve.
// Everything the embedded set-up needs happens here, so a fresh clone needs only
// `npm install && npm start` (shared/CONTRACT.md).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const tsx = ["--import", "tsx"];
// Only a configuration or a database that cannot be used stops the start (migrate said why, in one line).
if (run([...tsx, "scripts/migrate.ts"]) !== 0) process.exit(2);

// The site stays up whatever the content: invalid content, a file the renderer refuses, another
// ingest running — the ingest writes nothing, says why above, and the last good archive is served.
// The ingest's heap is capped as in `npm run ingest`: V8 would otherwise grow it to about 1 GiB of
// garbage on 20,000 articles (620 MiB of RSS with the cap, docs/benchmarks.md).
const ingest = run(["--max-old-space-size=384", ...tsx, "scripts/ingest.ts"]);
if (ingest === 1) {
  console.warn("start: content has problems (listed above); serving the archive as it was before them");
} else if (ingest !== 0) {
  console.warn("start: the ingest did not complete (see above); serving the archive as it was before it");
}

if (buildIfNeeded() !== 0) process.exit(2);

// V8 grows its heap lazily under load: 32 connections on 10,000 articles reached 792 MiB of RSS with
// the default heap and 480 MiB with 256 MiB of old space, with no error either way (docs/benchmarks.md,
// Soak). The cap keeps the server under its documented memory bound; NODE_OPTIONS can set another.
const heap = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "") ? [] : ["--max-old-space-size=384"];
// scripts/serve.ts: Next.js behind the public pages' cache (lib/http/page-cache.ts), one process.
const server = spawn(process.execPath, [...heap, ...tsx, "scripts/serve.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
