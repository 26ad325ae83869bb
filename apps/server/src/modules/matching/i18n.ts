import type { TFunction } from 'i18next';
import { moduleTexts } from '../../notify/i18n.ts';
import type { Reason } from './criteria.ts';

// Texts of the matching e-mails, notices and explanations, French first.
const resources = {
  fr: {
    translation: {
      tutee: {
        subject: 'Votre {{role}} dans « {{programme}} » : {{tutor}}',
      },
      tutor: {
        subject_one: '« {{programme}} » : {{count}} nouvelle personne à accompagner',
        subject_other: '« {{programme}} » : {{count}} nouvelles personnes à accompagner',
      },
      notice: {
        tutee:
          'Votre {{role}} dans « {{programme}} » est {{tutor}}.\n\nPour le ou la joindre : {{contact}}\n\n{{why}}',
        tutor: 'Voici les personnes que vous accompagnerez dans « {{programme}} » :\n{{list}}',
      },
      why: 'Pourquoi ce choix :\n{{list}}',
      whyNone: 'La coordination du programme a formé ce binôme.',
      // Sentences addressed to the person accompanied, about the person who accompanies them.
      reason: {
        tuteeChoice: 'Vous aviez classé {{tutor}} en {{nth}} choix.',
        tutorChoice: '{{tutor}} vous avait classé·e en {{nth}} choix.',
        knows: 'Vous aviez demandé à être ensemble.',
        sameSite: 'Vous êtes sur le même site : {{site}}.',
        distance: 'Vous travaillez à {{km}} km l’un de l’autre.',
        distanceNone: 'Vous travaillez dans la même commune.',
        project: 'Vous partagez un projet : {{project}}.',
        themes: 'Vous avez des thèmes en commun : {{themes}}.',
        newcomer: 'Vous arrivez {{faculty, de}} : votre place passait en priorité.',
        availability: 'Vous êtes disponibles ensemble {{when}}.',
      },
      nth: { 1: 'premier', 2: 'deuxième', 3: 'troisième', other: '{{rank}}ᵉ' },
      when: {
        slot: 'le {{day}} {{part}}',
        and: ' et ',
        more_one: '{{list}} et {{count}} autre créneau',
        more_other: '{{list}} et {{count}} autres créneaux',
      },
      day: { 1: 'lundi', 2: 'mardi', 3: 'mercredi', 4: 'jeudi', 5: 'vendredi', 6: 'samedi', 7: 'dimanche' },
      part: { morning: 'matin', afternoon: 'après-midi', evening: 'soir' },
      noPhone: 'téléphone non partagé',
      // The end of a pairing, without the reason of an early end (which may be confidential).
      ended: {
        title: '« {{programme}} » : votre binôme avec {{other}} a pris fin',
        title_completed: '« {{programme}} » : votre binôme avec {{other}} est terminé',
        body: 'La coordination a mis fin à votre binôme avec {{other}}. Pour en savoir plus, adressez-vous à la coordination du programme.{{cancelled}}',
        body_completed: 'Votre binôme avec {{other}} est arrivé à son terme.{{cancelled}}',
        cancelled_one: '\n\n{{count}} rencontre à venir est annulée.',
        cancelled_other: '\n\n{{count}} rencontres à venir sont annulées.',
      },
      round: {
        opened: {
          subject: '« {{programme}} » : vos choix avant le {{deadline}}',
          tutee:
            'Les choix sont ouverts dans « {{programme}} ». Découvrez les personnes qui peuvent vous accompagner et classez celles que vous préférez, avant le {{deadline}}.\n\nSans classement de votre part, la coordination vous proposera une personne selon la distance, le site et vos projets.',
          tutor:
            'Les choix sont ouverts dans « {{programme}} ». Classez les personnes que vous aimeriez accompagner, avant le {{deadline}}.\n\nSans classement de votre part, la coordination vous proposera des personnes selon la distance, le site et vos projets.',
        },
        reminder: {
          subject: 'Rappel — « {{programme}} » : vos choix avant le {{deadline}}',
          tutee:
            'Vous n’avez pas encore classé les personnes qui peuvent vous accompagner dans « {{programme}} ». Les choix se terminent le {{deadline}}.',
          tutor:
            'Vous n’avez pas encore classé les personnes que vous aimeriez accompagner dans « {{programme}} ». Les choix se terminent le {{deadline}}.',
        },
      },
    },
  },
  en: {
    translation: {
      tutee: {
        subject: 'Your {{role}} in “{{programme}}”: {{tutor}}',
      },
      tutor: {
        subject_one: '“{{programme}}”: {{count}} new person to accompany',
        subject_other: '“{{programme}}”: {{count}} new people to accompany',
      },
      notice: {
        tutee: 'Your {{role}} in “{{programme}}” is {{tutor}}.\n\nHow to reach them: {{contact}}\n\n{{why}}',
        tutor: 'Here are the people you will accompany in “{{programme}}”:\n{{list}}',
      },
      why: 'Why this match:\n{{list}}',
      whyNone: 'The programme’s coordinators formed this pair.',
      reason: {
        tuteeChoice: 'You had ranked {{tutor}} as your {{nth}} choice.',
        tutorChoice: '{{tutor}} had ranked you as their {{nth}} choice.',
        knows: 'You asked to be together.',
        sameSite: 'You work at the same site: {{site}}.',
        distance: 'You work {{km}} km from each other.',
        distanceNone: 'You work in the same town.',
        project: 'You share a plan: {{project}}.',
        themes: 'You share interests: {{themes}}.',
        newcomer: 'You come from another faculty ({{faculty}}), so your place came first.',
        availability: 'You are both free on {{when}}.',
      },
      nth: { 1: 'first', 2: 'second', 3: 'third', other: '{{rank}}th' },
      when: {
        slot: '{{day}} {{part}}',
        and: ' and ',
        more_one: '{{list}} and {{count}} other time',
        more_other: '{{list}} and {{count}} other times',
      },
      day: {
        1: 'Monday',
        2: 'Tuesday',
        3: 'Wednesday',
        4: 'Thursday',
        5: 'Friday',
        6: 'Saturday',
        7: 'Sunday',
      },
      part: { morning: 'morning', afternoon: 'afternoon', evening: 'evening' },
      noPhone: 'phone not shared',
      ended: {
        title: '“{{programme}}”: your pairing with {{other}} has ended',
        title_completed: '“{{programme}}”: your pairing with {{other}} is complete',
        body: "The coordinators ended your pairing with {{other}}. To know more, ask the programme's coordinators.{{cancelled}}",
        body_completed: 'Your pairing with {{other}} has come to its end.{{cancelled}}',
        cancelled_one: '\n\n{{count}} upcoming meeting is cancelled.',
        cancelled_other: '\n\n{{count}} upcoming meetings are cancelled.',
      },
      round: {
        opened: {
          subject: '“{{programme}}”: your choices before {{deadline}}',
          tutee:
            'Choices are open in “{{programme}}”. Meet the people who can accompany you and rank those you prefer, before {{deadline}}.\n\nIf you do not rank, the coordinators will suggest someone by distance, site and your plans.',
          tutor:
            'Choices are open in “{{programme}}”. Rank the people you would like to accompany, before {{deadline}}.\n\nIf you do not rank, the coordinators will suggest people by distance, site and your plans.',
        },
        reminder: {
          subject: 'Reminder — “{{programme}}”: your choices before {{deadline}}',
          tutee:
            'You have not yet ranked the people who can accompany you in “{{programme}}”. Choices close on {{deadline}}.',
          tutor:
            'You have not yet ranked the people you would like to accompany in “{{programme}}”. Choices close on {{deadline}}.',
        },
      },
    },
  },
};

