import type { Metadata } from "next";
import Link from "@/components/link";
import { listEntities } from "@/lib/data/entities";
import { KIND_LABELS, KIND_ORDER } from "@/lib/labels";
import { alternates } from "@/lib/metadata";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Acteurs",
  description: "Les entreprises, institutions, personnes et projets du cloud souverain français, avec les articles qui en parlent.",
  alternates: alternates("/entities"),
};

export default async function EntitiesPage() {
  const entities = await listEntities();
  const groups = KIND_ORDER.map((kind) => ({ kind, list: entities.filter((e) => e.kind === kind) })).filter((g) => g.list.length > 0);
  return (
    <div>
      <h1 className="text-3xl font-bold">Acteurs</h1>
      <p className="mt-2 max-w-prose text-stone-700 dark:text-stone-300">
        {entities.length} entreprises, institutions, personnes et projets cités par les articles de l’archive, avec le nombre
        d’articles qui les mentionnent.
      </p>
      <div className="mt-8 grid gap-10 md:grid-cols-2">
        {groups.map(({ kind, list }) => (
          <section key={kind} aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`} className="text-xl font-semibold">
              {KIND_LABELS[kind]?.many ?? kind}
            </h2>
            <ul className="mt-3 space-y-1">
              {list.map((e) => (
                <li key={e.slug}>
                  <Link href={`/entities/${e.slug}`}>{e.name}</Link>{" "}
                  <span className="text-sm text-stone-600 dark:text-stone-400">
                    ({e.articleCount} article{e.articleCount > 1 ? "s" : ""})
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
