// The refusals and field messages of requests to join a programme (modules/requests), part of the
// catalogue of error-texts.ts.

export const requestErrorTexts = {
  fr: {
    field_required: 'Ce champ est requis',
    field_needs_short: 'Dites-en un peu plus (10 caractères au moins)',
    field_too_long: 'Ce texte est trop long',
    field_line: 'Ce champ tient sur une ligne, sans caractères invisibles',
    field_installed_on: 'Indiquez la date d’installation, prévue ou effective',
    field_practising_since: 'Indiquez l’année où vous avez commencé à exercer (par exemple 2015)',
    field_override_reason:
      'Cette demande ne correspond pas aux règles du programme : écrivez pourquoi vous l’acceptez',
    join_link_stale:
      'Ce lien ne mène plus à une demande : il a expiré, ou la demande a été effacée. Vous pouvez en faire une nouvelle depuis la page du programme.',
    join_request_decided: 'Cette demande a déjà reçu une réponse, ou a été retirée : elle ne change plus.',
  },
  en: {
    field_required: 'This field is required',
    field_needs_short: 'Tell a little more (at least 10 characters)',
    field_too_long: 'This text is too long',
    field_line: 'This field fits on one line, without invisible characters',
    field_installed_on: 'Give the date of installation, planned or actual',
    field_practising_since: 'Give the year you started practising (for example 2015)',
    field_override_reason: 'This request does not fit the programme’s rules: write why you accept it',
    join_link_stale:
      'This link no longer leads to a request: it expired, or the request was deleted. You can make a new one from the programme’s page.',
    join_request_decided: 'This request was already answered, or withdrawn: it no longer changes.',
  },
} as const;
