import { clientProvider, type Db, type Provider } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { postgresSearch } from "./postgresql";
import * as postgresIndex from "./postgresql-index";
import { sqliteSearch } from "./sqlite";
import * as sqliteIndex from "./sqlite-index";
import type { SearchBackend } from "./types";

// The search backend and the index writer that go with a database: SQLite FTS5 for `file:` URLs,
// PostgreSQL full-text search for `postgresql://` ones. Both answer the same SearchBackend.

export function searchBackendFor(db: Db, url: string): SearchBackend {
  return clientProvider(db) === "postgresql" ? postgresSearch(db) : sqliteSearch(db, url);
}

export interface SearchIndexWriter {
  isSearchIndexCurrent(client: Pick<Prisma.TransactionClient, "systemState">): Promise<boolean>;
  updateSearchIndex(tx: Prisma.TransactionClient, changedIds: number[]): Promise<void>;
}

export function searchIndexWriter(provider: Provider): SearchIndexWriter {
  return provider === "postgresql" ? postgresIndex : sqliteIndex;
}
