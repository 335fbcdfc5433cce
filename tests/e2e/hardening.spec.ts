import { connect } from "node:net";
import { expect, test, type APIResponse } from "@playwright/test";

// "Never down, never wrong": bad input is a client error with the security headers, never a 500.

const SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options"];

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  for (const name of SECURITY_HEADERS) expect(headers[name], `${name} on ${what}`).toBeTruthy();
  expect(headers["x-frame-options"]).toBe("DENY");
}

test("malformed percent-encoding: the 404 page on pages, a JSON 400 under /api/", async ({ request }) => {
  for (const path of ["/articles/%ff%fe", "/articles/%", "/entities/%E0%A4%A", "/search/%ff"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toContain("Page introuvable");
    expectSecurityHeaders(response, path);
  }
  for (const path of ["/api/%ff%fe", "/api/articles/%", "/api/entities/%E0%A4%A"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.json(), path).toEqual({ error: { code: "bad_request", message: expect.any(String) } });
    expectSecurityHeaders(response, path);
  }
});

const ROUTES = ["/", "/articles", "/articles/numergy-c-est-fini", "/search?q=cloud", "/api/articles", "/api/entities/orange", "/api/export?format=csv", "/feed.xml", "/rss.xml", "/nope"];

test("every method but GET and HEAD is a 405 with Allow, TRACE included", async ({ request }) => {
  for (const method of ["POST", "PUT", "PATCH", "DELETE", "TRACE", "PROPFIND"]) {
    for (const path of ROUTES) {
      const response = await request.fetch(path, { method, data: method === "POST" ? "x=1" : undefined });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(response.headers()["allow"], `${method} ${path}`).toBe("GET, HEAD");
      expectSecurityHeaders(response, `${method} ${path}`);
      if (path.startsWith("/api/")) expect((await response.json()).error.code).toBe("method_not_allowed");
    }
  }
});

test("OPTIONS answers 204 with Allow; HEAD works", async ({ request }) => {
  for (const path of ["/articles", "/api/articles"]) {
    const options = await request.fetch(path, { method: "OPTIONS" });
    expect(options.status(), path).toBe(204);
    expect(options.headers()["allow"]).toBe("GET, HEAD");
    expect((await request.head(path)).status(), path).toBe(200);
  }
});

/** What the server answers to raw bytes: for methods an HTTP client library will not send. */
function raw(baseURL: string, request: string): Promise<string> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let data = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (data += chunk));
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${request.split(" ")[0]}`)));
  });
}

test("CONNECT, TRACK and unknown methods: 405 with Allow and the security headers", async ({ baseURL }) => {
  for (const request of ["CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n", "TRACK /articles HTTP/1.1\r\nHost: x\r\n\r\n", "FOO /api/articles HTTP/1.1\r\nHost: x\r\n\r\n"]) {
    const answer = await raw(baseURL!, request);
    const what = request.split(" ")[0];
    expect(answer, what).toMatch(/^HTTP\/1.1 405 /);
    expect(answer, what).toMatch(/\r\nAllow: GET, HEAD\r\n/);
    expect(answer, what).toMatch(/\r\nContent-Security-Policy: /);
    expect(answer, what).toMatch(/\r\nX-Frame-Options: DENY\r\n/);
  }
});

test("the security headers are on the 404 page and on static build files", async ({ request }) => {
  const missing = await request.get("/pas-une-page");
  expect(missing.status()).toBe(404);
  expectSecurityHeaders(missing, "404");
  const missingApi = await request.get("/api/pas-une-route");
  expect(missingApi.status()).toBe(404);
  expectSecurityHeaders(missingApi, "API 404");

  const html = await (await request.get("/articles")).text();
  const asset = html.match(/\/_next\/static\/[^"']+\.(?:js|css)/)?.[0];
  expect(asset, "a _next/static asset in the page").toBeTruthy();
  const response = await request.get(asset!);
  expect(response.status()).toBe(200);
  expectSecurityHeaders(response, asset!);
});
