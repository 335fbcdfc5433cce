import Link from "@/components/link";

/** Previous/next page links that keep every other parameter of the URL. */
export function Pagination({
  page,
  pageSize,
  total,
  basePath,
  params,
}: {
  page: number;
  pageSize: number;
  total: number;
  basePath: string;
  params: URLSearchParams;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (target: number) => {
    const next = new URLSearchParams(params);
    if (target === 1) next.delete("page");
    else next.set("page", String(target));
    const query = next.toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  return (
    <nav aria-label="Pagination" className="no-print mt-8 flex items-center justify-between gap-4">
      {page > 1 ? <Link href={href(page - 1)} rel="prev">← Page précédente</Link> : <span />}
      <span className="text-sm text-stone-600 dark:text-stone-400" aria-current="page">
        Page {page} sur {pages}
      </span>
      {page < pages ? <Link href={href(page + 1)} rel="next">Page suivante →</Link> : <span />}
    </nav>
  );
}
