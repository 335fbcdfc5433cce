import { formatFrenchDate } from "@/lib/dates";

/** A partial date in French, with its honest precision, in a machine-readable <time>. */
export function FrenchDate({ value, approximate = false }: { value: string; approximate?: boolean }) {
  return (
    <time dateTime={value} title={approximate ? "Date déduite du texte, approximative" : undefined}>
      {formatFrenchDate(value, approximate)}
    </time>
  );
}
