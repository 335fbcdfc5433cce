// `npm run bench -- [--size 100000] [--runs 40] [--duration 10] [--keep] [--reuse]`
// The archive at scale, side by side with Hugo and nginx, in one command (docs/benchmarks.md):
// generates the corpus (scripts/bench-corpus.ts), ingests it (time, peak RSS), ingests it again
// (no-op), builds the same files with Hugo, serves the database with the production server
// (scripts/serve.ts) and measures search, each page type uncached, the article page under 32
// connections next to nginx serving the same HTML, and the JavaScript each page loads.
// Prints one table and writes bench/results.json. Load goes to 127.0.0.1 only, bounded in time.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { parseSearchText } from "../lib/search/query";
import { BARE_FTS_SQL, buildCorpus, ENTITIES, percentile, QUERY_MIX } from "./bench-corpus";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { startServer } from "./serve-process";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "100000" },
    runs: { type: "string", default: "40" },
    duration: { type: "string", default: "10" },
    keep: { type: "boolean" },
    reuse: { type: "boolean" },
  },
});
const SIZE = Number(values.size);
const RUNS = Number(values.runs);
const DURATION = Number(values.duration);
if (!Number.isInteger(SIZE) || SIZE < 10) throw new Error(`--size must be an integer ≥ 10, not ${values.size}`);
if (!(DURATION > 0 && DURATION <= 60)) throw new Error("--duration must be between 1 and 60 seconds");
const root = path.resolve(import.meta.dirname, "..");
const work = path.join(tmpdir(), `andromede-bench-full-${SIZE}`);
const content = path.join(work, "content");
const dbFile = path.join(work, "bench.db");
const databaseUrl = `file:${dbFile}`;
const APP_PORT = 3998;
const NGINX_PORT = 3997;
const CONNECTIONS = 32;

const results: Record<string, unknown> = {};
const notes: string[] = [];
const round = (v: number, digits = 1) => Number(v.toFixed(digits));

function commandExists(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

/** Runs a command to its end, sampling its peak resident memory (VmHWM) from /proc. */
function runMeasured(args: string[], env: Record<string, string>): Promise<{ code: number; seconds: number; peakMiB: number; out: string }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    let peakKiB = 0;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        peakKiB = Math.max(peakKiB, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // exited
      }
    };
    const sampler = setInterval(sample, 100);
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      process.stdout.write(`  ${d.toString()}`);
    });
    child.on("exit", (code) => {
      clearInterval(sampler);
      resolve({ code: code ?? 1, seconds: (performance.now() - start) / 1000, peakMiB: peakKiB / 1024, out });
    });
  });
}

// As `npm run ingest` runs it (package.json): with its heap capped.
const ingestArgs = ["--max-old-space-size=384", "--import", "tsx", "scripts/ingest.ts", "--dir", content];

