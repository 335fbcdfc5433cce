// `npm start`: migrate, ingest content/, build if the sources changed since the last build, serve.
// Everything the embedded set-up needs happens here, so a fresh clone needs only
// `npm install && npm start` (shared/CONTRACT.md).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = process.env.PORT ?? "3000";

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const tsx = ["--import", "tsx"];
if (run([...tsx, "scripts/migrate.ts"]) !== 0) process.exit(2);

const ingest = run([...tsx, "scripts/ingest.ts"]);
if (ingest === 1) {
  // Invalid content changes nothing: the archive is served as it was, and the problems are above.
  console.warn("start: content has problems (listed above); serving the archive as it was before them");
} else if (ingest !== 0) {
  process.exit(ingest);
}

// Rebuild only when something that goes into the build changed.
const BUILD_INPUTS = ["app", "components", "lib", "public", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
function fingerprint() {
  const hash = createHash("sha256");
  const visit = (p) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(path.join(p, name));
    } else {
      hash.update(path.relative(root, p)).update("\0").update(readFileSync(p)).update("\0");
    }
  };
  for (const input of BUILD_INPUTS) visit(path.join(root, input));
  return hash.digest("hex");
}
const stamp = path.join(root, ".next", "andromede-build-fingerprint");
const current = fingerprint();
const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === current;
const nextBin = require.resolve("next/dist/bin/next");
if (!built) {
  console.log("start: building the site (next build)…");
  if (run([nextBin, "build"]) !== 0) process.exit(2);
  writeFileSync(stamp, current);
}

const server = spawn(process.execPath, [nextBin, "start", "-p", port], { cwd: root, stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