/** The matching translator in a person's language (the server's one i18next instance, notify/i18n.ts). */
export const matchingTexts = moduleTexts('matching', {
  fr: resources.fr.translation,
  en: resources.en.translation,
});

/** "premier", "deuxième", "4ᵉ"; "first", "third", "4th". */
function nth(t: TFunction, rank: number): string {
  return rank <= 3 ? t(`nth.${rank}`) : t('nth.other', { rank });
}

/** One reason as a sentence addressed to the person accompanied: "Vous travaillez à 12 km l’un de l’autre." */
export function reasonSentence(t: TFunction, r: Reason, tutor: string): string {
  if (r.code === 'distance' && (r.km ?? 0) < 1) return t('reason.distanceNone');
  return t(`reason.${r.code}`, {
    ...r,
    tutor,
    count: undefined,
    nth: nth(t, r.rank ?? 1),
    themes: r.themes?.join(', '),
    when: whenOf(t, r),
  });
}

/**
 * Why this pair, for the person accompanied: one sentence a line under a heading, or, when no
 * criterion explains it (a pair formed by hand), that the coordinators formed it.
 */
export function explain(t: TFunction, reasons: Reason[], tutor: string): string {
  if (reasons.length === 0) return t('whyNone');
  return t('why', { list: reasons.map((r) => `• ${reasonSentence(t, r, tutor)}`).join('\n') });
}

/** "le mardi soir et le jeudi soir", "le lundi soir, le mardi soir et 6 autres créneaux". */
export function whenOf(t: TFunction, r: Reason): string {
  const items = (r.slots ?? []).map((s) => {
    const [day, part] = s.split('-');
    return t('when.slot', { day: t(`day.${day}`), part: t(`part.${part}`) });
  });
  const more = (r.count ?? items.length) - items.length;
  if (more > 0) return t('when.more', { list: items.join(', '), count: more });
  return items.join(t('when.and'));
}
