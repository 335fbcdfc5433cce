import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { postgresqlSchema } from "../../scripts/postgresql-schema.mjs";

// Prisma's own reading of the data model (its DMMF, from the schema WASM module behind the CLI),
// for the drift tests of both providers.

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
export interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}

export function readDmmf(provider: "sqlite" | "postgresql" = "sqlite"): { models: DmmfModel[]; indexes: DmmfIndex[] } {
  const require = createRequire(import.meta.url);
  const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf: (params: string) => string };
  const sqlite = readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
  // The PostgreSQL schema as the project generates it (never written by hand).
  const schema = provider === "sqlite" ? sqlite : postgresqlSchema(sqlite);
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))).datamodel;
}