async function ingest(): Promise<void> {
  if (values.reuse && existsSync(dbFile)) {
    notes.push("Corpus and database reused from an earlier run (--reuse): ingest not measured.");
    results.ingest_100k_seconds = null;
    results.ingest_100k_peak_rss_mb = null;
    return;
  }
  const t = performance.now();
  buildCorpus(content, SIZE);
  console.log(`bench: corpus of ${SIZE} articles generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbFile}${suffix}`, { force: true });
  // The scan never trusts the stamp of a file modified less than 3 s before it (lib/content/scan-cache.ts):
  // a corpus written a moment ago would keep the first re-ingest from using the stat-first path,
  // which no real corpus (files older than a few seconds) does.
  await new Promise((resolve) => setTimeout(resolve, 3_500));
  const full = await runMeasured(ingestArgs, { DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" });
  if (full.code !== 0) throw new Error(`ingest failed (exit ${full.code})`);
  results.ingest_100k_seconds = round(full.seconds);
  results.ingest_100k_peak_rss_mb = round(full.peakMiB, 0);
  results.ingest_ms_per_article = round((full.seconds * 1000) / SIZE, 2);
  results.database_mib = round(statSync(dbFile).size / 2 ** 20, 0);
}

async function noopIngest(): Promise<void> {
  const noop = await runMeasured(ingestArgs, { DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" });
  if (noop.code !== 0) throw new Error(`no-op ingest failed (exit ${noop.code})`);
  if (!/^0 added, 0 updated, 0 removed/m.test(noop.out)) notes.push(`The second ingest was not a no-op: ${noop.out.trim()}`);
  results.noop_reingest_100k_seconds = round(noop.seconds, 2);
}

function hugo(): void {
  if (!commandExists("hugo")) {
    results.hugo_100k_seconds = null;
    results.hugo_message = "hugo is not installed (apt-get install -y hugo)";
    notes.push(results.hugo_message as string);
    return;
  }
  // The same Markdown files, with the smallest layouts that write every page.
  const site = path.join(work, "hugo");
  rmSync(site, { recursive: true, force: true });
  mkdirSync(path.join(site, "layouts", "_default"), { recursive: true });
  writeFileSync(path.join(site, "hugo.toml"), `baseURL = "http://127.0.0.1/"\nlanguageCode = "fr"\ntitle = "Andromède"\ndisableKinds = ["taxonomy", "term"]\n`);
  const page = (body: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>${body}</body></html>\n`;
  writeFileSync(path.join(site, "layouts", "_default", "single.html"), page("<main><h1>{{ .Title }}</h1>{{ .Content }}</main>"));
  writeFileSync(path.join(site, "layouts", "_default", "list.html"), page("<main><h1>{{ .Title }}</h1><ul>{{ range first 20 .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></main>"));
  const start = performance.now();
  const run = spawnSync("hugo", ["--quiet", "--source", site, "--contentDir", content, "--destination", path.join(site, "public")], { stdio: ["ignore", "ignore", "pipe"] });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) {
    results.hugo_100k_seconds = null;
    results.hugo_message = `hugo failed: ${run.stderr.toString().trim().slice(0, 300)}`;
    notes.push(results.hugo_message as string);
    return;
  }
  results.hugo_100k_seconds = round(seconds);
  results.hugo_ms_per_article = round((seconds * 1000) / SIZE, 2);
}

async function timed(url: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return performance.now() - start;
}

const base = `http://127.0.0.1:${APP_PORT}`;
const searchTable: string[] = [];
const pageTable: string[] = [];

async function measureSearch(): Promise<void> {
  const reader = new Database(dbFile, { readonly: true });
  const bare = reader.prepare(BARE_FTS_SQL);
  let worstApi = 0;
  let worstBare = 0;
  for (const [kind, queries] of Object.entries(QUERY_MIX)) {
    const api: number[] = [];
    const fts: number[] = [];
    for (let run = -5; run < RUNS; run++) {
      const query = queries[(run + 5) % queries.length]!;
      const elapsed = await timed(`${base}/api/articles?${query}`);
      if (run < 0) continue;
      api.push(elapsed);
      const q = new URLSearchParams(query).get("q");
      if (q) {
        const s = performance.now();
        bare.all(parseSearchText(q).match);
        fts.push(performance.now() - s);
      }
    }
    api.sort((a, b) => a - b);
    fts.sort((a, b) => a - b);
    worstApi = Math.max(worstApi, percentile(api, 95));
    if (fts.length) worstBare = Math.max(worstBare, percentile(fts, 95));
    const f = (v: number) => `${v.toFixed(1)} ms`;
    searchTable.push(`| ${kind} | ${f(percentile(api, 50))} | ${f(percentile(api, 95))} | ${fts.length ? `${f(percentile(fts, 50))} | ${f(percentile(fts, 95))}` : "— | —"} |`);
  }
  reader.close();
  results.search_p95_ms = round(worstApi);
  results.search_bare_p95_ms = round(worstBare);
}

/** Each page type, one request at a time, with the page cache off: what a page costs to render. */
async function measurePagesUncached(): Promise<void> {
  const pick = (i: number) => Math.floor((i * 7919) % SIZE);
  const types: Record<string, (i: number) => string> = {
    article: (i) => `/articles/article-${pick(i)}`,
    entity: (i) => `/entities/${ENTITIES[i % ENTITIES.length]![0]}`,
    timeline: () => "/timeline",
    "articles list": (i) => `/articles?page=${1 + (i % 50)}`,
    entities: () => "/entities",
    home: () => "/",
    "search page": (i) => `/search?q=${["cloud", "numergy", "souverain", "actionnaires"][i % 4]}`,
  };
  const p95: Record<string, number> = {};
  for (const [type, url] of Object.entries(types)) {
    const samples: number[] = [];
    for (let i = -3; i < RUNS; i++) {
      const elapsed = await timed(`${base}${url(i + 3)}`);
      if (i >= 0) samples.push(elapsed);
    }
    samples.sort((a, b) => a - b);
    p95[type] = round(percentile(samples, 95));
    pageTable.push(`| ${type} | ${percentile(samples, 50).toFixed(1)} ms | ${percentile(samples, 95).toFixed(1)} ms |`);
  }
  results.pages_uncached_p95_ms = p95;
}

const WRK_SCRIPT = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK {\\"requests\\":%d,\\"duration_us\\":%d,\\"p50_us\\":%d,\\"p95_us\\":%d,\\"p99_us\\":%d,\\"errors\\":%d,\\"non2xx\\":%d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
`;

interface WrkResult {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

function wrk(url: string): WrkResult {
  const script = path.join(work, "report.lua");
  writeFileSync(script, WRK_SCRIPT);
  const run = spawnSync("wrk", ["-t2", `-c${CONNECTIONS}`, `-d${DURATION}s`, "--timeout", "10s", "-s", script, url], { encoding: "utf8" });
  const line = /WRK (\{.*\})/.exec(run.stdout ?? "")?.[1];
  if (!line) throw new Error(`wrk gave no result: ${run.stderr}`);
  const r = JSON.parse(line) as { requests: number; duration_us: number; p50_us: number; p95_us: number; p99_us: number; errors: number; non2xx: number };
  return { rps: r.requests / (r.duration_us / 1e6), p50: r.p50_us / 1000, p95: r.p95_us / 1000, p99: r.p99_us / 1000, errors: r.errors + r.non2xx };
}

async function jsWeight(url: string): Promise<number> {
  const html = await (await fetch(`${base}${url}`)).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]!);
  let bytes = 0;
  for (const src of new Set(scripts)) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer()), { level: 9 }).length;
  return round(bytes / 1024);
}

async function serveAndLoad(): Promise<void> {
  const article = `/articles/article-${Math.floor(SIZE / 2)}`;
  // Uncached: the cost of rendering.
  const serve = (env: Record<string, string>) =>
    startServer({ DATABASE_URL: databaseUrl, ...env }, { port: APP_PORT, nodeArgs: ["--max-old-space-size=384"] });
  let server = await serve({ PAGE_CACHE_MB: "0" });
  try {
    await measureSearch();
    await measurePagesUncached();
  } finally {
    await server.stop();
  }
  // As served: the page cache on.
  server = await serve({});
  try {
    await timed(`${base}${article}`);
    const app = wrk(`${base}${article}`);
    results.article_rps_32c = round(app.rps, 0);
    results.article_p50_ms_32c = round(app.p50, 2);
    results.article_p95_ms_32c = round(app.p95, 2);
    results.article_errors = app.errors;
    results.js_gzip_kb_article = await jsWeight(article);
    results.js_gzip_kb_search = await jsWeight("/search?q=cloud");
    const html = await (await fetch(`${base}${article}`)).text();
    await nginx(html);
  } finally {
    await server.stop();
  }
}

async function nginx(html: string): Promise<void> {
  if (!commandExists("nginx")) {
    results.nginx_article_rps_32c = null;
    notes.push("nginx is not installed (apt-get install -y nginx-light): no reference figure");
    return;
  }
  const dir = path.join(work, "nginx");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "html", "articles"), { recursive: true });
  mkdirSync(path.join(dir, "logs"), { recursive: true });
  writeFileSync(path.join(dir, "html", "articles", "page.html"), html);
  for (const d of [work, dir, path.join(dir, "html"), path.join(dir, "html", "articles")]) chmodSync(d, 0o755);
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(
    conf,
    `worker_processes auto;\ndaemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;\n  server { listen 127.0.0.1:${NGINX_PORT}; root ${dir}/html; default_type text/html; }\n}\n`,
  );
  const server = spawn("nginx", ["-c", conf, "-p", dir, "-e", `${dir}/logs/error.log`], { stdio: "ignore" });
  try {
    for (let i = 0; i < 40 && !(await fetch(`http://127.0.0.1:${NGINX_PORT}/articles/page.html`).then((r) => r.ok, () => false)); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const ref = wrk(`http://127.0.0.1:${NGINX_PORT}/articles/page.html`);
    results.nginx_article_rps_32c = round(ref.rps, 0);
    results.nginx_article_p95_ms_32c = round(ref.p95, 2);
  } finally {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await once(server, "exit");
    }
  }
}

function commit(): string {
  const run = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" });
  const dirty = spawnSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).stdout.trim() !== "";
  return run.status === 0 ? `${run.stdout.trim()}${dirty ? "+changes" : ""}` : "unknown";
}

const started = performance.now();
if (!commandExists("wrk")) throw new Error("wrk is not installed (apt-get install -y wrk): the load figures need it");
if (buildIfNeeded() !== 0) process.exit(2);
mkdirSync(work, { recursive: true });
results.articles = SIZE;
await ingest();
await noopIngest();
hugo();
await serveAndLoad();
results.commit = commit();
results.date = new Date().toISOString();
results.machine = `${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
results.bench_seconds = round((performance.now() - started) / 1000, 0);
if (notes.length) results.notes = notes;
if (!values.keep) rmSync(work, { recursive: true, force: true });

mkdirSync(path.join(root, "bench"), { recursive: true });
writeFileSync(path.join(root, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);

const r = results as Record<string, number | null>;
const v = (x: number | null | undefined, unit = "") => (x === null || x === undefined ? "—" : `${x.toLocaleString("en")}${unit}`);
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? (a / b).toFixed(2) : "—");
const table = [
  `## ${SIZE.toLocaleString("en")} articles — commit ${results.commit}, ${results.date}`,
  `Machine: ${results.machine}`,
  "",
  "| measure | this archive | reference | ratio |",
  "| --- | ---: | ---: | ---: |",
  `| full ingest | ${v(r.ingest_100k_seconds, " s")} (${v(r.ingest_ms_per_article, " ms/article")}) | Hugo: ${v(r.hugo_100k_seconds, " s")} (${v(r.hugo_ms_per_article, " ms/article")}) | ${ratio(r.ingest_100k_seconds, r.hugo_100k_seconds)} |`,
  `| ingest peak RSS | ${v(r.ingest_100k_peak_rss_mb, " MiB")} | target < 512 MiB | |`,
  `| no-op re-ingest | ${v(r.noop_reingest_100k_seconds, " s")} | target < 5 s | |`,
  `| article page, ${CONNECTIONS} connections, ${DURATION} s | ${v(r.article_rps_32c, " req/s")}, p95 ${v(r.article_p95_ms_32c, " ms")}, ${v(r.article_errors)} errors | nginx, same HTML: ${v(r.nginx_article_rps_32c, " req/s")} | ${ratio(r.article_rps_32c, r.nginx_article_rps_32c)} |`,
  `| search, worst p95 of the query types | ${v(r.search_p95_ms, " ms")} | bare FTS5 top-20: ${v(r.search_bare_p95_ms, " ms")} | ${ratio(r.search_p95_ms, r.search_bare_p95_ms)} |`,
  `| client JavaScript, gzip | article ${v(r.js_gzip_kb_article, " kB")}, search ${v(r.js_gzip_kb_search, " kB")} | targets 100 kB / 150 kB | |`,
  "",
  "| query type | API p50 | API p95 | bare FTS p50 | bare FTS p95 |",
  "| --- | ---: | ---: | ---: | ---: |",
  ...searchTable,
  "",
  "| page type, cache off, one request at a time | p50 | p95 |",
  "| --- | ---: | ---: |",
  ...pageTable,
  ...(notes.length ? ["", ...notes.map((n) => `- ${n}`)] : []),
];
console.log(`\n${table.join("\n")}\n\nbench/results.json written (${results.bench_seconds} s in all).`);
