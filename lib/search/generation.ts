import { randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";

// A token that changes whenever an ingest writes anything: caches of search results are keyed by
// it, so they can never serve results from before the last ingest (even across processes).

const KEY = "content-generation";

type Client = Pick<Prisma.TransactionClient, "systemState">;

export async function bumpContentGeneration(tx: Client): Promise<void> {
  const value = randomUUID();
  await tx.systemState.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value } });
}

export async function contentGeneration(client: Client): Promise<string> {
  return (await client.systemState.findUnique({ where: { key: KEY }, select: { value: true } }))?.value ?? "none";
}
