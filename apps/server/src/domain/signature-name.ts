// The one rule for a name typed to sign (a synthesis, an interview report, a charter): the same
// words as the person's name, in any order, whatever the case, accents, punctuation and titles —
// "dupont leo" signs for "Dr Léo Dupont", "francoise d'aubigne" for "Françoise d’Aubigné".

const titles = new Set([
  'dr',
  'docteur',
  'pr',
  'professeur',
  'doctor',
  'professor',
  'm',
  'mme',
  'mr',
  'mrs',
  'ms',
]);

/** A name's words, without accents, case, punctuation or titles, sorted. */
function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !titles.has(w))
    .sort();
}

/** Whether a typed name is the person's. */
export function sameName(typed: string, name: string): boolean {
  const a = nameWords(typed);
  return a.length > 0 && a.join(' ') === nameWords(name).join(' ');
}
