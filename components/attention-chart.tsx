import { formatFrenchDate } from "@/lib/dates";

// "Attention over time": articles per month, as server-rendered SVG (no JavaScript), described in
// words for screen readers and followed by its data table.

const WIDTH = 720;
const HEIGHT = 160;
const PAD = { top: 10, right: 10, bottom: 24, left: 28 };

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split("-").map(Number) as [number, number];
  const [ly, lm] = last.split("-").map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    months.push(`${y}-${String(m).padStart(2, "0")}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

export function AttentionChart({
  name,
  attention,
  yearOnly,
}: {
  name: string;
  attention: { month: string; count: number }[];
  yearOnly: { year: number; count: number }[];
}) {
  if (attention.length === 0 && yearOnly.length === 0) return <p>Aucun article daté ne mentionne encore cet acteur.</p>;
  const counts = new Map(attention.map((a) => [a.month, a.count]));
  const months = attention.length > 0 ? monthsBetween(`${attention[0]!.month.slice(0, 4)}-01`, `${attention.at(-1)!.month.slice(0, 4)}-12`) : [];
  const max = Math.max(1, ...attention.map((a) => a.count));
  const peak = attention.reduce((best, a) => (a.count > best.count ? a : best), attention[0] ?? { month: "", count: 0 });
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const barW = months.length > 0 ? innerW / months.length : 0;
  const total = attention.reduce((n, a) => n + a.count, 0);
  const summary =
    attention.length > 0
      ? `${total} article${total > 1 ? "s datés" : " daté"} au mois ${total > 1 ? "mentionnent" : "mentionne"} ${name}, de ${formatFrenchDate(attention[0]!.month)} à ${formatFrenchDate(attention.at(-1)!.month)} ; le plus grand nombre en ${formatFrenchDate(peak.month)} (${peak.count}).`
      : "";
  // The data table's <details> follows the figure: HTML allows nothing after a figure's caption.
  return (
    <div>
      <figure>
        {months.length > 0 && (
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="attention-titre attention-desc" className="h-auto w-full max-w-3xl text-accent dark:text-accent-dark">
            <title id="attention-titre">{`Articles par mois mentionnant ${name}`}</title>
            <desc id="attention-desc">{summary}</desc>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} stroke="currentColor" strokeOpacity="0.4" />
            <text x={PAD.left - 6} y={PAD.top + 8} textAnchor="end" fontSize="11" fill="currentColor">
              {max}
            </text>
            {months.map((month, i) => {
              const count = counts.get(month) ?? 0;
              const h = (count / max) * innerH;
              return (
                <g key={month}>
                  {count > 0 && (
                    <rect x={PAD.left + i * barW + 0.5} y={HEIGHT - PAD.bottom - h} width={Math.max(1, barW - 1)} height={h} fill="currentColor">
                      <title>{`${formatFrenchDate(month)} : ${count}`}</title>
                    </rect>
                  )}
                  {month.endsWith("-01") && (
                    <text x={PAD.left + i * barW} y={HEIGHT - 6} fontSize="11" fill="currentColor" className="text-stone-700 dark:text-stone-300">
                      {month.slice(0, 4)}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        )}
        <figcaption className="mt-2 text-sm text-stone-700 dark:text-stone-300">
          {summary}
          {yearOnly.length > 0 && (
            <> Dates connues seulement à l’année : {yearOnly.map((y) => `${y.year} (${y.count})`).join(", ")}.</>
          )}
        </figcaption>
      </figure>
      {attention.length > 0 && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer">Données du graphique</summary>
          <table className="mt-2">
            <caption className="sr-only">Articles par mois mentionnant {name}</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-4 text-left">Mois</th>
                <th scope="col" className="text-right">Articles</th>
              </tr>
            </thead>
            <tbody>
              {attention.map((a) => (
                <tr key={a.month}>
                  <td className="pr-4">{formatFrenchDate(a.month)}</td>
                  <td className="text-right">{a.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
