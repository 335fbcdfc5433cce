import type { TimelineEvent } from "@/lib/data/timeline";

// A visual scale of years with a mark per event, for sighted readers on wide screens. It repeats
// the list below it, so it is hidden from assistive technologies and never focusable.

export function TimelineTrack({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return null;
  const years = events.map((e) => Number(e.date.slice(0, 4)));
  const first = Math.min(...years);
  const last = Math.max(...years) + 1;
  const span = Math.max(1, last - first);
  const position = (event: TimelineEvent) => {
    const [y, m, d] = event.date.split("-").map(Number) as [number, number?, number?];
    const fraction = ((m ?? 6.5) - 1 + ((d ?? 15) - 1) / 31) / 12;
    return ((y - first + fraction) / span) * 100;
  };
  return (
    <div aria-hidden="true" className="no-print relative mb-10 hidden h-16 lg:block">
      <div className="absolute left-0 right-0 top-6 border-t-2 border-stone-400" />
      {Array.from({ length: span + 1 }, (_, i) => (
        <span key={i} className="absolute top-8 -translate-x-1/2 text-xs text-stone-700 dark:text-stone-300" style={{ left: `${(i / span) * 100}%` }}>
          {first + i}
        </span>
      ))}
      {events.map((event) => (
        <span
          key={event.slug}
          title={event.title}
          className={`absolute top-[1.1rem] h-3 w-3 -translate-x-1/2 rounded-full border-2 border-stone-700 dark:border-stone-200 ${
            event.approximate ? "bg-paper dark:bg-stone-950" : "bg-accent"
          }`}
          style={{ left: `${position(event)}%` }}
        />
      ))}
    </div>
  );
}
