import { inBoth, moduleTexts } from '../../notify/i18n.ts';
import type { ReportVisibility } from '../../policy/confidentiality.ts';
import { programmeWords } from './words.ts';

// The programmes' words in messages, French first; the roles as the programme's template names them.
const texts = moduleTexts('programmes', {
  fr: {
    confidentiality: {
      title: '« {{programme}} » : qui lit les comptes rendus change',
      body: '{{by}} a modifié une règle de confidentialité du programme « {{programme}} ». Un compte rendu de rencontre déposé à partir de maintenant sera lisible par : {{readers}}. Les comptes rendus déjà déposés restent lisibles uniquement par qui pouvait les lire quand ils ont été déposés.',
      readers: {
        writer: 'la personne qui l’écrit ({{tutor}})',
        tutee: 'la personne accompagnée ({{tutee}})',
        coordinator: 'la coordination du programme',
      },
    },
  },
  en: {
    confidentiality: {
      title: '“{{programme}}”: who reads meeting reports is changing',
      body: '{{by}} changed a confidentiality rule of the programme “{{programme}}”. A meeting report filed from now on can be read by: {{readers}}. Reports already filed stay readable only by those who could read them when they were filed.',
      readers: {
        writer: 'the {{tutor}} who writes it',
        tutee: 'the {{tutee}} accompanied',
        coordinator: 'the programme’s coordination',
      },
    },
  },
});

/**
 * The notice a programme's members receive when a rule of who sees what changes, in French and
 * English: what the rule now says, and that it applies only to what is recorded from now on.
 */
export function confidentialityNotice(n: {
  programme: string;
  template: string;
  by: string;
  reports: ReportVisibility;
}) {
  return inBoth(texts, (t, lang) => {
    const words = programmeWords(n.template, lang);
    const readers = [
      t('confidentiality.readers.writer', { tutor: words.tutor }),
      n.reports.tutee ? t('confidentiality.readers.tutee', { tutee: words.tutee }) : null,
      n.reports.coordinator ? t('confidentiality.readers.coordinator') : null,
    ].filter(Boolean);
    const values = { programme: n.programme, by: n.by, readers: readers.join(', ') };
    return { title: t('confidentiality.title', values), body: t('confidentiality.body', values) };
  });
}
