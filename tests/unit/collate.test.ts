import { describe, expect, it } from "vitest";
import { compareFrench } from "@/lib/collate";

describe("compareFrench", () => {
  it("sorts names the French way: accents and case do not push a name to the end", () => {
    const names = ["VMware", "État français", "Orange", "Caisse des Dépôts", "ecritel", "Bull", "Écho"];
    expect([...names].sort(compareFrench)).toEqual(["Bull", "Caisse des Dépôts", "Écho", "ecritel", "État français", "Orange", "VMware"]);
  });

  it("orders numbers by value", () => {
    expect(["Article 10", "Article 9"].sort(compareFrench)).toEqual(["Article 9", "Article 10"]);
  });
});
