// French order for every sorted list of names: "État français" between "Dassault" and "Gandi",
// not after "VMware" as code units put it; case and accents only break ties.
const collator = new Intl.Collator("fr", { sensitivity: "variant", numeric: true });

export const compareFrench = (a: string, b: string): number => collator.compare(a, b);
