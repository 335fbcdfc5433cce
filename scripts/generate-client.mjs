// postinstall: generates the Prisma client into lib/generated/prisma.
// Prisma's CLI wants to download its native schema engine for every command, which these machines
// cannot do; `generate` does not use that engine, so we point the variable at an existing file.
// Never do this for `migrate` or `db` commands: they would silently do nothing (DEVELOPERS.md).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
process.exit(result.status ?? 1);
