import type { ReportVisibility } from '../../policy/confidentiality.ts';
import { programmeWords } from './words.ts';

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
  const fr = programmeWords(n.template, 'fr');
  const en = programmeWords(n.template, 'en');
  const frReaders = [
    `la personne qui l’écrit (${fr.tutor})`,
    n.reports.tutee ? `la personne accompagnée (${fr.tutee})` : null,
    n.reports.coordinator ? 'la coordination du programme' : null,
  ].filter(Boolean);
  const enReaders = [
    `the ${en.tutor} who writes it`,
    n.reports.tutee ? `the ${en.tutee} accompanied` : null,
    n.reports.coordinator ? 'the programme’s coordination' : null,
  ].filter(Boolean);
  return {
    fr: {
      title: `« ${n.programme} » : qui lit les comptes rendus change`,
      body: `${n.by} a modifié une règle de confidentialité du programme « ${n.programme} ». Un compte rendu de rencontre déposé à partir de maintenant sera lisible par : ${frReaders.join(', ')}. Les comptes rendus déjà déposés restent lisibles uniquement par qui pouvait les lire quand ils ont été déposés.`,
    },
    en: {
      title: `“${n.programme}”: who reads meeting reports is changing`,
      body: `${n.by} changed a confidentiality rule of the programme “${n.programme}”. A meeting report filed from now on can be read by: ${enReaders.join(', ')}. Reports already filed stay readable only by those who could read them when they were filed.`,
    },
  };
}
