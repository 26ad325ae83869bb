// Other wordings of an error code, for a refusal that says more than the code's own text: the key
// `forbidden__archived` is the code `forbidden` worded for an archived programme (refuse(403,
// 'forbidden', { variant: 'archived' })). The code a caller receives stays the same. Plural wordings
// end in _one and _other (French counts 0 and 1 as one).

export const errorWordings = {
  fr: {
    charter_unsigned__people:
      'La charte du binôme {{tutor}} – {{tutee}} n’est pas encore signée : il manque la signature de {{names}}. Les rencontres s’organisent une fois la charte signée par les trois parties.',
    charter_unsigned__organisation:
      'La charte du binôme {{tutor}} – {{tutee}} n’est pas encore signée : il manque la signature de la coordination. Les rencontres s’organisent une fois la charte signée par les trois parties.',
    charter_unsigned__people_organisation:
      'La charte du binôme {{tutor}} – {{tutee}} n’est pas encore signée : il manque la signature de {{names}} et celle de la coordination. Les rencontres s’organisent une fois la charte signée par les trois parties.',
    not_found__record: '{{what}} n’existe pas, ou vous n’y avez pas accès.',
    not_found__route: 'Cette adresse n’existe pas dans Compagnon.',
    forbidden__archived: 'Ce programme est archivé : il se consulte mais ne se modifie plus.',
    forbidden__not_organiser:
      'Seules les personnes qui accompagnent et la coordination de ce programme organisent des rencontres.',
    forbidden__not_a_tutor: 'Seules les personnes qui accompagnent notent des contacts.',
    forbidden__organiser_changes: 'Seul·e l’organisateur·rice modifie cette rencontre.',
    forbidden__organiser_reports: 'Seul·e l’organisateur·rice écrit le compte rendu.',
    forbidden__invited_answer: 'Seules les personnes invitées répondent au sondage.',
    forbidden__organiser_nudges: 'Seul·e l’organisateur·rice relance les personnes qui n’ont pas répondu.',
    forbidden__own_only: 'Vous ne pouvez déclarer que ce qui vous concerne.',
    forbidden__first_meetings_one:
      'Les {{n}} premières rencontres sont obligatoires dans ce programme ({{count}} faite à ce jour) : vous pourrez ensuite arrêter quand vous voulez.',
    forbidden__first_meetings_other:
      'Les {{n}} premières rencontres sont obligatoires dans ce programme ({{count}} faites à ce jour) : vous pourrez ensuite arrêter quand vous voulez.',
    forbidden__compulsory:
      'La participation est obligatoire dans ce programme : parlez-en à votre coordinateur ou demandez un autre binôme.',
    forbidden__coordinator_only: 'Seul le coordinateur peut changer l’état de ce binôme.',
    invalid_transition__from_to: 'Impossible de passer de « {{from}} » à « {{to}} ».',
    capacity_reached__would_exceed: '{{tutor}} dépasserait sa capacité ({{taken}}/{{capacity}}).',
    no_round__for_you: 'Aucun choix n’est ouvert pour vous dans ce programme.',
    no_round__open_first: 'Ouvrez d’abord un tour de choix pour les internes.',
    nudge_too_soon__dated:
      'Les personnes sans réponse ont été relancées le {{last}} : une relance par personne toutes les {{hours}} heures au plus. Prochaine relance possible le {{next}}.',
    // What the server refuses before reading a request
    error__bad_request: 'Cette demande n’est pas valide.',
    error__body_too_large: 'Cette demande est trop volumineuse.',
    error__media_type: 'Ce type de contenu n’est pas accepté ici.',
    error__invalid_json: 'Le contenu de la demande n’est pas du JSON valide.',
    error__empty_json: 'La demande annonce du JSON mais ne contient rien.',
  },
  en: {
    charter_unsigned__people:
      'The charter of the pair {{tutor}} – {{tutee}} is not signed yet: the signature of {{names}} is missing. Meetings are organised once the three parties have signed it.',
    charter_unsigned__organisation:
      'The charter of the pair {{tutor}} – {{tutee}} is not signed yet: the coordination still has to sign. Meetings are organised once the three parties have signed it.',
    charter_unsigned__people_organisation:
      'The charter of the pair {{tutor}} – {{tutee}} is not signed yet: the signatures of {{names}} and of the coordination are missing. Meetings are organised once the three parties have signed it.',
    not_found__record: '{{what}} does not exist, or you do not have access to it.',
    not_found__route: 'No such route.',
    forbidden__archived: 'This programme is archived: it can be read but no longer changed.',
    forbidden__not_organiser:
      'Only the people who accompany others and the coordinators of this programme organise meetings.',
    forbidden__not_a_tutor: 'Only tutors log contacts.',
    forbidden__organiser_changes: 'Only the organiser changes this meeting.',
    forbidden__organiser_reports: 'Only the organiser writes the report.',
    forbidden__invited_answer: 'Only invited people answer the poll.',
    forbidden__organiser_nudges: 'Only the organiser nudges the people who have not answered.',
    forbidden__own_only: 'You can only declare what concerns you.',
    forbidden__first_meetings_one:
      'The first {{n}} meetings are compulsory in this programme ({{count}} attended so far); after that you may stop at any time.',
    forbidden__first_meetings_other:
      'The first {{n}} meetings are compulsory in this programme ({{count}} attended so far); after that you may stop at any time.',
    forbidden__compulsory:
      'Taking part is compulsory in this programme: talk to your coordinator or ask for another pairing.',
    forbidden__coordinator_only:
      'Only the coordinator can change this pairing; you may ask for another pairing.',
    invalid_transition__from_to: 'Cannot go from “{{from}}” to “{{to}}”.',
    capacity_reached__would_exceed: '{{tutor}} would exceed their capacity ({{taken}}/{{capacity}}).',
    no_round__for_you: 'No choice is open for you in this programme.',
    no_round__open_first: 'Open a choice round for the tutees first.',
    nudge_too_soon__dated:
      'The people without an answer were nudged on {{last}}: one nudge per person every {{hours}} hours at most. Next nudge possible on {{next}}.',
    error__bad_request: 'This request is not valid.',
    error__body_too_large: 'This request is too large.',
    error__media_type: 'This type of content is not accepted here.',
    error__invalid_json: 'The body of the request is not valid JSON.',
    error__empty_json: 'The request announces JSON but contains nothing.',
  },
} as const;

