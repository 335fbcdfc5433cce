// `npm run soak -- --url http://127.0.0.1:3000 --pid <next-server pid> [--connections 32]
//   [--duration 20] [--max-requests 50000] [--max-rss-mb 700]`
// A bounded load test against a server already running on this machine: a mix of pages, API calls,
// feeds and exports over N keep-alive connections for a fixed time, sampling the server's RSS
// (/proc/<pid>/status) every 250 ms. Prints req/s, latency percentiles per kind of request, errors
// and peak RSS; exits 1 on any error or when the RSS bound is crossed, 2 on bad usage.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { prng } from "./bench-corpus";

const ZArgs = z.object({
  url: z
    .url()
    .default("http://127.0.0.1:3000")
    // A load generator must not be pointed at someone else's server by a typo.
    .refine((u) => new URL(u).hostname === "127.0.0.1", { message: "only http://127.0.0.1 is allowed" }),
  pid: z.coerce.number().int().positive().optional(),
  connections: z.coerce.number().int().min(1).max(256).default(32),
  duration: z.coerce.number().positive().max(600).default(20),
  "max-requests": z.coerce.number().int().min(1).max(500_000).default(50_000),
  "max-rss-mb": z.coerce.number().positive().optional(),
});

function usage(message: string): never {
  console.error(`soak: ${message}`);
  process.exit(2);
}

function parseCli() {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      options: Object.fromEntries(["url", "pid", "connections", "duration", "max-requests", "max-rss-mb"].map((k) => [k, { type: "string" as const }])),
    }));
  } catch (error) {
    usage((error as Error).message);
  }
  const parsed = ZArgs.safeParse(values);
  if (!parsed.success) usage(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("; "));
  return parsed.data;
}

interface Target {
  kind: string;
  path: string;
  /** A deliberate client error: this status is a success here. */
  expect?: number;
}

const QUERIES = ["numergy", "cloud souverain", '"caisse des dépôts"', "actionnaires", "orange OR sfr", "datacent*", "thales -orange", "souveraineté"];
const FORMATS = ["csv", "json", "bibtex", "ris", "csljson"];

async function discover(base: string): Promise<{ articles: string[]; entities: string[] }> {
  const list = (await (await fetch(`${base}/api/articles?pageSize=100&sort=oldest`)).json()) as { items: { slug: string }[] };
  const entities = (await (await fetch(`${base}/api/entities`)).json()) as { entities: { slug: string }[] };
  return { articles: list.items.map((i) => i.slug), entities: entities.entities.map((e) => e.slug) };
}

/** The request mix, by weight: mostly reading, some searching, a few feeds and exports, a few deliberate 4xx. */
function mix(articles: string[], entities: string[], rand: () => number): Array<[number, () => Target]> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const q = () => encodeURIComponent(pick(QUERIES));
  return [
    [22, () => ({ kind: "article page", path: `/articles/${pick(articles)}` })],
    [6, () => ({ kind: "article list", path: `/articles?page=${1 + Math.floor(rand() * 20)}` })],
    [4, () => ({ kind: "home", path: "/" })],
    [14, () => ({ kind: "search page", path: `/search?q=${q()}${rand() < 0.3 ? `&entity=${pick(entities)}` : ""}` })],
    [14, () => ({ kind: "api articles", path: `/api/articles?q=${q()}&pageSize=${pick([20, 50, 100])}` })],
    [4, () => ({ kind: "api article", path: `/api/articles/${pick(articles)}` })],
    [9, () => ({ kind: "entity page", path: `/entities/${pick(entities)}` })],
    [2, () => ({ kind: "entities", path: "/entities" })],
    [5, () => ({ kind: "timeline", path: `/timeline${rand() < 0.5 ? `?entity=${pick(entities)}` : ""}` })],
    [6, () => ({ kind: "feed", path: `/${pick(["feed.xml", "rss.xml", "feed.json"])}${rand() < 0.5 ? `?q=${q()}` : ""}` })],
    [3, () => ({ kind: "export (filtered)", path: `/api/export?format=${pick(FORMATS)}&q=${q()}&entity=${pick(entities)}` })],
    [1, () => ({ kind: "export (everything)", path: `/api/export?format=${pick(["csv", "json"])}` })],
    [3, () => pick<Target>([
      { kind: "deliberate 4xx", path: "/articles/n-existe-pas", expect: 404 },
      { kind: "deliberate 4xx", path: "/api/articles?pageSize=1000", expect: 400 },
      { kind: "deliberate 4xx", path: "/api/articles/%ff", expect: 400 },
      { kind: "deliberate 4xx", path: "/entities/%E0%A4%A", expect: 404 },
    ])],
  ];
}

function rssMiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  return match ? Number(match[1]) / 1024 : NaN;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main() {
  const args = parseCli();
  const base = args.url.replace(/\/$/, "");
  const rand = prng(42);
  const { articles, entities } = await discover(base);
  const weighted = mix(articles, entities, rand);
  const total = weighted.reduce((s, [w]) => s + w, 0);
  const next = (): Target => {
    let r = rand() * total;
    for (const [w, make] of weighted) if ((r -= w) < 0) return make();
    return weighted[0]![1]();
  };

  let peakRss = 0;
  const sampler = args.pid
    ? setInterval(() => (peakRss = Math.max(peakRss, rssMiB(args.pid!, "VmRSS"))), 250)
    : undefined;
  if (!args.pid) console.warn("soak: no --pid, server memory is not sampled");

  const latencies = new Map<string, number[]>();
  const errors: string[] = [];
  let sent = 0;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + args.duration * 1000;

  async function worker() {
    while (performance.now() < deadline && sent < args["max-requests"]) {
      sent++;
      const target = next();
      const t = performance.now();
      try {
        const response = await fetch(base + target.path, { redirect: "manual" });
        // Drained chunk by chunk: a large export is counted, never held.
        const reader = response.body?.getReader();
        for (let r = await reader?.read(); r && !r.done; r = await reader!.read()) bytes += r.value.byteLength;
        const ok = target.expect ? response.status === target.expect : response.status < 400;
        if (!ok) errors.push(`${response.status} ${target.path}`);
      } catch (error) {
        errors.push(`${(error as Error).cause ?? error} ${target.path}`);
      }
      const list = latencies.get(target.kind) ?? [];
      list.push(performance.now() - t);
      latencies.set(target.kind, list);
    }
  }
  await Promise.all(Array.from({ length: args.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (sampler) clearInterval(sampler);

  const all = [...latencies.values()].flat().sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  console.log(`${sent} requests in ${seconds.toFixed(1)} s over ${args.connections} connections: ${(sent / seconds).toFixed(1)} req/s, ${(bytes / 2 ** 20).toFixed(1)} MiB received`);
  console.log(`latency p50 ${ms(percentile(all, 50))}, p95 ${ms(percentile(all, 95))}, p99 ${ms(percentile(all, 99))}, max ${ms(all.at(-1) ?? NaN)}`);
  console.log("| kind | requests | p50 | p95 | max |\n| --- | ---: | ---: | ---: | ---: |");
  for (const [kind, list] of [...latencies].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a - b);
    console.log(`| ${kind} | ${list.length} | ${ms(percentile(list, 50))} | ${ms(percentile(list, 95))} | ${ms(list.at(-1)!)} |`);
  }
  console.log(`errors: ${errors.length}`);
  for (const e of errors.slice(0, 10)) console.log(`  ${e}`);
  if (args.pid) console.log(`server RSS: peak ${peakRss.toFixed(0)} MiB sampled, high-water mark since start ${rssMiB(args.pid, "VmHWM").toFixed(0)} MiB`);

  const overRss = args["max-rss-mb"] !== undefined && peakRss > args["max-rss-mb"];
  if (overRss) console.log(`soak: peak RSS ${peakRss.toFixed(0)} MiB is above --max-rss-mb ${args["max-rss-mb"]}`);
  process.exit(errors.length > 0 || overRss ? 1 : 0);
}

await main();
