// The refusals of team cases (modules/cases) and of feedback on one's tutoring (modules/feedback),
// part of the catalogue of error-texts.ts.

export const feedbackErrorTexts = {
  fr: {
    case_no_team: 'Vous n’êtes dans aucune équipe de tuteurs : un cas s’apporte à son équipe.',
    case_subject_unknown: 'Choisissez l’un·e de vos interne·s, ou laissez le cas anonyme.',
    case_meeting_unknown: 'Cette rencontre n’est pas une rencontre de votre équipe.',
    case_closed: 'Ce cas est clos : rouvrez-le pour y écrire ou décider à nouveau.',
    case_open: 'Ce cas est déjà ouvert.',
    case_expert_required:
      'Pour ce type de cas, le programme demande l’avis d’un·e expert·e avant toute décision : demandez-le depuis la page du cas, puis enregistrez la décision une fois sa réponse reçue.',
    feedback_tutors_only: 'Cette page est celle des tuteurs et tutrices.',
    feedback_grid_incomplete: 'Choisissez un niveau pour chaque compétence de la grille.',
    feedback_not_teammate: 'Ne demandez un retour qu’aux membres de votre équipe.',
    feedback_peer_asked: 'Vous avez déjà demandé un retour à cette personne cette année.',
    feedback_answered: 'Une réponse a déjà été donnée : elle ne change plus.',
  },
  en: {
    case_no_team: 'You are in no tutor team: a case is brought to one’s team.',
    case_subject_unknown: 'Choose one of your tutees, or leave the case anonymous.',
    case_meeting_unknown: 'This meeting is not one of your team’s.',
    case_closed: 'This case is closed: reopen it to write or decide again.',
    case_open: 'This case is already open.',
    case_expert_required:
      'For this kind of case, the programme asks for an expert’s advice before any decision: ask for it from the case’s page, then record the decision once the answer came.',
    feedback_tutors_only: 'This page is for tutors.',
    feedback_grid_incomplete: 'Choose a level for every skill of the grid.',
    feedback_not_teammate: 'Ask only members of your team for feedback.',
    feedback_peer_asked: 'You already asked this person for feedback this year.',
    feedback_answered: 'An answer was already given: it no longer changes.',
  },
} as const;
