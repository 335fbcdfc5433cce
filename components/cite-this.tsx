import type { ArticleCitations } from "@/lib/export/cite";
import { CopyButton } from "./copy-button";

export function CiteThis({ citations }: { citations: ArticleCitations }) {
  return (
    <section aria-labelledby="citer" className="no-print mt-10">
      <h2 id="citer" className="text-xl font-semibold">
        Citer cet article
      </h2>
      <p className="mt-2 rounded bg-stone-100 p-3 text-sm dark:bg-stone-900" data-testid="reference">
        {citations.reference}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <CopyButton text={citations.reference} label="Copier la référence" />
        <CopyButton text={citations.bibtex} label="Copier en BibTeX" />
        <CopyButton text={citations.ris} label="Copier en RIS" />
      </div>
      {/* A <pre> may not be named (Nu checker): each notice is a named figure around its <pre>. */}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer">Voir les notices BibTeX et RIS</summary>
        <figure aria-label="Notice BibTeX" className="mt-2">
          <pre className="overflow-x-auto rounded bg-stone-100 p-3 dark:bg-stone-900">{citations.bibtex}</pre>
        </figure>
        <figure aria-label="Notice RIS" className="mt-2">
          <pre className="overflow-x-auto rounded bg-stone-100 p-3 dark:bg-stone-900">{citations.ris}</pre>
        </figure>
      </details>
    </section>
  );
}
