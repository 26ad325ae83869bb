import i18next, { type TFunction } from 'i18next';
import type { Reason } from './criteria.ts';

// Texts of the matching e-mails and explanations, French first.
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
          'Votre {{role}} dans « {{programme}} » est {{tutor}}.\n\nPour le ou la joindre : {{contact}}\n\nPourquoi ce choix : {{why}}',
        tutor: 'Voici les personnes que vous accompagnerez dans « {{programme}} » :\n{{list}}',
      },
      role: { pair: 'tuteur·rice', group: 'tuteur·rice de groupe' },
      reason: {
        tuteeChoice: 'choix n°{{rank}} de l’interne',
        tutorChoice: 'choix n°{{rank}} du tuteur',
        knows: 'vous avez demandé à être ensemble',
        sameSite: 'même site : {{site}}',
        distance: '{{km}} km',
        project: 'projet : {{project}}',
        themes: 'thèmes communs : {{themes}}',
        newcomer: 'arrivée d’une autre faculté ({{faculty}}) : prioritaire',
        availability: 'disponibles ensemble {{when}}',
      },
      when: {
        slot: 'le {{day}} {{part}}',
        and: ' et ',
        more_one: '{{list}} et {{count}} autre créneau',
        more_other: '{{list}} et {{count}} autres créneaux',
      },
      day: { 1: 'lundi', 2: 'mardi', 3: 'mercredi', 4: 'jeudi', 5: 'vendredi', 6: 'samedi', 7: 'dimanche' },
      part: { morning: 'matin', afternoon: 'après-midi', evening: 'soir' },
      noPhone: 'téléphone non partagé',
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
        tutee:
          'Your {{role}} in “{{programme}}” is {{tutor}}.\n\nHow to reach them: {{contact}}\n\nWhy this match: {{why}}',
        tutor: 'Here are the people you will accompany in “{{programme}}”:\n{{list}}',
      },
      role: { pair: 'tutor', group: 'group tutor' },
      reason: {
        tuteeChoice: 'the resident’s choice no. {{rank}}',
        tutorChoice: 'the tutor’s choice no. {{rank}}',
        knows: 'you asked to be together',
        sameSite: 'same site: {{site}}',
        distance: '{{km}} km',
        project: 'project: {{project}}',
        themes: 'shared themes: {{themes}}',
        newcomer: 'from another faculty ({{faculty}}): placed first',
        availability: 'both free on {{when}}',
      },
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

const instance = i18next.createInstance();
await instance.init({ resources, lng: 'fr', fallbackLng: 'fr', interpolation: { escapeValue: false } });

export function matchingTexts(locale: string | null | undefined): TFunction {
  return instance.getFixedT(locale?.startsWith('en') ? 'en' : 'fr');
}

/** "même site : CHU Amiens-Picardie · 12 km · projet : installation en zone rurale". */
export function explain(t: TFunction, reasons: Reason[]): string {
  return reasons
    .map((r) =>
      t(`reason.${r.code}`, { ...r, count: undefined, themes: r.themes?.join(', '), when: whenOf(t, r) }),
    )
    .join(' · ');
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
