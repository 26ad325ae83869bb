// The texts of data rights, French first: the readable export, the e-mails and the notices.

export const rightsTexts = {
  fr: {
    documentTitle: 'Vos données dans Compagnon',
    generated: (date: string) =>
      `Document établi le ${date}. Le fichier JSON contient les mêmes données, lisibles par une machine.`,
    zone: (zone: string) => `Dates et heures dans le fuseau ${zone}.`,
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
      difficulties: 'Difficultés signalées à la coordination',
      consultations: 'Avis d’expert·es demandés ou donnés',
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
      title: (name: string) => `${name} demande l’effacement de ses données`,
      body: 'Confirmez ou refusez la demande depuis votre profil, rubrique « Mes données ».',
    },
    declinedNotice: {
      title: 'Votre demande d’effacement a été refusée',
      body: (reason: string) => `Motif : ${reason}`,
    },
  },
  en: {
    documentTitle: 'Your data in Compagnon',
    generated: (date: string) =>
      `Document made on ${date}. The JSON file holds the same data, machine-readable.`,
    zone: (zone: string) => `Dates and times in the ${zone} time zone.`,
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
      difficulties: 'Difficulties raised to the coordination',
      consultations: 'Expert advice asked or given',
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
      title: (name: string) => `${name} asks for their data to be erased`,
      body: 'Confirm or decline the request from your profile, under “My data”.',
    },
    declinedNotice: {
      title: 'Your erasure request was declined',
      body: (reason: string) => `Reason: ${reason}`,
    },
  },
};

export type RightsTexts = (typeof rightsTexts)['fr'];
export const rightsTextsFor = (locale: string | null | undefined): RightsTexts =>
  locale?.startsWith('en') ? rightsTexts.en : rightsTexts.fr;
