// What a refused request says, per error code, in French and in English. The error handler picks the
// language of the request (the web app sends its interface language; else the account's; else
// French) and fills `{{…}}` from the error's parameters. A code used anywhere in the server without
// both texts fails a test (http/errors.test.ts).

import { moduleErrorTexts } from './error-texts-modules.ts';

export const errorTexts = {
  fr: {
    ...moduleErrorTexts.fr,
    // Generic
    unauthenticated: 'Connectez-vous d’abord.',
    forbidden: 'Vous n’avez pas le droit de faire cela.',
    not_found: 'Cet élément n’existe pas ou ne vous est pas accessible.',
    invalid_request: 'Certaines informations sont manquantes ou invalides.',
    invalid_characters:
      'Ce nom contient des caractères invisibles ou de contrôle (caractère nul, retour à la ligne, inversion du sens d’écriture) : retirez-les.',
    invalid_web_url: 'Le lien doit être une adresse web complète et sécurisée, commençant par https://.',
    rate_limited: 'Trop de demandes. Réessayez dans une minute.',
    cross_origin:
      'Cette demande vient d’un autre site que Compagnon : elle est refusée. Ouvrez Compagnon directement et réessayez.',
    error: 'Une erreur est survenue. Réessayez ; si elle persiste, prévenez votre coordination.',
    // Accounts and links
    invalid_credentials: 'E-mail ou mot de passe incorrect.',
    account_throttled:
      'Trop de tentatives pour ce compte. Réessayez dans {{minutes}} min, ou demandez un lien de connexion : il fonctionne dès maintenant.',
    sign_in_throttled:
      'Trop de tentatives pour ce compte depuis cette adresse. Réessayez dans {{minutes}} min, ou demandez un lien de connexion.',
    address_throttled: 'Trop de tentatives depuis cette adresse. Réessayez dans {{minutes}} min.',
    sign_in_busy: 'Beaucoup de connexions en même temps. Réessayez dans quelques secondes.',
    invalid_link: 'Ce lien n’est pas valide.',
    used_link: 'Ce lien a déjà été utilisé. Demandez-en un nouveau.',
    expired_link: 'Ce lien a expiré. Demandez-en un nouveau.',
    password_required: 'Choisissez un mot de passe pour créer votre accès.',
    wrong_password: 'Le mot de passe actuel est incorrect.',
    same_password: 'Choisissez un mot de passe différent de l’actuel.',
    password_change_required:
      'Choisissez d’abord votre propre mot de passe : le mot de passe provisoire ne donne accès qu’à ce changement.',
    invalid_phone: 'Numéro de téléphone invalide : « {{phone}} ».',
    phone_required_for_sms: 'Ajoutez un numéro de mobile valide à votre profil pour recevoir des SMS.',
    // People and programmes
    already_member: '{{name}} a déjà ce rôle dans ce programme.',
    nothing_to_change: 'Indiquez un rôle ou une capacité.',
    nothing_to_update: 'Indiquez au moins une information à modifier.',
    already_invited:
      '{{email}} est déjà invité·e avec ce rôle dans ce programme ; l’invitation attend sa réponse.',
    upload_incomplete: 'Le fichier n’a pas été reçu en entier (envoi interrompu). Envoyez-le à nouveau.',
    programme_archived: 'Ce programme est archivé : il se consulte mais ne se modifie plus.',
    // Imports
    file_required: 'Joignez un fichier CSV ou Excel (.xlsx) à importer.',
    invalid_default_role: 'Le rôle choisi pour tout le fichier est inconnu.',
    import_rows_invalid:
      'Le fichier contient des erreurs. Corrigez-les dans votre tableur puis importez le fichier à nouveau : personne n’a été importé.',
    import_has_errors:
      'Cet import contient des erreurs et ne peut pas être validé. Corrigez le fichier puis importez-le à nouveau.',
    import_already_committed:
      'Cet import a déjà été validé : les personnes du fichier sont déjà dans le programme. Pour mettre à jour leurs informations, importez le fichier à nouveau.',
    import_columns_unresolved:
      'Choisissez d’abord ce qu’est chaque colonne marquée « À choisir » : son titre peut désigner plusieurs informations.',
    import_not_committed:
      'Cet import n’est pas encore validé : les invitations s’envoient une fois les personnes importées.',
    // An import's file refused as a whole (the import says which line or column is at fault)
    file_too_large: 'Ce fichier est trop volumineux pour un import.',
    empty_file: 'Le fichier est vide.',
    unsupported_format: 'Ce format de fichier n’est pas accepté : envoyez un CSV ou un Excel (.xlsx).',
    xls_legacy: 'L’ancien format Excel (.xls) n’est pas accepté : enregistrez le fichier en .xlsx ou en CSV.',
    ods_unsupported:
      'Le format OpenDocument (.ods) n’est pas accepté : enregistrez le fichier en .xlsx ou en CSV.',
    unreadable_xlsx: 'Ce fichier Excel ne peut pas être lu.',
    unclosed_quote: 'Un guillemet du fichier n’est jamais refermé.',
    no_header: 'Le fichier n’a pas de ligne de titres de colonnes.',
    missing_columns: 'Il manque des colonnes nécessaires à l’import.',
    no_rows: 'Le fichier ne contient aucune personne à importer.',
    too_many_rows: 'Le fichier contient trop de lignes pour un import.',
    // A typed availability not understood (the reading says which part)
    phrase_empty: 'Écrivez une disponibilité ou une contrainte.',
    phrase_not_understood: 'Cette phrase n’a pas été comprise.',
    phrase_missing_when: 'Précisez quand : un jour, une date ou une période.',
    phrase_bad_time: 'Une heure de cette phrase n’est pas valide.',
    phrase_bad_date: 'Une date de cette phrase n’est pas valide.',
    phrase_too_long: 'Cette phrase est trop longue.',
    // Matching and pairs
    reason_required: 'Indiquez la raison de la fin anticipée.',
    pairing_not_active: 'Ce binôme n’est plus actif.',
    invalid_transition: 'Ce binôme est terminé.',
    deadline_past: 'La date limite doit être dans le futur.',
    no_round: 'Aucun tour de choix n’est ouvert dans ce programme.',
    round_closed: 'La date limite des choix est passée.',
    conflict_of_interest: '{{tutor}} et {{tutee}} ne peuvent pas être appariés (conflit d’intérêts).',
    capacity_reached: '{{tutor}} n’a plus de place ({{taken}}/{{capacity}}).',
    already_published: 'Ce brouillon a déjà été publié.',
    already_paired: 'Une personne du brouillon a déjà un binôme : relancez le calcul.',
    changed: 'Ce binôme vient d’être modifié : rechargez la page.',
    nothing_to_undo: 'Ce binôme n’est ni terminé ni clos : il n’y a rien à annuler.',
    undo_expired:
      'La fin de ce binôme ne peut être annulée que pendant {{minutes}} minutes : elle est maintenant définitive. Créez un nouveau binôme si besoin.',
    // Meetings, polls, reports, availability
    not_organiser:
      'Seules les personnes qui accompagnent et la coordination de ce programme organisent des rencontres.',
    not_invitable: 'Certaines personnes ne font pas partie de celles que vous accompagnez dans ce programme.',
    unknown_guide: 'Guide inconnu.',
    option_past: 'Un des créneaux proposés est déjà passé.',
    window_past: 'Cette période est passée.',
    window_too_long: 'Cherchez sur trois mois au plus.',
    start_past: 'Cette date est passée.',
    unknown_option: 'Ce créneau ne fait pas partie du sondage.',
    poll_closed: 'Ce sondage est clos : le lien a expiré ou la rencontre est déjà fixée.',
    nudge_too_soon:
      'Les personnes sans réponse ont déjà été relancées il y a moins de {{hours}} heures : une relance par personne toutes les {{hours}} heures au plus.',
    nobody_to_nudge: 'Tout le monde a répondu au sondage : personne à relancer.',
    video_url_not_video:
      'Un lien de visio ne va qu’avec une rencontre en visio : choisissez « Visio » ou retirez le lien.',
    not_polling: 'Cette rencontre est déjà fixée ou annulée.',
    not_confirmed: 'Cette rencontre n’est pas encore fixée.',
    report_before_start: 'Le compte rendu et les présences se remplissent à partir du début de la rencontre.',
    cancelled: 'Cette rencontre est annulée.',
    event_end_before_start: 'La fin doit venir après le début.',
    invalid_calendar: 'Ce fichier n’est pas un calendrier iCalendar (.ics) lisible.',
    calendar_unreachable: 'Impossible de lire ce calendrier à cette adresse.',
    calendar_too_many_occurrences:
      'Ce calendrier compte {{events}} événements dont les répétitions dépassent {{limit}} occurrences d’ici {{days}} jours : c’est plus que Compagnon n’en lit. Exportez une période plus courte ou retirez les événements qui se répètent très souvent (toutes les minutes, toutes les heures).',
    calendar_too_long:
      'La lecture de ce calendrier a été arrêtée au bout de {{seconds}} secondes. Exportez une période plus courte ou moins d’événements.',
    slot_search_too_long:
      'La recherche de créneaux a été arrêtée au bout de {{seconds}} secondes. Cherchez sur une période plus courte ou avec moins de personnes.',
    server_busy: 'Le serveur est très occupé. Réessayez dans un instant.',
    no_night_shifts: 'Ajoutez d’abord vos gardes, par exemple « garde tous les mardis ».',
    // Follow-up and contacts
    alert_not_live: 'Cette alerte n’est plus ouverte.',
    activity_in_future: 'Un contact ne peut pas être dans le futur.',
    attempt_channel: 'Une tentative sans réponse se note par appel, SMS ou e-mail.',
    not_your_tutee: 'Cette personne n’est pas suivie par vous dans ce programme.',
    not_a_tutor: 'Seules les personnes qui accompagnent notent des contacts.',
    // Data rights
    erasure_confirmation: 'Tapez SUPPRIMER pour confirmer la demande d’effacement.',
    erasure_exists: 'Une demande d’effacement est déjà en cours.',
    erasure_needs_admin:
      'Personne d’autre n’administre « {{organisation}} » : nommez un autre administrateur avant de demander l’effacement.',
    erasure_not_open: 'Cette demande d’effacement n’est plus en attente.',
    // Well-being
    checkin_answered: 'Vous avez déjà répondu à ce point : vos réponses sont enregistrées.',
    checkin_closed: 'Ce point est fermé : le prochain vous sera proposé à la date prévue par le programme.',
    checkin_unknown_question:
      'Une question de ce point a changé entre-temps : rechargez la page, vos réponses sont gardées.',
    checkin_bad_answer:
      'Une réponse n’a pas la forme attendue (un nombre de 0 à 31, oui ou non, ou un texte de 2 000 caractères au plus).',
    checkin_no_signal: 'Ce choix ne se pose qu’après un point qui signale une difficulté.',
    checkins_off: 'Ce programme ne propose pas de points sur le moral.',
    not_a_tutee: 'Seules les personnes accompagnées dans ce programme répondent aux points sur le moral.',
    // Difficulties and expert consultations
    not_a_member: 'Seul·es les membres de ce programme y signalent une difficulté.',
    closing_note_required: 'Écrivez une note de clôture : la personne qui a signalé la difficulté la lira.',
    difficulty_closed: 'Cette difficulté est close : on n’y écrit plus et son état ne change plus.',
    // Pair threads
    thread_closed: 'Cet accompagnement a pris fin : vos échanges se relisent encore, mais on n’y écrit plus.',
    // Field messages of invalid bodies (details.fields)
    field_email: 'Adresse e-mail invalide',
    field_password_short: 'Le mot de passe doit contenir au moins 10 caractères',
    field_return_path: 'Chemin de retour invalide',
    field_end_before_start: 'La fin doit suivre le début',
    field_phone: 'Numéro invalide',
    field_subject: 'Tutoré·e inconnu·e',
    // Portfolio
    portfolio_off: 'Ce programme ne tient pas de portfolio.',
    trace_not_editable:
      'Cette trace est chez votre tuteur·rice : elle se modifie de nouveau s’il ou elle vous demande une reprise.',
    trace_not_reviewable:
      'Cette trace n’attend pas de relecture : elle est déjà relue, ou pas encore envoyée.',
    trace_empty: 'Écrivez le texte de la trace ou joignez-lui un fichier avant de l’envoyer.',
    revision_due_past: 'La date de reprise doit être à venir.',
    attachment_type: 'Seuls les PDF et les images (PNG, JPEG, WebP) se joignent à une trace.',
    attachment_too_large: 'Ce fichier dépasse 10 Mo : réduisez-le ou scannez-le en plus basse résolution.',
    attachment_limit: 'Une version de trace a au plus 10 pièces jointes.',
    review_link_stale:
      'Ce lien de relecture n’est plus valable (expiré, ou la trace a changé depuis) : connectez-vous à Compagnon pour la relire.',
    unknown_trace_type: 'Ce type de trace n’existe pas dans le portfolio de ce programme.',
    unknown_competency: 'Une des compétences choisies n’existe pas dans le référentiel de ce programme.',
    no_phase:
      'L’année de DES de cette personne n’est pas renseignée : la coordination doit l’indiquer pour planifier son portfolio.',
    synthesis_not_saved:
      'Cette synthèse n’est encore qu’un brouillon : le·la tuteur·rice l’enregistre avant que chacun·e la signe.',
    synthesis_changed:
      'La synthèse a changé depuis que vous l’avez ouverte : relisez la nouvelle version avant de la signer.',
    synthesis_already_signed: 'Vous avez déjà signé cette version de la synthèse.',
    signature_name:
      'Le nom tapé ne correspond pas au vôtre : tapez votre nom complet, « {{name}} » (majuscules et accents n’importent pas).',
    signature_consent: 'Cochez la case qui dit que vous signez ce texte.',
    unknown_trace: 'Une des traces choisies n’est pas une trace envoyée par cet·te interne.',
    interview_tutor_only:
      'Seul·e le ou la tuteur·rice d’un·e interne organise son entretien tuteuré, avec cet·te interne seulement.',
    not_interview: 'Cette rencontre n’est pas un entretien tuteuré.',
    interview_incomplete: 'Indiquez un niveau pour chaque compétence avant de déposer le compte rendu.',
    report_not_filed: 'Le compte rendu doit d’abord être déposé par le ou la tuteur·rice.',
    report_changed: 'Le compte rendu a changé depuis que vous l’avez ouvert : relisez-le, puis signez.',
    title_required: 'Donnez un titre à la rencontre.',
    supervisor_link_stale:
      'Ce lien n’est plus valable (expiré, ou remplacé) : demandez à l’interne de vous en envoyer un nouveau.',
    feedback_given: 'Votre retour est déjà enregistré. Merci !',
    state_backwards:
      'Une difficulté avance sans revenir en arrière : elle est déjà à cette étape ou au-delà.',
    forward_individual: 'Seule une difficulté collective se transmet à une autre organisation.',
    forward_target:
      'Cette organisation ne peut pas recevoir cette difficulté : elle l’a déjà reçue, ou n’est pas une autre organisation de Compagnon.',
    not_an_asker:
      'Seules les personnes qui accompagnent et la coordination demandent l’avis d’un·e expert·e.',
    expert_unknown: 'Cette personne n’est pas expert·e dans les programmes de l’organisation.',
    subject_unknown:
      'Vous ne pouvez évoquer que des personnes que vous accompagnez dans ce programme (ou, pour la coordination, celles du programme).',
    consultation_closed: 'Cette demande d’avis est close : on n’y écrit plus.',
  },
  en: {
    ...moduleErrorTexts.en,
    unauthenticated: 'Sign in first.',
    forbidden: 'You are not allowed to do this.',
    not_found: 'This does not exist or is not open to you.',
    invalid_request: 'Some information is missing or invalid.',
    invalid_characters:
      'This name contains invisible or control characters (null character, line break, text direction override): remove them.',
    invalid_web_url: 'The link must be a full, secure web address starting with https://.',
    rate_limited: 'Too many requests. Try again in a minute.',
    cross_origin:
      'This request comes from a site other than Compagnon and is refused. Open Compagnon directly and try again.',
    error: 'Something went wrong. Try again; if it persists, tell your coordinator.',
    invalid_credentials: 'Wrong e-mail or password.',
    account_throttled:
      'Too many attempts for this account. Try again in {{minutes}} min, or ask for a sign-in link: it works right away.',
    sign_in_throttled:
      'Too many attempts for this account from this address. Try again in {{minutes}} min, or ask for a sign-in link.',
    address_throttled: 'Too many attempts from this address. Try again in {{minutes}} min.',
    sign_in_busy: 'Many people are signing in at once. Try again in a few seconds.',
    invalid_link: 'This link is not valid.',
    used_link: 'This link has already been used. Ask for a new one.',
    expired_link: 'This link has expired. Ask for a new one.',
    password_required: 'Choose a password to set up your access.',
    wrong_password: 'The current password is wrong.',
    same_password: 'Choose a password different from the current one.',
    password_change_required:
      'Choose your own password first: the temporary password only opens this change.',
    invalid_phone: 'Invalid phone number: “{{phone}}”.',
    phone_required_for_sms: 'Add a valid mobile number to your profile to receive SMS.',
    already_member: '{{name}} already has this role in this programme.',
    nothing_to_change: 'Give a role or a capacity.',
    nothing_to_update: 'Give at least one thing to change.',
    already_invited:
      '{{email}} is already invited with this role in this programme; the invitation awaits an answer.',
    upload_incomplete: 'The file was not received in full (the upload was interrupted). Send it again.',
    programme_archived: 'This programme is archived: it can be read but no longer changed.',
    file_required: 'Attach a CSV or Excel (.xlsx) file to import.',
    invalid_default_role: 'The role chosen for the whole file is unknown.',
    import_rows_invalid:
      'The file has errors. Fix them in your spreadsheet, then import the file again: nobody was imported.',
    import_has_errors: 'This import has errors and cannot be confirmed. Fix the file, then import it again.',
    import_already_committed:
      'This import was already confirmed: the people in the file are already in the programme. To update their details, import the file again.',
    import_columns_unresolved:
      'First choose what each column marked “To choose” is: its title could mean several things.',
    import_not_committed:
      'This import is not confirmed yet: invitations are sent once the people are imported.',
    file_too_large: 'This file is too large for an import.',
    empty_file: 'The file is empty.',
    unsupported_format: 'This file format is not accepted: send a CSV or an Excel (.xlsx) file.',
    xls_legacy: 'The old Excel format (.xls) is not accepted: save the file as .xlsx or CSV.',
    ods_unsupported: 'The OpenDocument format (.ods) is not accepted: save the file as .xlsx or CSV.',
    unreadable_xlsx: 'This Excel file cannot be read.',
    unclosed_quote: 'A quote in the file is never closed.',
    no_header: 'The file has no line of column titles.',
    missing_columns: 'Columns the import needs are missing.',
    no_rows: 'The file holds nobody to import.',
    too_many_rows: 'The file has too many lines for an import.',
    phrase_empty: 'Write an availability or a constraint.',
    phrase_not_understood: 'This sentence was not understood.',
    phrase_missing_when: 'Say when: a day, a date or a period.',
    phrase_bad_time: 'A time in this sentence is not valid.',
    phrase_bad_date: 'A date in this sentence is not valid.',
    phrase_too_long: 'This sentence is too long.',
    reason_required: 'Give the reason for ending early.',
    pairing_not_active: 'This pair is no longer active.',
    invalid_transition: 'This pair has ended.',
    deadline_past: 'The deadline must be in the future.',
    no_round: 'No choice round is open in this programme.',
    round_closed: 'The deadline for choices has passed.',
    conflict_of_interest: '{{tutor}} and {{tutee}} cannot be paired (conflict of interest).',
    capacity_reached: '{{tutor}} has no place left ({{taken}}/{{capacity}}).',
    already_published: 'This draft was already published.',
    already_paired: 'Someone in the draft is already paired: run the matching again.',
    changed: 'This pairing just changed: reload the page.',
    nothing_to_undo: 'This pairing is neither ended nor completed: there is nothing to undo.',
    undo_expired:
      'The end of a pairing can be undone for {{minutes}} minutes only: it is now final. Create a new pairing if needed.',
    not_organiser:
      'Only the people who accompany others and the coordinators of this programme organise meetings.',
    not_invitable: 'Some people are not among those you accompany in this programme.',
    unknown_guide: 'Unknown guide.',
    option_past: 'One of the proposed times has already passed.',
    window_past: 'This window is in the past.',
    window_too_long: 'Search three months at most.',
    start_past: 'This date has passed.',
    unknown_option: 'This time is not part of the poll.',
    poll_closed: 'This poll is closed: the link has expired or the meeting is already set.',
    nudge_too_soon:
      'The people without an answer were nudged less than {{hours}} hours ago: one nudge per person every {{hours}} hours at most.',
    nobody_to_nudge: 'Everyone has answered the poll: nobody to nudge.',
    video_url_not_video: 'A video link goes only with a video meeting: choose “Video” or remove the link.',
    not_polling: 'This meeting is already set or cancelled.',
    not_confirmed: 'This meeting is not set yet.',
    report_before_start: 'The report and attendance can be filled in once the meeting starts.',
    cancelled: 'This meeting is cancelled.',
    event_end_before_start: 'The end must come after the start.',
    invalid_calendar: 'This file is not a readable iCalendar (.ics) calendar.',
    calendar_unreachable: 'This calendar could not be read at that address.',
    calendar_too_many_occurrences:
      'This calendar has {{events}} events whose repetitions exceed {{limit}} occurrences within {{days}} days: more than Compagnon reads. Export a shorter period or remove the events that repeat very often (every minute, every hour).',
    calendar_too_long:
      'Reading this calendar was stopped after {{seconds}} seconds. Export a shorter period or fewer events.',
    slot_search_too_long:
      'The slot search was stopped after {{seconds}} seconds. Search a shorter period or with fewer people.',
    server_busy: 'The server is very busy. Try again in a moment.',
    no_night_shifts: 'Add your night shifts first, for example “night shift every Tuesday”.',
    alert_not_live: 'This alert is no longer open.',
    activity_in_future: 'A contact cannot be in the future.',
    attempt_channel: 'An attempt without an answer is a call, an SMS or an e-mail.',
    not_your_tutee: 'This person is not followed by you in this programme.',
    not_a_tutor: 'Only the people who accompany others log contacts.',
    erasure_confirmation: 'Type DELETE to confirm the erasure request.',
    erasure_exists: 'An erasure request is already under way.',
    erasure_needs_admin:
      'Nobody else administers “{{organisation}}”: name another admin before asking for erasure.',
    erasure_not_open: 'This erasure request is no longer waiting.',
    // Well-being
    checkin_answered: 'You have already answered this check-in: your answers are saved.',
    checkin_closed: 'This check-in is closed: the next one will come at the date the programme sets.',
    checkin_unknown_question:
      'A question of this check-in changed meanwhile: reload the page, your answers are kept.',
    checkin_bad_answer:
      'An answer does not have the expected form (a number from 0 to 31, yes or no, or a text of at most 2,000 characters).',
    checkin_no_signal: 'This choice only arises after a check-in that signals a difficulty.',
    checkins_off: 'This programme does not offer well-being check-ins.',
    not_a_tutee: 'Only the people accompanied in this programme answer well-being check-ins.',
    not_a_member: 'Only members of this programme raise a difficulty in it.',
    closing_note_required: 'Write a closing note: the person who raised the difficulty will read it.',
    difficulty_closed:
      'This difficulty is closed: nothing more is written on it and its state no longer changes.',
    thread_closed: 'This pairing has ended: your messages can still be read, but nothing more is written.',
    field_email: 'Invalid e-mail address',
    field_password_short: 'The password must have at least 10 characters',
    field_return_path: 'Invalid return path',
    field_end_before_start: 'The end must come after the start',
    field_phone: 'Invalid number',
    field_subject: 'Unknown tutee',
    portfolio_off: 'This programme keeps no portfolio.',
    trace_not_editable:
      'This trace is with your tutor: it can be changed again if they ask you for a revision.',
    trace_not_reviewable: 'This trace does not wait for a review: it was reviewed already, or not sent yet.',
    trace_empty: 'Write the trace’s text or attach a file to it before sending it.',
    revision_due_past: 'The revision’s due date must be in the future.',
    attachment_type: 'Only PDF files and images (PNG, JPEG, WebP) can be attached to a trace.',
    attachment_too_large: 'This file is over 10 MB: make it smaller or scan it at a lower resolution.',
    attachment_limit: 'A version of a trace has at most 10 attachments.',
    review_link_stale:
      'This review link is no longer valid (expired, or the trace changed since): sign in to Compagnon to review it.',
    unknown_trace_type: 'This type of trace does not exist in this programme’s portfolio.',
    unknown_competency: 'One of the chosen competencies does not exist in this programme’s framework.',
    no_phase: 'This person’s DES year is not recorded: the coordination must set it to plan their portfolio.',
    synthesis_not_saved: 'This synthesis is still a draft: the tutor saves it before anyone signs it.',
    synthesis_changed: 'The synthesis changed since you opened it: read the new version before signing it.',
    synthesis_already_signed: 'You already signed this version of the synthesis.',
    signature_name:
      'The name typed does not match yours: type your full name, “{{name}}” (capitals and accents do not matter).',
    signature_consent: 'Tick the box saying you sign this text.',
    unknown_trace: 'One of the chosen traces is not a trace this resident sent.',
    interview_tutor_only: 'Only a resident’s tutor plans their tutored interview, with that resident only.',
    not_interview: 'This meeting is not a tutored interview.',
    interview_incomplete: 'Give a level for each competency before filing the report.',
    report_not_filed: 'The report must first be filed by the tutor.',
    report_changed: 'The report changed since you opened it: read it again, then sign.',
    title_required: 'Give the meeting a title.',
    supervisor_link_stale:
      'This link is no longer valid (expired, or replaced): ask the resident to send you a new one.',
    feedback_given: 'Your feedback is already recorded. Thank you!',
    state_backwards: 'A difficulty moves forward only: it is already at that step or beyond.',
    forward_individual: 'Only a systemic difficulty is forwarded to another organisation.',
    forward_target:
      'This organisation cannot receive this difficulty: it already has, or it is not another organisation of Compagnon.',
    not_an_asker: 'Only the people who accompany others and the coordination ask an expert’s advice.',
    expert_unknown: 'This person is not an expert in the organisation’s programmes.',
    subject_unknown:
      'You may only discuss people you accompany in this programme (or, for the coordination, the programme’s people).',
    consultation_closed: 'This request for advice is closed: nothing more is written on it.',
  },
} as const;

export type ErrorCode = keyof (typeof errorTexts)['fr'];
export type ErrorLanguage = keyof typeof errorTexts;
