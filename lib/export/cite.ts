import { Cite } from "@citation-js/core";
import "@citation-js/plugin-csl";
import type { ExportArticle } from "../search/types";
import { toCsl } from "./csl";
import { formatter } from "./formats";

// "Cite this article": a formatted reference (APA style, French locale) and the BibTeX and RIS
// records, produced by the same code as the exports so that both always agree.

export interface ArticleCitations {
  reference: string;
  bibtex: string;
  ris: string;
}

export function citationsFor(article: ExportArticle, siteUrl: string): ArticleCitations {
  const reference = new Cite([toCsl(article, siteUrl)])
    .format("bibliography", { format: "text", template: "apa", lang: "fr-FR" })
    .trim();
  return {
    reference,
    bibtex: formatter("bibtex", siteUrl).batch([article], true).trim(),
    ris: formatter("ris", siteUrl).batch([article], true).trim(),
  };
}
