import type { CslItem } from "./csl";

// BibTeX, written by hand for both BibTeX and biblatex: citation-js writes `month = {sep 25}`,
// which neither accepts. Every entry has `year`, `month` as a macro (`sep`) and `day` for BibTeX,
// and `date` for biblatex (ISO 8601, with `~` when approximate, biblatex's "circa"). The key is the
// slug. `url` is always the original; the archive's page is in `library` (archive and location).
// Text is UTF-8 with BibTeX's special characters escaped.

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "&": "\\&",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "^": "\\^{}",
  "~": "\\~{}",
};

export const bibtexEscape = (text: string) => text.replace(/[\\{}%&$#_^~]/g, (c) => SPECIAL[c]!).replace(/\s+/g, " ").trim();

/** URLs are verbatim in biblatex: only braces and a backslash could break the field. */
const urlField = (url: string) => url.replace(/[{}\\]/g, (c) => encodeURIComponent(c));

export function bibtexDate(issued: CslItem["issued"]): string {
  const [y, m, d] = issued["date-parts"][0] ?? [];
  const iso = [String(y), m ? String(m).padStart(2, "0") : "", d ? String(d).padStart(2, "0") : ""].filter(Boolean).join("-");
  return issued.circa ? `${iso}~` : iso;
}

export function bibtexEntry(item: CslItem): string {
  const [y, m, d] = item.issued["date-parts"][0] ?? [];
  const [ay, am, ad] = item.accessed?.["date-parts"][0] ?? [];
  const fields: [string, string | undefined][] = [
    ["title", bibtexEscape(item.title)],
    ["journaltitle", bibtexEscape(item["container-title"])],
    ["journal", bibtexEscape(item["container-title"])],
    ["entrysubtype", "newspaper"],
    ["date", bibtexDate(item.issued)],
    ["year", y === undefined ? undefined : String(y)],
    ["day", d === undefined ? undefined : String(d)],
    ["author", item.author?.map((a) => `{${bibtexEscape(a.literal)}}`).join(" and ")],
    ["url", item.URL ? urlField(item.URL) : undefined],
    ["urldate", ay === undefined ? undefined : [ay, am, ad].map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, "0"))).join("-")],
    ["library", bibtexEscape(`${item.archive}, ${item.archive_location}`)],
    ["language", item.language],
    ["type", item.genre ? bibtexEscape(item.genre) : undefined],
    ["keywords", item.keyword ? bibtexEscape(item.keyword) : undefined],
    ["abstract", item.abstract ? bibtexEscape(item.abstract) : undefined],
    ["note", item.note ? bibtexEscape(item.note) : undefined],
  ];
  const lines = fields.filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => `  ${k} = {${v}},`);
  // `month` is a macro, never braced: `month = sep`.
  if (m) lines.splice(6, 0, `  month = ${MONTHS[m - 1]},`);
  return `@article{${item.id},\n${lines.join("\n")}\n}\n`;
}
