// The refusals of leave and replacement (modules/absences), part of the catalogue of error-texts.ts.

export const absenceErrorTexts = {
  fr: {
    absence_dates:
      'Le dernier jour d’absence ne peut pas précéder le premier, ni le premier être déjà passé.',
    absence_too_long: 'Une absence dure au plus un an : déclarez-la en plusieurs fois si besoin.',
    absence_overlap: 'Vous avez déjà déclaré une absence sur ces jours : modifiez-la plutôt.',
    absence_started:
      'Cette absence a commencé : elle ne peut plus qu’être raccourcie, en indiquant le jour de votre retour.',
    absence_shorten:
      'Pendant l’absence, seul le dernier jour change, pour être avancé (au plus tôt hier, au plus tard avant la date prévue).',
    absence_ended: 'Cette absence est terminée : elle ne change plus.',
    absence_sent: 'Les demandes de remplacement sont déjà envoyées : cette proposition ne change plus.',
    backup_not_candidate:
      'Cette personne ne peut pas remplacer : elle n’est pas de l’équipe, ou elle est elle-même absente sur ces jours.',
    cover_answered: 'Cette demande de remplacement a déjà reçu une réponse, ou ne vous est plus adressée.',
    tutor_away:
      '{{tutor}} est en congé jusqu’au {{until}} (ou la plus grande partie des huit semaines à venir) : pas de nouveau·elle tutoré·e d’ici là.',
  },
  en: {
    absence_dates: 'The last day of absence cannot come before the first, nor the first be already past.',
    absence_too_long: 'An absence lasts at most a year: declare it in several parts if need be.',
    absence_overlap: 'You already declared an absence on these days: change that one instead.',
    absence_started: 'This absence has started: it can only be shortened, giving the day you are back.',
    absence_shorten:
      'During the absence only the last day changes, to come earlier (yesterday at the earliest, before the planned day at the latest).',
    absence_ended: 'This absence is over: it no longer changes.',
    absence_sent: 'The requests to replace you were already sent: this proposal no longer changes.',
    backup_not_candidate:
      'This person cannot replace you: they are not in the team, or they are away themselves on those days.',
    cover_answered: 'This request to replace a tutor was already answered, or is no longer addressed to you.',
    tutor_away:
      '{{tutor}} is on leave until {{until}} (or most of the coming eight weeks): no new tutee until then.',
  },
} as const;
