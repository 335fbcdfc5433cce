// Partial dates: the archive's dates have a precision (year, month or day), written `YYYY`,
// `YYYY-MM` or `YYYY-MM-DD`. The written form *is* the precision, so we never invent a day.

export type DatePrecision = "year" | "month" | "day";

export interface PartialDate {
  /** As written: `2014`, `2014-09` or `2014-09-25`. */
  value: string;
  precision: DatePrecision;
  /** First day the date covers (`2014-09-01` for `2014-09`). Used to sort and to match ranges. */
  start: string;
  /** Last day the date covers (`2014-09-30` for `2014-09`). */
  end: string;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const MONTHS_FR = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
] as const;

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (UTC, so no DST surprises).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns an error message for anything else. */
export function parsePartialDate(input: string): PartialDate | { error: string } {
  const match = PATTERN.exec(input.trim());
  if (!match) return { error: `"${input}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD` };
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (year < 1000) return { error: `year ${match[1]} is out of range` };
  if (month === undefined) {
    return { value: `${match[1]}`, precision: "year", start: `${match[1]}-01-01`, end: `${match[1]}-12-31` };
  }
  if (month < 1 || month > 12) return { error: `month ${match[2]} does not exist (01 to 12)` };
  const last = daysInMonth(year, month);
  const ym = `${match[1]}-${pad(month)}`;
  if (day === undefined) {
    return { value: ym, precision: "month", start: `${ym}-01`, end: `${ym}-${pad(last)}` };
  }
  if (day < 1 || day > last) return { error: `day ${match[3]} does not exist in ${ym} (01 to ${pad(last)})` };
  const ymd = `${ym}-${pad(day)}`;
  return { value: ymd, precision: "day", start: ymd, end: ymd };
}

export function isPartialDate(value: PartialDate | { error: string }): value is PartialDate {
  return !("error" in value);
}

/**
 * French display of a partial date with its honest precision:
 * "25 septembre 2014", "1er mars 2015", "septembre 2015", "2011";
 * approximate dates read "vers 2016", "septembre 2015 (environ)", "25 septembre 2014 (environ)".
 */
export function formatFrenchDate(value: string, approximate = false): string {
  const parsed = parsePartialDate(value);
  if (!isPartialDate(parsed)) return value;
  const [y, m, d] = parsed.value.split("-").map(Number) as [number, number?, number?];
  if (parsed.precision === "year") return approximate ? `vers ${y}` : `${y}`;
  const month = MONTHS_FR[(m ?? 1) - 1];
  const text = parsed.precision === "month" ? `${month} ${y}` : `${d === 1 ? "1er" : d} ${month} ${y}`;
  return approximate ? `${text} (environ)` : text;
}

