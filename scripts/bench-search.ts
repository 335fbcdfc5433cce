// `npm run bench:search -- [--sizes 10000,100000] [--runs 60] [--backend sqlite|postgresql] [--pg-url <url>]`
// Builds deterministic synthetic corpora of French articles the length of the seeds, ingests them
// (time and peak memory), serves them with the production build, and reports p50/p95 latency of
// GET /api/articles for a fixed query mix next to the bare full-text query on the same database
// (FTS5 with bm25 on SQLite; the tsvector GIN index with ts_rank on PostgreSQL).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { runIngestCli } from "../lib/ingest/cli";
import { applyMigrations } from "../lib/migrations";
import { BARE_FTS_SQL, buildCorpus, percentile, QUERY_MIX } from "./bench-corpus";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { parseSearchText } from "../lib/search/query";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000" },
    runs: { type: "string", default: "60" },
    // Keep the corpus and database afterwards; reuse a kept database instead of building it again.
    keep: { type: "boolean" },
    reuse: { type: "boolean" },
    backend: { type: "string", default: "sqlite" },
    // PostgreSQL server for --backend postgresql; the database andromede_bench_<size> is (re)created on it.
    "pg-url": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
  },
});
const BACKEND = values.backend === "postgresql" ? "postgresql" : "sqlite";
if (values.backend !== BACKEND) throw new Error(`--backend must be sqlite or postgresql, not ${values.backend}`);
const SIZES = values.sizes!.split(",").map(Number);
const RUNS = Number(values.runs);
const PORT = 3999;
const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

async function waitFor(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error("server exited");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not start");
}

interface BenchDatabase {
  url: string;
  exists(): Promise<boolean>;
  reset(): Promise<void>;
  sizeMiB(): Promise<number>;
  /** The bare ranked full-text query for the first 20 matches. */
  bare(q: string): Promise<void>;
  close(): Promise<void>;
}

function sqliteBench(root: string): BenchDatabase {
  const dbFile = path.join(root, "bench.db");
  let reader: Database.Database | undefined;
  let statement: Database.Statement | undefined;
  return {
    url: `file:${dbFile}`,
    exists: async () => existsSync(dbFile),
    reset: async () => {
      rmSync(dbFile, { force: true });
      rmSync(`${dbFile}-wal`, { force: true });
    },
    sizeMiB: async () => statSync(dbFile).size / 2 ** 20,
    bare: async (q) => {
      reader ??= new Database(dbFile, { readonly: true });
      statement ??= reader.prepare(BARE_FTS_SQL);
      statement.all(parseSearchText(q).match);
    },
    close: async () => void reader?.close(),
  };
}

function postgresBench(size: number): BenchDatabase {
  const name = `andromede_bench_${size}`;
  const admin = new URL(values["pg-url"]!);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const adminQuery = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = [], target = admin.toString()) => {
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  let reader: pg.Client | undefined;
  return {
    url: url.toString(),
    exists: async () => (await adminQuery("SELECT 1 FROM pg_database WHERE datname = $1", [name])).length === 1,
    reset: async () => void (await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    sizeMiB: async () => Number((await adminQuery<{ n: string }>("SELECT pg_database_size($1) AS n", [name]))[0]!.n) / 2 ** 20,
    bare: async (q) => {
      if (!reader) {
        reader = new pg.Client({ connectionString: url.toString() });
        await reader.connect();
        // As the search backend does (lib/search/postgresql.ts): the GIN index, never a sequential scan.
        await reader.query("SET enable_seqscan = off");
      }
      await reader.query({
        text: `SELECT s."articleId" FROM "article_search" s, to_tsquery('simple'::regconfig, $1::text) AS q(query)
               WHERE s."document" @@ q.query ORDER BY ts_rank('{0.1, 0.4, 0.6, 1.0}', s."document", q.query, 1) DESC, s."articleId" LIMIT 20`,
        values: [parseSearchText(q).tsquery],
        rowMode: "array",
      });
    },
    close: async () => reader?.end(),
  };
}

async function benchSize(size: number): Promise<string[]> {
  const root = path.join(tmpdir(), `andromede-bench-${size}`);
  const content = path.join(root, "content");
  const database = BACKEND === "postgresql" ? postgresBench(size) : sqliteBench(root);
  let built = "Database reused from an earlier run (--reuse).";
  if (!(values.reuse && (await database.exists()))) {
    let t = performance.now();
    buildCorpus(content, size);
    const generated = performance.now() - t;
    await database.reset();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    t = performance.now();
    const code = await runIngestCli(["--dir", content], { out: (l) => console.log(`  ingest: ${l}`), err: (l) => console.error(l) }, database.url);
    const ingestMs = performance.now() - t;
    clearInterval(sampler);
    if (code !== 0) throw new Error(`ingest failed (${code})`);
    built = `Corpus generated in ${(generated / 1000).toFixed(1)} s; ingest (validate, render, write, index) ${(ingestMs / 1000).toFixed(1)} s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB.`;
  } else {
    await applyMigrations(database.url);
  }
  const lines: string[] = [
    `### ${size.toLocaleString("en")} articles, ${BACKEND}`,
    "",
    `${built} Database: ${(await database.sizeMiB()).toFixed(0)} MiB.`,
    "",
    "| query type | API p50 | API p95 | bare FTS p50 | bare FTS p95 |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  try {
    const measured = await measureApi(database);
    for (const kind of Object.keys(QUERY_MIX)) {
      const m = measured.get(kind)!;
      const fts = m.fts.length ? `${ms(percentile(m.fts, 50))} | ${ms(percentile(m.fts, 95))}` : "— | —";
      lines.push(`| ${kind} | ${ms(percentile(m.api, 50))} | ${ms(percentile(m.api, 95))} | ${fts} |`);
    }
  } finally {
    await database.close();
    if (!values.keep) {
      rmSync(root, { recursive: true, force: true });
      if (BACKEND === "postgresql") await database.reset();
    }
  }
  return lines;
}

/** Serves the database with the production build and times the query mix (sorted samples per type). */
async function measureApi(database: BenchDatabase): Promise<Map<string, { api: number[]; fts: number[] }>> {
  const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
    stdio: "ignore",
  });
  const results = new Map<string, { api: number[]; fts: number[] }>();
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitFor(`${base}/api/articles?pageSize=1`, server);
    for (const [kind, queries] of Object.entries(QUERY_MIX)) {
      const api: number[] = [];
      const fts: number[] = [];
      for (let run = -5; run < RUNS; run++) {
        const query = queries[(run + 5) % queries.length]!;
        const start = performance.now();
        const response = await fetch(`${base}/api/articles?${query}`);
        await response.json();
        if (!response.ok) throw new Error(`${query}: HTTP ${response.status}`);
        const elapsed = performance.now() - start;
        const q = new URLSearchParams(query).get("q");
        if (run < 0) continue;
        api.push(elapsed);
        if (q) {
          const s = performance.now();
          await database.bare(q);
          fts.push(performance.now() - s);
        }
      }
      results.set(kind, { api: api.sort((a, b) => a - b), fts: fts.sort((a, b) => a - b) });
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  return results;
}

if (buildIfNeeded() !== 0) process.exit(2);
const report: string[] = [`Runs per query type: ${RUNS} (after 5 warm-up requests), sequential, on this machine (${process.arch}, Node ${process.version}).`, ""];
for (const size of SIZES) {
  console.log(`bench: ${size} articles…`);
  const lines = await benchSize(size);
  // Printed as soon as they are known: a later size failing does not lose them.
  console.log(lines.join("\n"));
  report.push(...lines, "");
}
console.log("\n" + report.join("\n"));
