// The production server (`npm start` runs it after migrate, ingest and build): Next.js in this
// process on a loopback port, and in front of it, on PORT, the public pages' cache
// (lib/http/page-cache.ts). A cacheable request whose page is stored for the current content
// generation is answered from memory; any other request is passed to Next unchanged.
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import next from "next";
import { env } from "../lib/env";
import { openGenerationReader } from "../lib/http/generation-reader";
import { installHttpGuard } from "../lib/http/node-guard";
import {
  buildEntry,
  CACHE_CONTROL,
  type CachedPage,
  cacheKey,
  chooseEncoding,
  isShareable,
  matchesEtag,
  PageCache,
} from "../lib/http/page-cache";

const root = path.resolve(import.meta.dirname, "..");
/** A page larger than this is answered without being kept. */
const MAX_ENTRY_BYTES = 8 * 1024 * 1024;
/** Connection headers that belong to one hop, never forwarded. */
/** What a shared cache must key a stored page by: Next answers RSC payloads at the same URLs. */
const VARY = "RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch, Accept-Encoding";
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

installHttpGuard();

const app = next({ dev: false, dir: root, hostname: "localhost", port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const upstream = http.createServer((req, res) => void handle(req, res));
await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
const upstreamPort = (upstream.address() as AddressInfo).port;
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

const cache = new PageCache(env.PAGE_CACHE_MB * 1024 * 1024);
const generations = openGenerationReader(env.DATABASE_URL);
/** Renders in flight, by generation and key: concurrent misses of one page render it once. */
const inflight = new Map<string, Promise<CachedPage | null>>();

function forwardedHeaders(req: IncomingMessage, overrides: Record<string, string | undefined> = {}): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
  const client = req.socket.remoteAddress;
  if (client) headers["x-forwarded-for"] = headers["x-forwarded-for"] ? `${headers["x-forwarded-for"]}, ${client}` : client;
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return headers;
}

function rawResponseHeaders(res: IncomingMessage): string[] {
  const raw: string[] = [];
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    if (!HOP_BY_HOP.has(res.rawHeaders[i]!.toLowerCase())) raw.push(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
  }
  return raw;
}

function badGateway(res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(502, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end("Le serveur de pages ne répond pas.\n");
}

/** Passes a request to Next unchanged and streams its answer back. */
function pass(req: IncomingMessage, res: ServerResponse): void {
  const proxied = http.request(
    { host: "127.0.0.1", port: upstreamPort, method: req.method, path: req.url, headers: forwardedHeaders(req), agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, rawResponseHeaders(answer));
      answer.pipe(res);
      answer.on("error", () => res.destroy());
    },
  );
  proxied.on("error", () => badGateway(res));
  res.on("close", () => {
    if (!res.writableFinished) proxied.destroy();
  });
  req.pipe(proxied);
}

/**
 * Renders a page through Next (always as a GET without compression or validators, so that the
 * stored body is the whole page) and keeps it if every reader may see it. `res` gets the answer
 * when it cannot be kept; the coalesced requests then ask Next themselves.
 */
function render(req: IncomingMessage, res: ServerResponse, key: string, generation: string): Promise<CachedPage | null> {
  return new Promise((resolve) => {
    const headers = forwardedHeaders(req, { "accept-encoding": "identity", "if-none-match": undefined, "if-modified-since": undefined });
    const proxied = http.request({ host: "127.0.0.1", port: upstreamPort, method: "GET", path: key, headers, agent }, (answer) => {
      const status = answer.statusCode ?? 502;
      if (!isShareable(status, answer.headers)) {
        res.writeHead(status, answer.statusMessage, rawResponseHeaders(answer));
        if (req.method === "HEAD") {
          answer.resume();
          res.end();
        } else answer.pipe(res);
        answer.on("error", () => res.destroy());
        resolve(null);
        return;
      }
      const chunks: Buffer[] = [];
      let length = 0;
      let streaming = false;
      answer.on("data", (chunk: Buffer) => {
        if (streaming) return;
        chunks.push(chunk);
        length += chunk.length;
        if (length > MAX_ENTRY_BYTES) {
          // Too large to keep: answer it as it comes.
          streaming = true;
          answer.pause();
          res.writeHead(status, answer.statusMessage, rawResponseHeaders(answer));
          for (const c of chunks) res.write(c);
          answer.pipe(res);
          answer.resume();
          resolve(null);
        }
      });
      answer.on("end", () => {
        if (streaming) return;
        resolve(buildEntry(generation, status, answer.headers, Buffer.concat(chunks, length)));
      });
      answer.on("error", () => {
        badGateway(res);
        resolve(null);
      });
    });
    proxied.on("error", () => {
      badGateway(res);
      resolve(null);
    });
    proxied.end();
  });
}

function send(req: IncomingMessage, res: ServerResponse, entry: CachedPage, state: "HIT" | "MISS"): void {
  const common = { ...entry.headers, vary: VARY, etag: entry.etag, "cache-control": CACHE_CONTROL, "x-cache": state };
  if (matchesEtag(req.headers["if-none-match"], entry.etag)) {
    res.writeHead(304, common).end();
    return;
  }
  const encoding = chooseEncoding(req.headers["accept-encoding"]);
  const body = encoding === "br" ? entry.br : encoding === "gzip" ? entry.gzip : entry.identity;
  const headers: Record<string, string | number> = { ...common, "content-length": body.length };
  if (encoding !== "identity") headers["content-encoding"] = encoding;
  res.writeHead(entry.status, headers);
  if (req.method === "HEAD") res.end();
  else res.end(body);
}

async function front(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const key = cache.maxBytes > 0 ? cacheKey(req.method, req.url, req.headers) : null;
  if (key === null) return pass(req, res);
  const generation = await generations.read();
  if (generation === null) return pass(req, res);
  const stored = cache.get(key, generation);
  if (stored) return send(req, res, stored, "HIT");
  const flight = `${generation}\n${key}`;
  const running = inflight.get(flight);
  if (running) {
    const entry = await running;
    return entry ? send(req, res, entry, "HIT") : pass(req, res);
  }
  const rendering = render(req, res, key, generation);
  inflight.set(flight, rendering);
  const entry = await rendering.finally(() => inflight.delete(flight));
  if (entry) {
    cache.set(key, entry);
    send(req, res, entry, "MISS");
  }
}

const server = http.createServer((req, res) => {
  front(req, res).catch(() => badGateway(res));
});
server.keepAliveTimeout = 65_000;
server.listen(env.PORT, () => {
  console.log(`▲ Andromède on http://localhost:${env.PORT} (page cache: ${env.PAGE_CACHE_MB} MiB)`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    upstream.close();
    agent.destroy();
    void generations.close().finally(() => process.exit(0));
  });
}
