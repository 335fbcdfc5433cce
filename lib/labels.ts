// French labels of the entity kinds, singular and plural (section titles of /entities).
export const KIND_LABELS: Record<string, { one: string; many: string }> = {
  company: { one: "entreprise", many: "Entreprises" },
  institution: { one: "institution", many: "Institutions" },
  person: { one: "personne", many: "Personnes" },
  project: { one: "projet", many: "Projets et programmes" },
  product: { one: "produit", many: "Produits et technologies" },
  other: { one: "autre", many: "Autres" },
};

export const KIND_ORDER = ["company", "institution", "person", "project", "product", "other"];

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind]?.one ?? kind;
}

// French labels of the article genres (docs/content.md).
export const GENRE_LABELS: Record<string, string> = {
  news: "actualité",
  interview: "entretien",
  opinion: "tribune, opinion",
  analysis: "analyse",
  "press-release": "communiqué",
  other: "autre",
};
