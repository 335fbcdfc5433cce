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

const FRENCH_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
const ENGLISH_ORDER_DATE = new RegExp(`\\((\\d{4}), (${FRENCH_MONTHS}) (\\d{1,2})\\)`, "u");

/**
 * citation-js's APA template puts the day after the month even in French ("(2014, septembre 25)");
 * French usage is "(2014, 25 septembre)", with "1er" for the first day of a month.
 */
export function frenchDateOrder(reference: string): string {
  return reference.replace(ENGLISH_ORDER_DATE, (_, year: string, month: string, day: string) => `(${year}, ${day === "1" ? "1er" : day} ${month})`);
}

export function citationsFor(article: ExportArticle, siteUrl: string): ArticleCitations {
  const reference = frenchDateOrder(
    new Cite([toCsl(article, siteUrl)]).format("bibliography", { format: "text", template: "apa", lang: "fr-FR" }).trim(),
  );
  return {
    reference,
    bibtex: formatter("bibtex", siteUrl).batch([article], true).trim(),
    ris: formatter("ris", siteUrl).batch([article], true).trim(),
  };
}
