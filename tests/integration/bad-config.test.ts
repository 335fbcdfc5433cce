import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A wrong DATABASE_URL, an unreachable server or an unknown user: `npm run ingest`, `npm run migrate`
// and `npm start` stop within seconds with exit code 2 and one line naming the problem, never a
// stack trace. The commands run as real processes, as an operator would run them.

const root = path.resolve(import.meta.dirname, "../..");

function run(script: string, databaseUrl: string, args: string[] = []) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [...(script.endsWith(".ts") ? ["--import", "tsx"] : []), script, ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return { code: result.status, stderr: result.stderr.trim().split("\n").filter(Boolean), seconds: (Date.now() - started) / 1000 };
}

describe("bad database configuration", () => {
  it.each([
    ["mysql://root@localhost/archive", /^ingest: invalid environment: DATABASE_URL: must start with file: \(SQLite, e\.g\. file:\.\/data\/archive\.db\) or postgresql:\/\//],
    ["postgresql://localhost", /^ingest: invalid environment: DATABASE_URL: must start with file:/],
    ["postgresql://postgres@127.0.0.1:1/archive", /^ingest: nothing was written: cannot connect to PostgreSQL at 127\.0\.0\.1:1: connection refused/],
    ["postgresql://postgres@no-such-host.invalid/archive", /^ingest: nothing was written: cannot connect to PostgreSQL at no-such-host\.invalid:5432: host not found$/],
  ])("npm run ingest with DATABASE_URL=%s: exit 2, one line", (url, message) => {
    const result = run("scripts/ingest.ts", url, ["--dir", "content"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(message);
    expect(result.seconds).toBeLessThan(15);
  });

  it("npm run migrate names an unknown user", () => {
    const result = run("scripts/migrate.ts", "postgresql://no_such_role@127.0.0.1:5432/archive");
    expect(result.code).toBe(2);
    // Refused as an unknown role, or (no server here) as unreachable: one line either way.
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(/^migrate: (PostgreSQL at 127\.0\.0\.1:5432 refused user "no_such_role"|cannot connect)/);
  });

  it("npm start stops before building or serving", () => {
    const result = run("scripts/start.mjs", "postgresql://postgres@127.0.0.1:1/archive");
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual(["migrate: cannot connect to PostgreSQL at 127.0.0.1:1: connection refused (is the server running?)"]);
    expect(result.seconds).toBeLessThan(15);
  });
});
