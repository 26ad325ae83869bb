// The refusals of the guides library and of announcements (modules/guides, modules/announcements),
// merged into error-texts.ts.

export const guideErrorTexts = {
  fr: {
    suggestion_decided: 'Cette suggestion a déjà été acceptée ou déclinée.',
    guide_archived:
      'Ce guide est archivé : restaurez-le avant de le proposer ou de le modifier par une suggestion.',
    announcement_rate:
      'Vous avez déjà envoyé {{max}} annonces dans l’heure : attendez un peu avant d’en envoyer une autre, ou regroupez vos messages.',
    announcement_no_audience:
      'Personne ne recevrait cette annonce : le programme n’a encore personne dans ce public.',
    announcement_not_recipient:
      'Seules les personnes à qui cette annonce s’adresse peuvent y répondre ; la coordination lit les réponses.',
  },
  en: {
    suggestion_decided: 'This suggestion has already been accepted or declined.',
    guide_archived: 'This guide is archived: restore it before suggesting or changing it.',
    announcement_rate:
      'You have already sent {{max}} announcements within the hour: wait a little before sending another, or group your messages.',
    announcement_no_audience:
      'Nobody would receive this announcement: the programme has nobody in that audience yet.',
    announcement_not_recipient:
      'Only the people this announcement is addressed to may answer it; the coordination reads the answers.',
  },
} as const;
