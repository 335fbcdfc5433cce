import type { Metadata } from "next";
import Link from "@/components/link";

export const metadata: Metadata = { title: "Page introuvable", robots: { index: false } };

export default function NotFound() {
  return (
    <div className="max-w-prose">
      <h1 className="text-3xl font-bold">Page introuvable</h1>
      <p className="mt-4">
        Cette adresse ne correspond à aucune page de l’archive. L’article a peut-être été retiré, ou l’adresse contient une
        faute de frappe.
      </p>
      <ul className="mt-4 list-disc pl-6">
        <li>
          <Link href="/">Revenir à l’accueil</Link>
        </li>
        <li>
          <Link href="/articles">Parcourir tous les articles</Link>
        </li>
      </ul>
    </div>
  );
}
