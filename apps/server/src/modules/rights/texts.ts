import { moduleTexts } from '../../notify/i18n.ts';
import { fieldNames } from './fields.ts';

// The texts of data rights, French first: the readable export, the e-mails and the notices.

const fr = {
  documentTitle: 'Vos données dans Compagnon',
  generated:
    'Document établi le {{date}}. Le fichier JSON contient les mêmes données, lisibles par une machine.',
  zone: 'Dates et heures dans le fuseau {{zone}}.',
  none: 'Aucune donnée.',
  yes: 'oui',
  no: 'non',
  sections: {
    account: 'Compte',
    organisations: 'Profils dans les organisations',
    placements: 'Lieux de stage ou d’exercice',
    memberships: 'Programmes',
    pairings: 'Binômes et leur historique',
    matching: 'Choix et contraintes de formation des binômes',
    availability: 'Disponibilités et calendriers (créneaux occupés seulement)',
    meetings: 'Rencontres',
    contactLog: 'Journal des contacts',
    notifications: 'Notifications',
    preferences: 'Préférences et consentements',
    signIns: 'Connexions',
    wellbeing: 'Points sur le moral (vos réponses, y compris celles masquées à votre accompagnant·e)',
    difficulties: 'Difficultés signalées à la coordination',
    pairMessages: 'Échanges avec votre binôme (messages écrits et reçus)',
    consultations: 'Avis d’expert·es demandés ou donnés',
    portfolio: 'Portfolio : traces, niveaux de compétence, synthèses, relectures écrites',
    endReviews:
      'Bilans de fin d’accompagnement et questionnaires reçus (vos réponses aux questionnaires sont anonymes : elles ne sont liées à personne)',
    joinRequests: 'Demandes pour rejoindre un programme',
    training: 'Sessions de formation : inscriptions, liste d’attente, présence',
    agreements: 'Chartes signées et durée de vos binômes',
    tutorFeedback:
      'Cas d’équipe, auto-évaluations, retours de pairs, et avis demandés sur votre tuteur·rice (vos réponses sont anonymes : elles ne sont liées à personne)',
    announcements: 'Annonces reçues, vos réponses et vos suggestions de guides',
    absences: 'Absences et remplacements',
    coaching: 'Accompagnement des nouveaux tuteur·rices',
    networks: 'Réseaux : vos messages et vos inscriptions aux sessions',
    erasure: 'Demandes d’effacement',
  },
  labels: {
    name: 'Nom',
    email: 'E-mail',
    phone: 'Téléphone',
    language: 'Langue',
    createdAt: 'Compte créé le',
    lastSignInAt: 'Dernière connexion',
    report: 'Compte rendu',
    attendance: 'Votre présence',
    participants: 'Participant·es',
    answers: 'Réponses au sondage',
    sharePhone: 'Numéro partagé avec le binôme',
    sessions: 'Sessions',
    attempts: 'Tentatives de connexion',
  },
  erasedMail: {
    subject: 'Vos données ont été effacées de Compagnon',
    body: 'Bonjour,\n\nComme vous l’avez demandé, vos données personnelles ont été effacées de Compagnon : votre compte, vos profils, vos disponibilités et calendriers, vos notifications et vos sessions. Les comptes rendus et les rencontres restent comptés par votre organisation, sans votre nom ni ce qui était écrit à votre sujet.\n\nVous ne pouvez plus vous connecter. Ce message est le dernier que vous recevrez.',
  },
  requestNotice: {
    title: '{{name}} demande l’effacement de ses données',
    body: 'Confirmez ou refusez la demande depuis votre profil, rubrique « Mes données ».',
  },
  declinedNotice: {
    title: 'Votre demande d’effacement a été refusée',
    body: 'Motif : {{reason}}',
  },
  fields: fieldNames.fr,
};

