import { dayWords } from '../../domain/days.ts';
import { type Lang, moduleTexts } from '../../notify/i18n.ts';

// The notices of leave and replacement, French first. A notice names the tutee to the backup and
// the backup to the tutee; the reason of an absence is never in any of them (the coordination
// reads it on its page only).

const resources = {
  fr: {
    asked: {
      title: '{{tutor}} vous demande de prendre le relais auprès {{tutee, de}}',
      body: '{{tutor}} sera absent·e du {{from}} au {{to}}. Pouvez-vous être le contact {{tutee, de}} pendant cette période (alertes de suivi, rencontres) ? Acceptez ou déclinez dans Compagnon, page « Absences ».',
    },
    accepted: {
      title: '{{backup}} vous remplace auprès {{tutee, de}}',
      body: 'Pendant votre absence du {{from}} au {{to}}, {{backup}} sera le contact {{tutee, de}}.',
    },
    uncovered: {
      title: '{{tutee}} sans remplaçant·e pendant l’absence {{tutor, de}}',
      body: '{{tutor}} sera absent·e du {{from}} au {{to}} et personne de son équipe n’a pu remplacer auprès {{tutee, de}}. Nommez un·e remplaçant·e parmi les tuteur·rices du programme, page « Absences ».',
    },
    noTeam: {
      title: '{{tutor}} sera absent·e et n’est dans aucune équipe',
      body: '{{tutor}} sera absent·e du {{from}} au {{to}} et n’est dans aucune équipe de tuteur·rices : nommez un·e remplaçant·e pour ses {{count}} tutoré·es, page « Absences ».',
    },
    started: {
      title: 'Pendant l’absence {{tutor, de}}, contactez {{backup}}',
      body: 'Jusqu’au {{to}}, {{tutor}} est absent·e. Pour toute question, contactez {{backup}} ({{contact}}).',
    },
    back: {
      title: '{{tutor}} est de retour',
      body: 'L’absence {{tutor, de}} est terminée : {{tutor}} est de nouveau le contact {{tutee, de}}.',
    },
    changed: {
      title: 'L’absence {{tutor, de}} a changé',
      body: '{{tutor}} sera absent·e du {{from}} au {{to}} (vous remplacez auprès {{tutee, de}}).',
    },
    cancelled: {
      title: 'L’absence {{tutor, de}} est annulée',
      body: '{{tutor}} ne sera finalement pas absent·e : vous n’avez plus à remplacer auprès {{tutee, de}}.',
    },
  },
  en: {
    asked: {
      title: '{{tutor}} asks you to stand in for them with {{tutee}}',
      body: '{{tutor}} will be away from {{from}} to {{to}}. Can you be {{tutee}}’s contact over that time (follow-up alerts, meetings)? Accept or decline in Compagnon, page “Absences”.',
    },
    accepted: {
      title: '{{backup}} stands in for you with {{tutee}}',
      body: 'During your absence from {{from}} to {{to}}, {{backup}} is {{tutee}}’s contact.',
    },
    uncovered: {
      title: '{{tutee}} has no backup during {{tutor}}’s absence',
      body: '{{tutor}} will be away from {{from}} to {{to}} and nobody in their team could stand in with {{tutee}}. Name a backup among the programme’s tutors, page “Absences”.',
    },
    noTeam: {
      title: '{{tutor}} will be away and is in no team',
      body: '{{tutor}} will be away from {{from}} to {{to}} and is in no team of tutors: name a backup for their {{count}} tutees, page “Absences”.',
    },
    started: {
      title: 'While {{tutor}} is away, contact {{backup}}',
      body: 'Until {{to}}, {{tutor}} is away. For any question, contact {{backup}} ({{contact}}).',
    },
    back: {
      title: '{{tutor}} is back',
      body: '{{tutor}}’s absence is over: {{tutor}} is {{tutee}}’s contact again.',
    },
    changed: {
      title: '{{tutor}}’s absence changed',
      body: '{{tutor}} will be away from {{from}} to {{to}} (you stand in with {{tutee}}).',
    },
    cancelled: {
      title: '{{tutor}}’s absence is cancelled',
      body: '{{tutor}} will not be away after all: you no longer stand in with {{tutee}}.',
    },
  },
};

export const absenceTexts = moduleTexts('absences', resources);

export type AbsenceNoticeKey = keyof (typeof resources)['fr'];

/** A notice of this module in both languages; `from` and `to` given as YYYY-MM-DD are put in words. */
export function absenceNotice(key: AbsenceNoticeKey, values: Record<string, string | number>) {
  const render = (lang: Lang) => {
    const v: Record<string, string | number> = { ...values };
    for (const k of ['from', 'to'] as const)
      if (typeof values[k] === 'string') v[k] = dayWords(values[k], lang);
    const t = absenceTexts(lang);
    return { title: t(`${key}.title`, v), body: t(`${key}.body`, v) };
  };
  return { fr: render('fr'), en: render('en') };
}
