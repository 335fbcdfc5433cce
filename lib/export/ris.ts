import type { CslItem } from "./csl";

// RIS, written by hand: citation-js wraps lines at 70 characters (which breaks URLs and words on
// import), cuts IDs to 20 characters and writes only the year. One tag per line, never wrapped:
// the full date in PY, Y1 and DA (YYYY/MM/DD/, parts left empty when unknown, "circa" in the
// free-text part when the date is approximate), one KW per keyword, the original address in UR
// and the archive's page in AV (location in archives).

const MONTH_DAY = (n: number | undefined) => (n ? String(n).padStart(2, "0") : "");

export function risDate(issued: CslItem["issued"]): string {
  const [y, m, d] = issued["date-parts"][0] ?? [];
  return `${y ?? ""}/${MONTH_DAY(m)}/${MONTH_DAY(d)}/${issued.circa ? "circa" : ""}`;
}

function line(tag: string, value: string | undefined): string[] {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? [`${tag}  - ${text}`] : [];
}

export function risRecord(item: CslItem): string {
  const date = risDate(item.issued);
  const [y, m, d] = item.accessed?.["date-parts"][0] ?? [];
  return [
    "TY  - NEWS",
    ...line("ID", item.id),
    ...line("TI", item.title),
    ...line("T2", item["container-title"]),
    ...line("PB", item.publisher),
    ...line("PY", date),
    ...line("Y1", date),
    ...line("DA", date),
    ...(item.author ?? []).flatMap((a) => line("AU", a.literal)),
    ...line("AB", item.abstract),
    ...(item.keyword ? item.keyword.split(", ").flatMap((k) => line("KW", k)) : []),
    ...line("LA", item.language),
    ...line("M3", item.genre),
    ...line("UR", item.URL),
    ...line("AV", `${item.archive}, ${item.archive_location}`),
    ...line("DP", item.source),
    ...(y ? line("Y2", `${y}/${MONTH_DAY(m)}/${MONTH_DAY(d)}/`) : []),
    ...line("N1", item.note),
    "ER  - ",
  ].join("\r\n");
}
