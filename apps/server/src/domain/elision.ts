/**
 * French elision before a name or a word: "de Arthur" → "d’Arthur", "de internes" → "d’internes",
 * "que Émilie" → "qu’Émilie", "le interne" → "l’interne". Elides before a vowel or a mute h; not
 * before a y that sounds as a consonant (Yann, Yoann). A few common words with an aspirated h keep
 * the full form ("de Hollande").
 */
const ASPIRATED_H = /^h(?:aut|ollande|ongrie|andicap|asard|ameau|éros|ibou|uit|ache|alle|aine|ockey)/i;
const VOWEL = /^[aeiouàâäéèêëîïôöùûüæœ]/i;

export function startsWithVowelSound(word: string): boolean {
  const w = word.trimStart();
  if (VOWEL.test(w)) return true;
  if (/^y[^aeiouàâäéèêëîïôöùûü]/i.test(w)) return true;
  return /^h/i.test(w) && !ASPIRATED_H.test(w);
}

const ELIDED = { de: 'd’', que: 'qu’', le: 'l’', la: 'l’' } as const;

/** `word` then `next`, elided when French asks for it: elide('de', 'Arthur') = "d’Arthur". */
export function elide(word: keyof typeof ELIDED, next: string): string {
  if (startsWithVowelSound(next)) return `${ELIDED[word]}${next.trimStart()}`;
  return `${word} ${next}`;
}

/** Adds the formats "{{name, de}}", "{{word, que}}", "{{word, le}}", "{{word, la}}" to an i18next instance. */
export function addElisionFormats(i18n: {
  services: { formatter?: { add(name: string, fn: (value: unknown) => string): void } };
}): void {
  for (const word of Object.keys(ELIDED) as (keyof typeof ELIDED)[]) {
    i18n.services.formatter?.add(word, (value) => elide(word, String(value)));
  }
}
