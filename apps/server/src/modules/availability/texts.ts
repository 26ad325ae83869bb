import { moduleTexts } from '../../notify/i18n.ts';

// What the reader of typed constraints answers when it cannot save one, French first; `part` is
// the piece of the phrase at fault, as typed.
export const availabilityTexts = moduleTexts('availability', {
  fr: {
    phrase: {
      empty: 'Écrivez une contrainte, par exemple « garde tous les mardis ».',
      tooLong: 'Une contrainte à la fois, en une phrase courte.',
      notUnderstood:
        'Je n’ai pas compris « {{part}} ». Exemples : « garde tous les mardis », « cours de DES le 1er jeudi du mois », « stage 8h–18h30 du lundi au vendredi », « absente du 22 au 26 décembre ».',
      fortnightDays:
        'Dites quels jours reviennent « {{part}} » : par exemple « garde un mardi sur deux » ou « cours tous les 15 jours le jeudi ».',
      fortnightMonthly:
        '« {{part}} » ne se combine pas avec une semaine du mois : choisissez l’un ou l’autre.',
      missingWhen:
        'Dites quand : un jour de la semaine (« tous les mardis »), une semaine du mois (« le 1er jeudi du mois ») ou des dates (« du 3 au 7 mars »).',
      endBeforeStart: 'La date de fin est avant la date de début.',
      sameTimes: 'Le début et la fin sont la même heure : « {{part}} ».',
      unreadableTime: 'Heure illisible : « {{part}} ».',
      noSuchTime: 'L’heure « {{part}} » n’existe pas.',
      noSuchDate: 'La date « {{part}} » n’existe pas.',
    },
  },
  en: {
    phrase: {
      empty: 'Type a constraint, for example “night shift every Tuesday”.',
      tooLong: 'One constraint at a time, in a short phrase.',
      notUnderstood:
        'I did not understand “{{part}}”. Examples: “night shift every Tuesday”, “course on the first Thursday of the month”, “internship 8am–6.30pm Monday to Friday”, “away from 22 to 26 December”.',
      fortnightDays:
        'Say which days come back “{{part}}”: for example “night shift every other Tuesday” or “course every two weeks on Thursdays”.',
      fortnightMonthly: '“{{part}}” does not go with a week of the month: choose one or the other.',
      missingWhen:
        'Say when: a day of the week (“every Tuesday”), a week of the month (“the first Thursday of the month”) or dates (“from 3 to 7 March”).',
      endBeforeStart: 'The end date is before the start date.',
      sameTimes: 'Start and end are the same time: “{{part}}”.',
      unreadableTime: 'Unreadable time: “{{part}}”.',
      noSuchTime: 'There is no such time as “{{part}}”.',
      noSuchDate: 'There is no such date as “{{part}}”.',
    },
  },
});
