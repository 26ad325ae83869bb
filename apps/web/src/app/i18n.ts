import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = 'compagnon.lang';

export const isLanguage = (v: unknown): v is Language => v === 'fr' || v === 'en';

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Private browsing may refuse storage: French is the default anyway.
  }
  return 'fr';
}

/** Keeps <html lang> and the stored choice in step with the language. */
function follow(lng: string) {
  const lang: Language = isLanguage(lng) ? lng : 'fr';
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore
  }
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

export default i18n;
