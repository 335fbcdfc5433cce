import "server-only";
import { compileMatcher, type MentionMatcher } from "../content/mentions";
import { db } from "../db";
import { contentGeneration } from "../search/generation";

// The compiled matcher of every entity name, for linking mentions in article pages; compiled
// once per content generation (it only changes with an ingest).

let cached: { generation: string; matcher: MentionMatcher } | undefined;

export async function getMentionMatcher(): Promise<MentionMatcher> {
  const generation = await contentGeneration(db);
  if (cached?.generation !== generation) {
    const entities = await db.entity.findMany({ select: { slug: true, name: true, aliases: true } });
    const matcher = compileMatcher(entities.map((e) => ({ slug: e.slug, names: [e.name, ...(JSON.parse(e.aliases) as string[])] })));
    cached = { generation, matcher };
  }
  return cached.matcher;
}
