import { moduleTexts } from '../../notify/i18n.ts';

// The tutored interview's notices, French first: the report is read in Compagnon, never in a notice.

const resources = {
  fr: {
    filed: {
      title: 'Le compte rendu de votre entretien tuteuré est déposé',
      body: '{{tutor}} a déposé le compte rendu de « {{title}} ». Lisez-le, écrivez votre regard sur l’année, puis signez-le.',
    },
    signed: {
      title: '{{name}} a signé le compte rendu de « {{title}} »',
      body: 'Relisez-le et signez-le à votre tour : ses niveaux iront alors sur la carte des compétences.',
    },
  },
  en: {
    filed: {
      title: 'The report of your tutored interview is filed',
      body: '{{tutor}} filed the report of “{{title}}”. Read it, write your view of the year, then sign it.',
    },
    signed: {
      title: '{{name}} signed the report of “{{title}}”',
      body: 'Read it and sign it in turn: its levels will then go on the competency map.',
    },
  },
};

const t = moduleTexts('interview', resources);

/** A notice in both languages, for notify(). */
export function interviewNotice(key: 'filed' | 'signed', values: Record<string, string>) {
  const content = (lang: 'fr' | 'en') => ({
    title: t(lang)(`${key}.title`, values),
    body: t(lang)(`${key}.body`, values),
  });
  return { fr: content('fr'), en: content('en') };
}
