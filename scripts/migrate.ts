// `npm run migrate`: applies pending SQL migrations (prisma/migrations for SQLite,
// prisma/migrations-postgresql for PostgreSQL) to DATABASE_URL.
// Exit code 2, with one line, when the configuration or the database is not usable.
import { runMain } from "../lib/cli/main";

await runMain("migrate", async (io) => {
  const { env } = await import("../lib/env");
  const { describeDatabaseError } = await import("../lib/postgres");
  const { applyMigrations } = await import("../lib/migrations");
  try {
    const applied = await applyMigrations(env.DATABASE_URL);
    io.out(applied.length === 0 ? "migrate: database is up to date" : `migrate: applied ${applied.join(", ")}`);
    return 0;
  } catch (error) {
    const described = describeDatabaseError(error, env.DATABASE_URL);
    if (described === null) throw error;
    io.err(`migrate: ${described}`);
    return 2;
  }
});
