import { env } from "./env";

// The rights statement shown and exported for every record. An article may carry its own
// (`rights:`); otherwise the site's default applies, which differs for records without full text:
// those reproduce nothing, their body is our own summary.

export const DEFAULT_RIGHTS_FULLTEXT =
  "Texte reproduit à des fins d’archive et de recherche ; il reste la propriété de {source}. Toute autre réutilisation demande l’accord de l’éditeur.";
export const DEFAULT_RIGHTS_RECORD =
  "Notice bibliographique rédigée par l’archive Andromède ; le texte original n’est pas reproduit et reste la propriété de {source}.";

export function rightsStatement(rights: string | null, source: string, fulltext: boolean): string {
  const template = rights ?? (fulltext ? (env.DEFAULT_RIGHTS ?? DEFAULT_RIGHTS_FULLTEXT) : DEFAULT_RIGHTS_RECORD);
  return template.replaceAll("{source}", source);
}
