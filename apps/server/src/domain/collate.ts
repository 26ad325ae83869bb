/**
 * People's names in the order a French reader expects: accented letters sort with their letter
 * (Émilie between Elsa and Eric, Ève before Fanny), case and accents only break ties, and numbers
 * inside names count as numbers. One collator for the whole app, server and web.
 */
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const tieBreak = new Intl.Collator('fr', { numeric: true });

export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || tieBreak.compare(a, b);
}

/** A sorted copy of `items`, by the name `nameOf` gives each one. */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareNames(nameOf(a), nameOf(b)));
}
