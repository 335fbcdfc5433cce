import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowedMethods, isWellEncoded, methodNotAllowed } from "@/lib/http/methods";
import { installHttpGuard } from "@/lib/http/node-guard";

describe("method rules", () => {
  it("the public archive is read-only; write routes are listed in one place", () => {
    expect(allowedMethods("/articles")).toEqual(["GET", "HEAD"]);
    const routes = [{ prefix: "/admin", methods: ["POST"] }];
    expect(allowedMethods("/admin/articles/new", routes)).toEqual(["GET", "HEAD", "POST"]);
    expect(allowedMethods("/admin", routes)).toEqual(["GET", "HEAD", "POST"]);
    expect(allowedMethods("/administration", routes)).toEqual(["GET", "HEAD"]);
  });

  it("a 405 names the allowed methods, as JSON under /api/", () => {
    const api = methodNotAllowed("/api/articles", "DELETE");
    expect(api.status).toBe(405);
    expect(api.headers.Allow).toBe("GET, HEAD");
    expect(JSON.parse(api.body)).toEqual({ error: { code: "method_not_allowed", message: expect.stringContaining("DELETE") } });
    expect(methodNotAllowed("/articles", "<b>").body).not.toContain("<b>");
  });

  it.each(["/articles/%ff%fe", "/articles/%", "/api/%ff%fe", "/entities/%E0%A4%A"])("%s is malformed", (path) => {
    expect(isWellEncoded(path)).toBe(false);
  });

  it.each(["/articles/cloudwatt", "/search", "/entities/caisse-des-d%C3%A9p%C3%B4ts", "/a%20b"])("%s is well encoded", (path) => {
    expect(isWellEncoded(path)).toBe(true);
  });
});

/** Sends raw bytes and returns everything the server writes back before closing. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    let data = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (data += chunk));
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
    socket.setTimeout(3000, () => socket.destroy(new Error(`no answer; got ${JSON.stringify(data)}`)));
  });
}

describe("Node-level guard (requests Next.js cannot represent)", () => {
  let server: Server;
  let port = 0;
  const seen: string[] = [];

  beforeAll(async () => {
    installHttpGuard();
    installHttpGuard(); // idempotent
    server = createServer((req, res) => {
      seen.push(req.method ?? "");
      res.end("app");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const expectRefusal = (answer: string, status: number) => {
    expect(answer).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(answer).toMatch(/\r\nContent-Security-Policy: default-src 'self'/);
    expect(answer).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/);
    expect(answer).toMatch(/\r\nX-Frame-Options: DENY\r\n/);
    expect(answer).toMatch(/\r\nReferrer-Policy: /);
  };

  it("TRACE: 405 with Allow, and the application never sees it", async () => {
    const answer = await raw(port, "TRACE /api/articles HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expectRefusal(answer, 405);
    expect(answer).toMatch(/\r\nAllow: GET, HEAD\r\n/i);
    expect(answer).toContain('{"error":{"code":"method_not_allowed"');
    expect(seen).not.toContain("TRACE");
  });

  it.each([
    ["CONNECT", "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n"],
    ["TRACK", "TRACK / HTTP/1.1\r\nHost: x\r\n\r\n"],
    ["an unknown method", "FOO /articles HTTP/1.1\r\nHost: x\r\n\r\n"],
  ])("%s: 405 with Allow instead of a dropped connection or a bare 400", async (_name, request) => {
    const answer = await raw(port, request);
    expectRefusal(answer, 405);
    expect(answer).toMatch(/\r\nAllow: GET, HEAD\r\n/);
  });

  it("an unparsable request: 400 with the security headers", async () => {
    expectRefusal(await raw(port, "GET / HTTP/1.1\r\nHost x\r\n\r\n"), 400);
  });

  it("oversized headers keep Node's 431", async () => {
    expectRefusal(await raw(port, `GET / HTTP/1.1\r\nHost: x\r\nX: ${"a".repeat(20_000)}\r\n\r\n`), 431);
  });

  it("ordinary requests reach the application", async () => {
    const answer = await raw(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1.1 200 /);
    expect(answer.endsWith("app")).toBe(true);
  });
});
