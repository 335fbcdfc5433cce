import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { getHealth } from "@/lib/data/health";
import { tempDir } from "../support/temp";

// The unhappy half of GET /api/health (the happy half runs in saga.test.ts on both backends): a
// database that cannot be used gives "unavailable" in the same shape (the route answers 503), fast.

describe("health when the database is not usable", () => {
  it("PostgreSQL server unreachable: unavailable, same shape", async () => {
    const client = createPrismaClient("postgresql://postgres@127.0.0.1:1/archive");
    const started = Date.now();
    const health = await getHealth(client);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(health).toEqual({
      status: "unavailable",
      database: { provider: "postgresql", reachable: false },
      migration: null,
      counts: null,
      version: expect.any(String),
    });
    await client.$disconnect();
  });

  it("SQLite file that is not a database: unavailable", async () => {
    const tmp = tempDir();
    const file = path.join(tmp.dir, "broken.db");
    writeFileSync(file, "this is not a database, just some text that is long enough to be read as a header".repeat(20));
    const client = createPrismaClient(`file:${file}`);
    expect(await getHealth(client)).toMatchObject({ status: "unavailable", database: { provider: "sqlite", reachable: false } });
    await client.$disconnect();
    tmp.cleanup();
  });
});