/**
 * The records a refusal may say are missing, with their determiner ("Cette rencontre n’existe pas"):
 * the texts `records.<name>` of the shared instance (notify/i18n.ts).
 */
export const recordNames = {
  record: { fr: 'Cet élément', en: 'This item' },
  alert: { fr: 'Cette alerte', en: 'This alert' },
  calendar: { fr: 'Ce calendrier', en: 'This calendar' },
  cohort: { fr: 'Cette promotion', en: 'This cohort' },
  constraint: { fr: 'Cette contrainte', en: 'This constraint' },
  consultation: { fr: 'Cette demande d’avis', en: 'This request for advice' },
  difficulty: { fr: 'Cette difficulté', en: 'This difficulty' },
  draft: { fr: 'Ce brouillon', en: 'This draft' },
  'erasure request': { fr: 'Cette demande d’effacement', en: 'This erasure request' },
  event: { fr: 'Cet événement', en: 'This event' },
  feed: { fr: 'Ce flux de calendrier', en: 'This calendar feed' },
  link: { fr: 'Ce lien', en: 'This link' },
  import: { fr: 'Cet import', en: 'This import' },
  invitation: { fr: 'Cette invitation', en: 'This invitation' },
  meeting: { fr: 'Cette rencontre', en: 'This meeting' },
  membership: { fr: 'Ce rôle dans le programme', en: 'This membership' },
  organisation: { fr: 'Cette organisation', en: 'This organisation' },
  pairing: { fr: 'Ce binôme', en: 'This pairing' },
  person: { fr: 'Cette personne', en: 'This person' },
  poll: { fr: 'Ce sondage', en: 'This poll' },
  programme: { fr: 'Ce programme', en: 'This programme' },
  proposal: { fr: 'Cette proposition', en: 'This proposal' },
  rule: { fr: 'Cette règle de disponibilité', en: 'This availability rule' },
  thread: { fr: 'Cette conversation', en: 'This conversation' },
  trace: { fr: 'Cette trace', en: 'This trace' },
  attachment: { fr: 'Cette pièce jointe', en: 'This attachment' },
  synthesis: { fr: 'Cette synthèse', en: 'This synthesis' },
  phase: { fr: 'Cette phase', en: 'This phase' },
  tutee: { fr: 'Cette personne accompagnée', en: 'This tutee' },
  tutor: { fr: 'Ce·tte tuteur·rice', en: 'This tutor' },
  'end review': { fr: 'Ce bilan', en: 'This review' },
  questionnaire: { fr: 'Ce questionnaire', en: 'This questionnaire' },
  join_request: { fr: 'Cette demande', en: 'This request' },
  team: { fr: 'Cette équipe', en: 'This team' },
  'team request': { fr: 'Cette demande de l’équipe', en: 'This team request' },
  guide: { fr: 'Ce guide', en: 'This guide' },
  suggestion: { fr: 'Cette suggestion', en: 'This suggestion' },
  announcement: { fr: 'Cette annonce', en: 'This announcement' },
  training_session: { fr: 'Cette session de formation', en: 'This training session' },
  registration: { fr: 'Cette inscription', en: 'This registration' },
  absence: { fr: 'Cette absence', en: 'This absence' },
  absence_cover: { fr: 'Ce remplacement', en: 'This replacement' },
  coaching: { fr: 'Cet accompagnement', en: 'This coaching' },
  network: { fr: 'Ce réseau', en: 'This network' },
  network_session: { fr: 'Cette session du réseau', en: 'This network session' },
  network_message: { fr: 'Ce message', en: 'This message' },
} as const;
export type RecordName = keyof typeof recordNames;

type Wording = keyof (typeof errorWordings)['fr'];
/** A wording's key as a refusal names it: a plural wording without its _one/_other. */
export type WordingKey = Wording extends infer K
  ? K extends `${infer B}_other`
    ? B
    : K extends `${string}_one`
      ? never
      : K
  : never;
