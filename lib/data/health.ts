import "server-only";
import packageJson from "../../package.json";
import type { z } from "zod";
import type { ZHealth } from "../api/schemas";
import { clientProvider, db, type Db } from "../db";

// GET /api/health: whether this instance can serve the archive, for load balancers and monitors.
// The database is asked three small questions (last migration, counts); any failure, including a
// connection that cannot be made within the pool's timeout, makes the answer "unavailable".

/** The answer's shape is lib/api/schemas.ts's ZHealth (also the OpenAPI description). */
export type Health = z.infer<typeof ZHealth>;

/** How long a health check waits for the database before answering "unavailable". */
const HEALTH_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function getHealth(client: Db = db): Promise<Health> {
  const provider = clientProvider(client);
  const version = packageJson.version;
  try {
    const [migrations, articles, entities, events] = await withTimeout(
      Promise.all([
        client.$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM "_prisma_migrations"
          WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
        client.article.count({ where: { status: "published", removedAt: null } }),
        client.entity.count(),
        client.event.count(),
      ]),
      HEALTH_TIMEOUT_MS,
    );
    return {
      status: "ok",
      database: { provider, reachable: true },
      migration: migrations[0]?.name ?? null,
      counts: { articles, entities, events },
      version,
    };
  } catch (error) {
    // The reason goes to the server's log, not to the public answer (it may name internal hosts).
    console.error(`health: database unavailable: ${((error as Error).message ?? String(error)).trim().split("\n")[0]}`);
    return { status: "unavailable", database: { provider, reachable: false }, migration: null, counts: null, version };
  }
}
