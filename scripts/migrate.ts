// `npm run migrate`: applies pending SQL migrations (prisma/migrations) to DATABASE_URL.
import { env } from "../lib/env";
import { applyMigrations } from "../lib/migrations";

try {
  const applied = applyMigrations(env.DATABASE_URL);
  console.log(applied.length === 0 ? "migrate: database is up to date" : `migrate: applied ${applied.join(", ")}`);
} catch (error) {
  console.error(`migrate: ${(error as Error).message}`);
  process.exitCode = 2;
}
