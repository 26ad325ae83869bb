import { bothNotice, moduleTexts } from '../../notify/i18n.ts';

// The notices of feedback on one's tutoring, French first. None carries an answer.

const texts = moduleTexts('feedback', {
  fr: {
    peerAsked: {
      title: '{{asker}} vous demande un retour sur son tutorat',
      body: 'Une courte grille vous attend dans Compagnon. Seul·e {{asker}} lira votre réponse, signée de votre nom.',
    },
    peerAnswered: {
      title: '{{peer}} vous a fait un retour',
      body: 'Lisez le retour {{peer, de}} sur votre tutorat dans Compagnon. Personne d’autre ne le lit.',
    },
    tuteeAsked: {
      title: 'Votre avis sur votre tutorat ({{programme}})',
      body: 'Cinq questions sur votre accompagnement par {{tutor}}, en une minute. Votre réponse est anonyme : elle n’est liée ni à votre nom ni à une date, et votre tuteur·rice n’en voit que des moyennes, à partir de {{min}} réponses.',
    },
  },
  en: {
    peerAsked: {
      title: '{{asker}} asks for your feedback on their tutoring',
      body: 'A short grid waits for you in Compagnon. Only {{asker}} will read your answer, signed with your name.',
    },
    peerAnswered: {
      title: '{{peer}} gave you feedback',
      body: 'Read {{peer}}’s feedback on your tutoring in Compagnon. Nobody else reads it.',
    },
    tuteeAsked: {
      title: 'Your view of your tutoring ({{programme}})',
      body: 'Five questions about how {{tutor}} accompanies you, in one minute. Your answer is anonymous: tied to neither your name nor a date, and your tutor sees only means, from {{min}} answers.',
    },
  },
});

/** To a teammate asked for feedback. */
export const peerAskedNotice = (o: { asker: string }) => bothNotice(texts, 'peerAsked', o);
/** To the asking tutor: a teammate answered. */
export const peerAnsweredNotice = (o: { peer: string }) => bothNotice(texts, 'peerAnswered', o);
/** To a tutee: an anonymous question about their tutor. */
export const tuteeAskedNotice = (o: { tutor: string; programme: string; min: number }) =>
  bothNotice(texts, 'tuteeAsked', o);
