import { dayOfInstant } from '../../domain/days.ts';
import { bothNotice, moduleTexts } from '../../notify/i18n.ts';

// The words of coaching of new tutors, French first: the in-app notices (and the e-mails or SMS each
// person chose for them) when a coaching starts, when one of the two or the coordination ends it
// early, and when its year is over.

export const coachingTexts = moduleTexts('coaching', {
  fr: {
    notice: {
      startedNew: {
        title: 'Votre tuteur·rice référent·e : {{coach}}',
        body: '{{coach}}, tuteur·rice expérimenté·e du programme « {{programme}} », vous accompagne dans votre première année de tutorat, jusqu’au {{until}}. Ses coordonnées sont dans l’onglet Formations du programme : n’hésitez pas à l’appeler ou à lui proposer une rencontre.',
      },
      startedCoach: {
        title: 'Vous accompagnez {{newTutor}}, nouveau·elle tuteur·rice',
        body: 'La coordination du programme « {{programme}} » vous confie l’accompagnement de {{newTutor}} dans sa première année de tutorat, jusqu’au {{until}}. Ses coordonnées sont dans l’onglet Formations du programme ; une première prise de contact dans les prochains jours l’aidera à démarrer.',
      },
      ended: {
        title: 'Fin de l’accompagnement avec {{other}}',
        body: '{{by}} a mis fin à l’accompagnement de première année entre {{coach}} et {{newTutor}} (programme « {{programme}} »).{{note}}',
      },
      completed: {
        title: 'Un an d’accompagnement : c’est terminé',
        body: 'L’accompagnement de première année entre {{coach}} et {{newTutor}} (programme « {{programme}} ») arrive à son terme. Vous pouvez bien sûr rester en contact, et vous retrouver dans l’équipe et aux soirées d’échanges.',
      },
      noteLine: ' Son message : « {{note}} »',
    },
  },
  en: {
    notice: {
      startedNew: {
        title: 'Your coach: {{coach}}',
        body: '{{coach}}, an experienced tutor of the programme “{{programme}}”, supports you in your first year of tutoring, until {{until}}. Their contact details are in the programme’s Training tab: feel free to call them or to propose a meeting.',
      },
      startedCoach: {
        title: 'You coach {{newTutor}}, a new tutor',
        body: 'The coordination of the programme “{{programme}}” asks you to support {{newTutor}} in their first year of tutoring, until {{until}}. Their contact details are in the programme’s Training tab; reaching out in the next few days will help them start.',
      },
      ended: {
        title: 'Coaching with {{other}} ended',
        body: '{{by}} ended the first-year coaching between {{coach}} and {{newTutor}} (programme “{{programme}}”).{{note}}',
      },
      completed: {
        title: 'A year of coaching: it is over',
        body: 'The first-year coaching between {{coach}} and {{newTutor}} (programme “{{programme}}”) has come to its term. You may of course stay in touch, and meet in the team and at exchange evenings.',
      },
      noteLine: ' Their message: “{{note}}”',
    },
  },
});

type Lang = 'fr' | 'en';

/** A notice in both languages; `until` an instant, put in words in the organisation's zone. */
export function coachingNotice(
  key: 'startedNew' | 'startedCoach' | 'ended' | 'completed',
  values: Record<string, string>,
  zone: string,
  o: { until?: string; note?: string | null } = {},
) {
  const words = (lang: Lang) => {
    const note = o.note ? coachingTexts(lang)('notice.noteLine', { note: o.note }) : '';
    return { ...values, until: o.until ? dayOfInstant(o.until, zone, lang) : '', note };
  };
  return {
    fr: bothNotice(coachingTexts, `notice.${key}`, words('fr')).fr,
    en: bothNotice(coachingTexts, `notice.${key}`, words('en')).en,
  };
}
