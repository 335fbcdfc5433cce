import Link from "@/components/link";
import { kindLabel } from "@/lib/labels";
import type { EntityRef } from "@/lib/search/types";

/** The entities of an article or event, as links to their pages (kind in words, not colour). */
export function EntityChips({ entities, label }: { entities: EntityRef[]; label: string }) {
  if (entities.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {entities.map((e) => (
        <li key={e.slug}>
          <Link
            href={`/entities/${e.slug}`}
            className="inline-block rounded-full border border-stone-400 px-2.5 py-0.5 text-sm no-underline hover:border-accent dark:border-stone-600"
          >
            {e.name}
            <span className="sr-only"> ({kindLabel(e.kind)})</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
