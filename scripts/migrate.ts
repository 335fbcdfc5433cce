// `npm run migrate`: applies pending SQL migrations (prisma/migrations) to DATABASE_URL.
// Exit code 2, with one line, when the configuration or the database is not usable.
import { runMain } from "../lib/cli/main";

await runMain("migrate", async (io) => {
  const { env } = await import("../lib/env");
  const { applyMigrations } = await import("../lib/migrations");
  const applied = applyMigrations(env.DATABASE_URL);
  io.out(applied.length === 0 ? "migrate: database is up to date" : `migrate: applied ${applied.join(", ")}`);
  return 0;
});
