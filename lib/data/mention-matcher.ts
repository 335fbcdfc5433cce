import "server-only";
import { compileMatcher, entityNames, type MentionMatcher } from "../content/mentions";
import { db } from "../db";
import { contentGeneration } from "../search/generation";

// The compiled matcher of every entity name, for linking mentions in article pages; compiled
// once per content generation (it only changes with an ingest).

let cached: { generation: string; matcher: MentionMatcher } | undefined;

export async function getMentionMatcher(): Promise<MentionMatcher> {
  const generation = await contentGeneration(db);
  if (cached?.generation !== generation) {
    const entities = await db.entity.findMany({ select: { slug: true, name: true, aliases: true, exactAliases: true } });
    const matcher = compileMatcher(entities.map(entityNames));
    cached = { generation, matcher };
  }
  return cached.matcher;
}
