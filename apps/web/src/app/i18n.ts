import { addElisionFormats } from '@compagnon/server/domain/elision.ts';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = 'compagnon.lang';

export const isLanguage = (v: unknown): v is Language => v === 'fr' || v === 'en';

/** The first of the browser's languages that the interface speaks ("en-GB" counts as English). */
export function browserLanguage(preferred: readonly string[] = navigatorLanguages()): Language | null {
  for (const tag of preferred) {
    const lang = tag.toLowerCase().split('-')[0];
    if (isLanguage(lang)) return lang;
  }
  return null;
}

function navigatorLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

function storedLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    // Private browsing may refuse storage: the browser's languages are followed instead.
    return null;
  }
}

/** A choice the person made wins; until then the browser's languages; French when neither helps. */
const initialLanguage = (): Language => storedLanguage() ?? browserLanguage() ?? 'fr';

/**
 * Switches the interface to a language the person chose (the language switch, or the one saved on
 * their account), and remembers it on this device. Following the browser is never stored, so a
 * browser whose language changes is followed until someone chooses.
 */
export async function chooseLanguage(lang: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore: the choice then lasts until the page is reloaded
  }
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
}

/** Keeps <html lang> in step with the language. */
function follow(lng: string) {
  document.documentElement.lang = isLanguage(lng) ? lng : 'fr';
}

i18n.on('languageChanged', follow);

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'fr',
  supportedLngs: languages,
  interpolation: { escapeValue: false },
  returnNull: false,
});
follow(i18n.language);

// "{{name, de}}" in French texts: "de Zoé", "d’Arthur" (same for que, le, la).
addElisionFormats(i18n);

export default i18n;
