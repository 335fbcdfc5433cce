import Link from "@/components/link";
import { SearchBox } from "./search-box";

const NAV = [
  { href: "/articles", label: "Articles" },
  { href: "/timeline", label: "Chronologie" },
  { href: "/entities", label: "Acteurs" },
  { href: "/search", label: "Recherche avancée" },
] as const;

export function SiteHeader() {
  return (
    <header className="no-print border-b border-stone-200 dark:border-stone-800">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link href="/" className="text-xl font-bold tracking-tight text-ink no-underline dark:text-stone-100">
          Andromède
          <span className="ml-2 hidden text-sm font-normal text-stone-600 sm:inline dark:text-stone-400">
            archive du cloud souverain
          </span>
        </Link>
        <SearchBox />
        <nav aria-label="Navigation principale">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
