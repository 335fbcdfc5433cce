import Link from "@/components/link";
import { searchHref, toggleEntity, type SearchState } from "@/lib/search/url";
import { kindLabel } from "@/lib/labels";
import type { Facets } from "@/lib/search/types";


/** Facets as links: each one toggles a filter in the URL and shows how many results it leads to. */
export function SearchFacets({ facets, state }: { facets: Facets; state: SearchState }) {
  return (
    <div className="space-y-6 text-sm">
      {facets.entities.length > 0 && (
        <section aria-labelledby="facette-acteurs">
          <h2 id="facette-acteurs" className="font-semibold">
            Acteurs
          </h2>
          <ul className="mt-2 space-y-1">
            {facets.entities.slice(0, 25).map((e) => {
              const active = state.entity.includes(e.slug);
              return (
                <li key={e.slug}>
                  <Link href={searchHref(toggleEntity(state, e.slug))} aria-current={active ? "true" : undefined}>
                    {active ? "☑" : "☐"} {e.name}
                  </Link>{" "}
                  <span className="text-stone-600 dark:text-stone-400">
                    ({e.count}, {kindLabel(e.kind)})
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section aria-labelledby="facette-sources">
        <h2 id="facette-sources" className="font-semibold">
          Publications
        </h2>
        <ul className="mt-2 space-y-1">
          {facets.sources.map((s) => {
            const active = state.source === s.name;
            return (
              <li key={s.name}>
                <Link href={searchHref({ ...state, source: active ? undefined : s.name })} aria-current={active ? "true" : undefined}>
                  {active ? "◉" : "○"} {s.name}
                </Link>{" "}
                <span className="text-stone-600 dark:text-stone-400">({s.count})</span>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="facette-annees">
        <h2 id="facette-annees" className="font-semibold">
          Années
        </h2>
        <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1">
          {facets.years.map((y) => {
            const active = state.from === String(y.year) && state.to === String(y.year);
            const next = active ? { ...state, from: undefined, to: undefined } : { ...state, from: String(y.year), to: String(y.year) };
            return (
              <li key={y.year}>
                <Link href={searchHref(next)} aria-current={active ? "true" : undefined}>
                  {y.year}
                </Link>{" "}
                <span className="text-stone-600 dark:text-stone-400">({y.count})</span>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
