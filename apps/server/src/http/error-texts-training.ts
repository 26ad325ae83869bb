// The refusals and field messages of training sessions (modules/training), part of the catalogue
// of error-texts.ts.

export const trainingErrorTexts = {
  fr: {
    field_place_required: 'Indiquez le lieu de la session',
    field_video_required: 'Indiquez le lien de la visio',
    field_deadline_after_start: 'La date limite d’inscription précède le début de la session',
    training_not_open:
      'Les inscriptions à cette session sont closes : elle est annulée, commencée, ou sa date limite est passée.',
    training_not_tutor: 'Cette session est réservée aux tuteur·rices du programme.',
    training_already_registered: 'Vous êtes déjà inscrit·e, ou sur la liste d’attente, pour cette session.',
    training_started: 'La session a commencé : l’inscription ne peut plus être annulée.',
    training_not_started: 'La présence se note une fois la session commencée.',
    training_cancelled: 'Cette session est annulée : elle ne change plus.',
    training_capacity_below:
      'Plus de personnes sont déjà inscrites ({{registered}}) que la nouvelle capacité : annulez d’abord des inscriptions ou gardez une capacité plus grande.',
    training_not_registered: 'Cette personne n’est pas inscrite à la session.',
  },
  en: {
    field_place_required: 'Give the session’s place',
    field_video_required: 'Give the video call’s link',
    field_deadline_after_start: 'The registration deadline must come before the session starts',
    training_not_open:
      'Registration for this session is closed: it is cancelled, has started, or its deadline has passed.',
    training_not_tutor: 'This session is for the programme’s tutors.',
    training_already_registered: 'You are already registered, or on the waiting list, for this session.',
    training_started: 'The session has started: the registration can no longer be cancelled.',
    training_not_started: 'Attendance is recorded once the session has started.',
    training_cancelled: 'This session is cancelled: it no longer changes.',
    training_capacity_below:
      'More people are already registered ({{registered}}) than the new capacity: cancel registrations first or keep a larger capacity.',
    training_not_registered: 'This person is not registered for the session.',
  },
} as const;
