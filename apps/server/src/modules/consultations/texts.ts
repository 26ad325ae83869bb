import { bothNotice, moduleTexts } from '../../notify/i18n.ts';

// The notices of expert consultations, French first. None repeats the question or the answers:
// they are read in Compagnon, signed in, and each read by the expert is audited.

const texts = moduleTexts('consultations', {
  fr: {
    asked: {
      title: '{{asker}} vous demande votre avis',
      body: 'Une question vous attend dans Compagnon ({{programme}}). Vous n’y voyez que ce qui vous est écrit et joint.',
    },
    subject: {
      title: 'Votre situation a été évoquée avec un·e expert·e',
      body: '{{asker}} a demandé l’avis {{expert, de}} à votre sujet ({{programme}}). L’expert·e ne lit que la question posée, jamais votre profil ni vos dossiers, et chacune de ses lectures apparaît dans « Qui a consulté mes données », sur votre profil.',
    },
    reply: {
      title: 'Nouveau message {{author, de}}',
      body: '{{author}} a écrit sur une demande d’avis d’expert·e. Lisez-le dans Compagnon.',
    },
  },
  en: {
    asked: {
      title: '{{asker}} asks for your advice',
      body: 'A question waits for you in Compagnon ({{programme}}). You see only what is written and attached to you.',
    },
    subject: {
      title: 'Your situation was discussed with an expert',
      body: '{{asker}} asked {{expert}} for advice about you ({{programme}}). The expert reads only the question asked, never your profile or records, and each of their reads shows in “Who read my records” on your profile.',
    },
    reply: {
      title: 'New message from {{author}}',
      body: '{{author}} wrote on a request for an expert’s advice. Read it in Compagnon.',
    },
  },
});

/** To the expert: a question waits for their advice. */
export const askedNotice = (o: { asker: string; programme: string }) => bothNotice(texts, 'asked', o);

/** To the tutee the case is about (never when the asker anonymised it). */
export const subjectNotice = (o: { asker: string; expert: string; programme: string }) =>
  bothNotice(texts, 'subject', o);

/** To the other side of the thread: a new message. */
export const replyNotice = (o: { author: string }) => bothNotice(texts, 'reply', o);
