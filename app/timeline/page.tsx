import type { Metadata } from "next";
import Link from "@/components/link";
import { TimelineList } from "@/components/timeline-list";
import { TimelineTrack } from "@/components/timeline-track";
import { parseTimelineQuery } from "@/lib/api/query";
import { listEntities } from "@/lib/data/entities";
import { listEras, listEvents } from "@/lib/data/timeline";
import { alternates } from "@/lib/metadata";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Chronologie",
  description: "La chronologie du cloud souverain français, de l’appel d’offres de 2010 au rachat de Numergy par SFR, chaque événement avec ses sources.",
  alternates: alternates("/timeline"),
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function href(params: { entity?: string; era?: string }): string {
  const query = new URLSearchParams();
  if (params.entity) query.set("entity", params.entity);
  if (params.era) query.set("era", params.era);
  const s = query.toString();
  return s ? `/timeline?${s}` : "/timeline";
}

export default async function TimelinePage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = parseTimelineQuery(await searchParams);
  const filters = parsed.success ? parsed.data : {};
  const [events, eras, entities, all] = await Promise.all([listEvents(filters), listEras(), listEntities(), listEvents()]);
  const withEvents = new Set(all.flatMap((e) => e.entities.map((x) => x.slug)));
  const entityOptions = entities.filter((e) => withEvents.has(e.slug));
  const current = entityOptions.find((e) => e.slug === filters.entity);

  return (
    <div>
      <h1 className="text-3xl font-bold">Chronologie</h1>
      <p className="mt-2 max-w-prose text-stone-700 dark:text-stone-300">
        Les événements du cloud souverain tels que la presse archivée les rapporte. Chaque date est donnée avec sa précision réelle
        (« vers » ou « environ » quand elle est déduite), et chaque événement renvoie aux articles qui l’attestent.
      </p>
      {!parsed.success && (
        <p role="alert" className="mt-4">
          Filtres invalides ({parsed.error.issues.map((i) => i.message).join(" ; ")}) : toute la chronologie est affichée.
        </p>
      )}

      <nav aria-label="Filtrer la chronologie" className="no-print mt-6 space-y-3 text-sm">
        <div>
          <span className="font-semibold">Périodes : </span>
          <ul className="inline">
            <li className="inline">
              <Link href={href({ entity: filters.entity })} aria-current={!filters.era ? "page" : undefined}>
                toutes
              </Link>
            </li>
            {eras.map((era) => (
              <li key={era} className="inline">
                {" · "}
                <Link href={href({ entity: filters.entity, era })} aria-current={filters.era === era ? "page" : undefined}>
                  {era}
                </Link>
              </li>
            ))}
          </ul>
        </div>
        <form action="/timeline" method="get" className="flex flex-wrap items-end gap-2">
          {filters.era && <input type="hidden" name="era" value={filters.era} />}
          <label htmlFor="entite" className="font-semibold">
            Acteur :
          </label>
          <select id="entite" name="entity" defaultValue={filters.entity ?? ""} className="rounded border border-stone-400 px-2 py-1 dark:bg-stone-900">
            <option value="">tous</option>
            {entityOptions.map((e) => (
              <option key={e.slug} value={e.slug}>
                {e.name}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded border border-stone-400 px-3 py-1">
            Filtrer
          </button>
        </form>
      </nav>

      <p className="mt-6 font-medium" aria-live="polite">
        {events.length} événement{events.length > 1 ? "s" : ""}
        {current && <> concernant {current.name}</>}
        {filters.era && <> — {filters.era}</>}
        {(filters.entity || filters.era) && (
          <>
            {" "}
            (<Link href="/timeline">toute la chronologie</Link>)
          </>
        )}
      </p>
      <div className="mt-6">
        <TimelineTrack events={events} />
        <TimelineList events={events} />
      </div>
    </div>
  );
}
