import { bothNotice, moduleTexts } from '../../notify/i18n.ts';

// The server's words for announcements. The notice carries the announcement itself (it is meant for
// everyone it reaches) and says how to answer: from its page, to the coordination only. A reply's
// notice names who answered, never what.

const texts = moduleTexts('announcements', {
  fr: {
    sent: {
      title: 'Annonce : {{title}}',
      body: '{{author}}, pour « {{programme}} » :\n\n{{body}}{{link}}\n\nPour répondre, ouvrez l’annonce dans Compagnon : votre réponse n’est lue que par la coordination du programme, jamais par les autres destinataires.',
      link: '\n\nLien : {{url}}',
    },
    replied: {
      title: 'Réponse à votre annonce « {{title}} »',
      body: '{{name}} a répondu à votre annonce dans « {{programme}} ». Lisez sa réponse dans Compagnon.',
    },
  },
  en: {
    sent: {
      title: 'Announcement: {{title}}',
      body: '{{author}}, for “{{programme}}”:\n\n{{body}}{{link}}\n\nTo answer, open the announcement in Compagnon: only the programme’s coordination reads your answer, never the other recipients.',
      link: '\n\nLink: {{url}}',
    },
    replied: {
      title: 'Answer to your announcement “{{title}}”',
      body: '{{name}} answered your announcement in “{{programme}}”. Read the answer in Compagnon.',
    },
  },
});

/** To each recipient: the announcement, and how to answer it. */
export function announcementNotice(o: {
  author: string;
  programme: string;
  title: string;
  body: string;
  link: string | null;
}) {
  const linkIn = (lang: 'fr' | 'en') => (o.link ? texts(lang)('sent.link', { url: o.link }) : '');
  return {
    fr: bothNotice(texts, 'sent', { ...o, link: linkIn('fr') }).fr,
    en: bothNotice(texts, 'sent', { ...o, link: linkIn('en') }).en,
  };
}

/** To the announcement's author: someone answered. */
export const repliedNotice = (o: { name: string; title: string; programme: string }) =>
  bothNotice(texts, 'replied', o);
