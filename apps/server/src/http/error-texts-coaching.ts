// The refusals of coaching of new tutors (modules/coaching), part of the catalogue of error-texts.ts.

export const coachingErrorTexts = {
  fr: {
    coaching_same_person:
      'Choisissez deux personnes différentes : le·la nouveau·elle tuteur·rice et son tuteur·rice référent·e.',
    coaching_not_tutor: 'Les deux personnes doivent être tuteur·rices du programme en ce moment.',
    coaching_coach_new:
      '{{coach}} est tuteur·rice depuis le {{since}} : un·e tuteur·rice référent·e a au moins un an d’expérience de tutorat.',
    coaching_not_new:
      '{{tutor}} est tuteur·rice depuis le {{since}} : l’accompagnement est réservé à la première année de tutorat.',
    coaching_already:
      '{{tutor}} est déjà accompagné·e par {{coach}}. Terminez d’abord cet accompagnement pour en changer.',
    coaching_ended: 'Cet accompagnement est déjà terminé.',
  },
  en: {
    coaching_same_person: 'Choose two different people: the new tutor and their coach.',
    coaching_not_tutor: 'Both people must be tutors of the programme now.',
    coaching_coach_new:
      '{{coach}} has been a tutor since {{since}}: a coach has at least a year of tutoring experience.',
    coaching_not_new:
      '{{tutor}} has been a tutor since {{since}}: coaching is for the first year of tutoring.',
    coaching_already: '{{tutor}} is already coached by {{coach}}. End that coaching first to change it.',
    coaching_ended: 'This coaching has already ended.',
  },
} as const;