const en: typeof fr = {
  documentTitle: 'Your data in Compagnon',
  generated: 'Document made on {{date}}. The JSON file holds the same data, machine-readable.',
  zone: 'Dates and times in the {{zone}} time zone.',
  none: 'No data.',
  yes: 'yes',
  no: 'no',
  sections: {
    account: 'Account',
    organisations: 'Profiles in organisations',
    placements: 'Internship or practice sites',
    memberships: 'Programmes',
    pairings: 'Pairings and their history',
    matching: 'Choices and constraints for the matching',
    availability: 'Availability and calendars (busy times only)',
    meetings: 'Meetings',
    contactLog: 'Contact log',
    notifications: 'Notifications',
    preferences: 'Preferences and consents',
    signIns: 'Sign-ins',
    wellbeing: 'Well-being check-ins (your answers, including those hidden from your tutor)',
    difficulties: 'Difficulties raised to the coordination',
    pairMessages: 'Messages with your pair (written and received)',
    consultations: 'Expert advice asked or given',
    portfolio: 'Portfolio: traces, competency levels, syntheses, reviews written',
    endReviews:
      'End-of-relationship reviews and questionnaires received (your questionnaire answers are anonymous: they are linked to nobody)',
    joinRequests: 'Requests to join a programme',
    training: 'Training sessions: registrations, waiting list, attendance',
    agreements: 'Signed charters and your pairs’ terms',
    tutorFeedback:
      'Team cases, self-evaluations, peer feedback, and feedback asked about your tutor (your answers are anonymous: tied to nobody)',
    announcements: 'Announcements received, your answers and your guide suggestions',
    absences: 'Absences and replacements',
    coaching: 'Coaching of new tutors',
    networks: 'Networks: your messages and your registrations for sessions',
    erasure: 'Erasure requests',
  },
  labels: {
    name: 'Name',
    email: 'E-mail',
    phone: 'Phone',
    language: 'Language',
    createdAt: 'Account created on',
    lastSignInAt: 'Last sign-in',
    report: 'Report',
    attendance: 'Your attendance',
    participants: 'Participants',
    answers: 'Poll answers',
    sharePhone: 'Number shared with the pair',
    sessions: 'Sessions',
    attempts: 'Sign-in attempts',
  },
  erasedMail: {
    subject: 'Your data has been erased from Compagnon',
    body: 'Hello,\n\nAs you asked, your personal data has been erased from Compagnon: your account, your profiles, your availability and calendars, your notifications and your sessions. Reports and meetings are still counted by your organisation, without your name or what was written about you.\n\nYou can no longer sign in. This is the last message you will receive.',
  },
  requestNotice: {
    title: '{{name}} asks for their data to be erased',
    body: 'Confirm or decline the request from your profile, under “My data”.',
  },
  declinedNotice: {
    title: 'Your erasure request was declined',
    body: 'Reason: {{reason}}',
  },
  fields: fieldNames.en,
};

export const rightsWords = moduleTexts('rights', { fr, en });

/** The texts of data rights in a person's language. */
export function rightsTextsFor(locale: string | null | undefined) {
  const t = rightsWords(locale);
  const group = <T>(key: string) => t(key, { returnObjects: true }) as unknown as T;
  return {
    documentTitle: t('documentTitle'),
    generated: (date: string) => t('generated', { date }),
    zone: (zone: string) => t('zone', { zone }),
    none: t('none'),
    yes: t('yes'),
    no: t('no'),
    sections: group<typeof fr.sections>('sections'),
    labels: group<typeof fr.labels>('labels'),
    erasedMail: { subject: t('erasedMail.subject'), body: t('erasedMail.body') },
    requestNotice: {
      title: (name: string) => t('requestNotice.title', { name }),
      body: t('requestNotice.body'),
    },
    declinedNotice: {
      title: t('declinedNotice.title'),
      body: (reason: string) => t('declinedNotice.body', { reason }),
    },
  };
}

export type RightsTexts = ReturnType<typeof rightsTextsFor>;
export const rightsTexts = { fr: rightsTextsFor('fr'), en: rightsTextsFor('en') };
