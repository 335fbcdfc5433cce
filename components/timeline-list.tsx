import Link from "@/components/link";
import type { TimelineEvent } from "@/lib/data/timeline";
import { EntityChips } from "./entity-chips";
import { FrenchDate } from "./french-date";

/** Events as an ordered list, one section per era, each event with its date, entities and sources. */
export function TimelineList({ events, headingLevel = 2 }: { events: TimelineEvent[]; headingLevel?: 2 | 3 }) {
  const eras: { era: string; events: TimelineEvent[] }[] = [];
  for (const event of events) {
    const era = event.era ?? "Autres événements";
    const last = eras.at(-1);
    if (last?.era === era) last.events.push(event);
    else eras.push({ era, events: [event] });
  }
  const EraHeading = headingLevel === 2 ? "h2" : "h3";
  const EventHeading = headingLevel === 2 ? "h3" : "h4";
  return (
    <div className="space-y-10">
      {eras.map(({ era, events: list }, i) => (
        <section key={`${era}-${i}`} aria-labelledby={`era-${i}`}>
          <EraHeading id={`era-${i}`} className={headingLevel === 2 ? "text-2xl font-semibold" : "text-lg font-semibold"}>
            {era}
          </EraHeading>
          <ol className="mt-4 space-y-6 border-l-2 border-stone-300 pl-6 dark:border-stone-700">
            {list.map((event) => (
              <li key={event.slug} id={event.slug} className="relative">
                <span aria-hidden="true" className="absolute -left-[1.95rem] top-1.5 h-3 w-3 rounded-full border-2 border-stone-500 bg-paper dark:bg-stone-950" />
                <article>
                  <p className="text-sm font-semibold text-stone-700 dark:text-stone-300">
                    <FrenchDate value={event.date} approximate={event.approximate} />
                  </p>
                  <EventHeading className="mt-1 text-lg font-semibold">{event.title}</EventHeading>
                  <div className="prose mt-1 text-base" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />
                  <div className="mt-2">
                    <EntityChips entities={event.entities} label={`Acteurs : ${event.title}`} />
                  </div>
                  {event.sources.length > 0 && (
                    <p className="mt-2 text-sm">
                      Source{event.sources.length > 1 ? "s" : ""} :{" "}
                      {event.sources.map((s, j) => (
                        <span key={s.slug}>
                          {j > 0 && " ; "}
                          <Link href={`/articles/${s.slug}`}>{s.title}</Link>
                        </span>
                      ))}
                    </p>
                  )}
                </article>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
