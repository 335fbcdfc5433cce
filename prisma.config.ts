import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (generate; migrate status/deploy on a machine that can run them).
// The application itself reads DATABASE_URL through lib/env.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/archive.db" },
});
